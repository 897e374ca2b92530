import { Fragment } from 'react';
import { AllocationChartCard } from '../../components/charts/allocation-chart-card';
import { ContextLink } from '../../components/context-link';
import { DataText } from '../../components/data-text';
import { isolate } from '../../domain/text/text-safety';
import { formatPartialDate, signatureDate, type Deal, formatCount } from '../../domain';
import type { ChartData } from '../../domain/export/chart-data';

/** The dashboard's featured split by service: the MQ-9B's 15 / 8 / 8 on the seed data. */
export function AllocationCard({
  deal,
  height,
  chartData,
}: {
  deal: Deal;
  height?: number;
  /** The dashboard's chart data, which holds this card's numbers. */
  chartData?: (() => readonly ChartData[]) | undefined;
}) {
  const quantity = deal.quantity!;
  const signed = signatureDate(deal);
  const sources = deal.sources.filter((s) => quantity.sourceIds.includes(s.id));
  const subtitle = `${formatCount(quantity.total)} ${isolate(quantity.unit)} on order${
    signed ? ` · contract signed ${formatPartialDate(signed)}` : ''
  }${deal.synthetic ? ' · synthetic record' : ''}`;
  return (
    <AllocationChartCard
      deal={deal}
      subtitle={subtitle}
      {...(height ? { height } : {})}
      chartData={chartData}
      footer={
        <>
          <ContextLink to={`/deals/${encodeURIComponent(deal.id)}`}>
            <DataText>{deal.title}</DataText>
          </ContextLink>{' '}
          · Source
          {sources.length === 1 ? '' : 's'}:{' '}
          {sources.map((s, i) => (
            <Fragment key={s.id}>
              {i > 0 ? '; ' : ''}
              <DataText>{s.publisher}</DataText>
            </Fragment>
          ))}
        </>
      }
    />
  );
}
