import { AllocationChart } from '../../components/charts/allocation-chart';
import { allocationRows, formatPartialDate, signatureDate, type Deal } from '../../domain';
import { ContextLink } from '../../components/context-link';

/** The first chart: how one deal's units are split between the armed services. */
export function AllocationCard({ deal, height }: { deal: Deal; height?: number }) {
  const quantity = deal.quantity!;
  const rows = allocationRows(deal);
  const system = deal.system?.name ?? deal.title;
  const signed = signatureDate(deal);
  const sources = deal.sources.filter((s) => quantity.sourceIds.includes(s.id));
  return (
    <figure className="card chart-card">
      <figcaption>
        <h2 className="chart-card__title">
          {system} {quantity.unit} by armed service
        </h2>
        <p className="chart-card__subtitle">
          {quantity.total.toLocaleString('en')} {quantity.unit} on order
          {signed ? ` · contract signed ${formatPartialDate(signed)}` : ''} ·{' '}
          <ContextLink to={`/deals/${encodeURIComponent(deal.id)}`}>{deal.title}</ContextLink>
          {deal.synthetic ? ' · synthetic record' : ''}
        </p>
      </figcaption>
      <AllocationChart rows={rows} unit={quantity.unit} {...(height ? { height } : {})} />
      <p className="chart-card__source">
        Source{sources.length === 1 ? '' : 's'}: {sources.map((s) => `${s.publisher}`).join('; ')}
      </p>
    </figure>
  );
}
