import { AllocationChart } from '../../components/charts/allocation-chart';
import { ChartCard } from '../../components/charts/chart-card';
import { ContextLink } from '../../components/context-link';
import { allocationRows, formatPartialDate, signatureDate, type Deal } from '../../domain';

/** One deal's units split between the armed services: the MQ-9B's 15 / 8 / 8 on the seed data. */
export function AllocationCard({ deal, height }: { deal: Deal; height?: number }) {
  const quantity = deal.quantity!;
  const rows = allocationRows(deal);
  const system = deal.system?.name ?? deal.title;
  const signed = signatureDate(deal);
  const sources = deal.sources.filter((s) => quantity.sourceIds.includes(s.id));
  const title = `${system} ${quantity.unit} by armed service`;
  const subtitle = `${quantity.total.toLocaleString('en')} ${quantity.unit} on order${
    signed ? ` · contract signed ${formatPartialDate(signed)}` : ''
  }${deal.synthetic ? ' · synthetic record' : ''}`;
  return (
    <ChartCard
      title={title}
      subtitle={subtitle}
      summary={rows.map((r) => `${r.label} ${r.units.toLocaleString('en')}`).join(', ')}
      exportContext={{
        sources: sources.map((s) => s.publisher).join('; '),
        synthetic: deal.synthetic === true,
        filters: deal.id,
      }}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col" className="num">
                {quantity.unit}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.service}>
                <th scope="row">{r.label}</th>
                <td className="num">{r.units.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      footer={
        <>
          <ContextLink to={`/deals/${encodeURIComponent(deal.id)}`}>{deal.title}</ContextLink> · Source
          {sources.length === 1 ? '' : 's'}: {sources.map((s) => s.publisher).join('; ')}
        </>
      }
    >
      <AllocationChart rows={rows} unit={quantity.unit} labelled={false} {...(height ? { height } : {})} />
    </ChartCard>
  );
}
