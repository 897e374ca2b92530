import { useMemo, type ReactNode } from 'react';
import { allocationRows, dataAsOfLabel, type Deal, formatCount, latestSourceDate } from '../../domain';
import { allocationChartData, type ChartData } from '../../domain/export/chart-data';
import { isolate } from '../../domain/text/text-safety';
import { AllocationChart } from './allocation-chart';
import { ChartCard } from './chart-card';

/** One deal's units by armed service as an exportable chart card, with the same numbers as a table. */
export function AllocationChartCard({
  deal,
  subtitle,
  footer,
  height,
  chartData,
}: {
  deal: Deal;
  subtitle: string;
  footer?: ReactNode;
  height?: number;
  /** The page's chart data (the dashboard's), for "Download data" and the description. */
  chartData?: (() => readonly ChartData[]) | undefined;
}) {
  const quantity = deal.quantity!;
  const rows = useMemo(() => allocationRows(deal), [deal]);
  const sources = deal.sources.filter((s) => quantity.sourceIds.includes(s.id));
  // On a page without the dashboard's chart data (the deal page), the card's own: the same rows.
  const ownData = useMemo(() => {
    const synthetic = deal.synthetic === true;
    const base = {
      filters: `Deal: ${deal.title}`,
      synthetic,
      dataAsOf: dataAsOfLabel(latestSourceDate([deal]), synthetic),
    };
    return () => {
      const chart = allocationChartData(deal, base);
      return chart ? [chart] : [];
    };
  }, [deal]);
  return (
    <ChartCard
      title={`${deal.system ? isolate(deal.system.name) : 'Units'} ${isolate(quantity.unit)} by armed service`}
      subtitle={subtitle}
      summary={rows.map((r) => `${r.label} ${formatCount(r.units)}`).join(', ')}
      exportContext={{
        sources: sources.map((s) => s.publisher).join('; '),
        synthetic: deal.synthetic === true,
        filters: deal.id,
        chartData: chartData ?? ownData,
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
                <td className="num">{formatCount(r.units)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      footer={footer}
    >
      <AllocationChart rows={rows} unit={quantity.unit} labelled={false} {...(height ? { height } : {})} />
    </ChartCard>
  );
}
