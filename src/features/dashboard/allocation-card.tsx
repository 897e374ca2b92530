import { AllocationChartCard } from '../../components/charts/allocation-chart-card';
import { ContextLink } from '../../components/context-link';
import { formatPartialDate, signatureDate, type Deal, formatCount } from '../../domain';

/** The dashboard's featured split by service: the MQ-9B's 15 / 8 / 8 on the seed data. */
export function AllocationCard({ deal, height }: { deal: Deal; height?: number }) {
  const quantity = deal.quantity!;
  const signed = signatureDate(deal);
  const sources = deal.sources.filter((s) => quantity.sourceIds.includes(s.id));
  const subtitle = `${formatCount(quantity.total)} ${quantity.unit} on order${
    signed ? ` · contract signed ${formatPartialDate(signed)}` : ''
  }${deal.synthetic ? ' · synthetic record' : ''}`;
  return (
    <AllocationChartCard
      deal={deal}
      subtitle={subtitle}
      {...(height ? { height } : {})}
      footer={
        <>
          <ContextLink to={`/deals/${encodeURIComponent(deal.id)}`}>{deal.title}</ContextLink> · Source
          {sources.length === 1 ? '' : 's'}: {sources.map((s) => s.publisher).join('; ')}
        </>
      }
    />
  );
}
