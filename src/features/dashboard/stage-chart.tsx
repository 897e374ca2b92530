import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DealFilter, StageCount } from '../../domain';
import { AXIS_TICK, selectionOpacity, TOOLTIP_STYLE } from './chart-theme';
import type { ExportContext } from '../../components/chart-export/export-menu';
import { useChartHeight } from './chart-size';
import { ChartCard, FilterButton } from '../../components/charts/chart-card';
import { formatCount } from '../../domain';

const ON_PATH = '#0072B2';
const OFF_PATH = '#D55E00';

/** Lifecycle as horizontal bars in order, stalled and cancelled in another colour below the path. */
export function StageChart({
  stages,
  filter,
  subtitle,
  onStatus,
  exportContext,
}: {
  stages: StageCount[];
  filter: DealFilter;
  subtitle: string;
  onStatus: (status: string) => void;
  exportContext?: ExportContext;
}) {
  const height = useChartHeight();
  const total = stages.reduce((n, s) => n + s.count, 0);
  return (
    <ChartCard
      exportContext={exportContext}
      title="Deals by lifecycle stage"
      subtitle={`${subtitle} · announced → completed; stalled and cancelled apart`}
      summary={stages.map((s) => `${s.label} ${s.count}`).join(', ')}
      empty={total === 0 ? 'No deal matches these filters.' : undefined}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col" className="num">
                Deals
              </th>
            </tr>
          </thead>
          <tbody>
            {stages.map((s) => (
              <tr key={s.status}>
                <th scope="row">
                  <FilterButton
                    label={s.label}
                    active={filter.status?.includes(s.status) ?? false}
                    onClick={() => onStatus(s.status)}
                  />
                </th>
                <td className="num">{formatCount(s.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={stages} layout="vertical" margin={{ top: 4, right: 48, bottom: 4, left: 8 }}>
          <CartesianGrid horizontal={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis type="number" tick={AXIS_TICK} tickLine={false} allowDecimals={false} />
          <YAxis type="category" dataKey="label" tick={AXIS_TICK} tickLine={false} width={128} interval={0} />
          <Tooltip
            cursor={{ fillOpacity: 0.08 }}
            contentStyle={TOOLTIP_STYLE}
            formatter={(v) => [formatCount(Number(v)), 'Deals']}
          />
          <Bar
            dataKey="count"
            name="Deals"
            isAnimationActive={false}
            cursor="pointer"
            onClick={(bar) => onStatus(String((bar.payload as StageCount).status))}
          >
            {stages.map((s) => (
              <Cell
                key={s.status}
                fill={s.offPath ? OFF_PATH : ON_PATH}
                fillOpacity={selectionOpacity(filter.status, s.status)}
              />
            ))}
            <LabelList
              dataKey="count"
              position="right"
              fill="currentColor"
              fontSize={14}
              formatter={(v) => formatCount(Number(v))}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
