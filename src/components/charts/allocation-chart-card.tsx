import { useMemo, type ReactNode } from 'react';
import { allocationRows, type Deal, formatCount } from '../../domain';
import type { ChartData } from '../../domain/export/chart-data';
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
  return (
    <ChartCard
      title={`${deal.system ? isolate(deal.system.name) : 'Units'} ${isolate(quantity.unit)} by armed service`}
      subtitle={subtitle}
      summary={rows.map((r) => `${r.label} ${formatCount(r.units)}`).join(', ')}
      exportContext={{
        sources: sources.map((s) => s.publisher).join('; '),
        synthetic: deal.synthetic === true,
        filters: deal.id,
        ...(chartData ? { chartData } : {}),
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
