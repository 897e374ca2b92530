import { useMemo, useState } from 'react';
import type { LabelProps } from 'recharts';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  OTHER_SYSTEMS,
  type DealFilter,
  type FacetKey,
  type UnitsByService,
  formatCount,
} from '../../domain';
import { AXIS_TICK, SERIES_COLOURS, selectionOpacity, TOOLTIP_CURSOR, TOOLTIP_STYLE } from './chart-theme';
import { dimmableBar } from './bar-shapes';
import { useStableCallback } from '../../components/use-stable-callback';
import type { ExportContext } from '../../components/chart-export/export-menu';
import { useChartHeight } from './chart-size';
import { ChartCard, FilterButton } from '../../components/charts/chart-card';

const fmt = (n: number) => formatCount(n);
const compactNumber = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });
const formatAxis = (v: number) => compactNumber.format(v);
const formatTooltip = (value: unknown, name: unknown) =>
  [fmt(Number(value)), String(name)] as [string, string];
const legendText = (value: unknown) => <span className="legend-text">{String(value)}</span>;
const MARGIN = { top: 24, right: 16, bottom: 4, left: 4 };
const LEGEND_STYLE = { fontSize: 13, cursor: 'pointer' };

interface ChartRow {
  total: number;
  topKey: string | undefined;
}

/** The stack's total, written above its topmost segment (Recharts passes the label's geometry). */
function TotalLabel(props: LabelProps & { rows: ChartRow[]; seriesKey: string }) {
  const row = props.rows[Number(props.index)];
  if (!row || row.topKey !== props.seriesKey) return null;
  const x = Number(props.x) + Number(props.width) / 2;
  return (
    <text
      x={x}
      y={Number(props.y) - 8}
      textAnchor="middle"
      fill="currentColor"
      fontSize={15}
      fontWeight={600}
    >
      {fmt(row.total)}
    </text>
  );
}

function colour(key: string, i: number): string {
  return key === OTHER_SYSTEMS ? '#999999' : SERIES_COLOURS[i % SERIES_COLOURS.length]!;
}

export function UnitsByServiceChart({
  data,
  filter,
  subtitle,
  onToggle,
  exportContext,
}: {
  data: UnitsByService;
  filter: DealFilter;
  subtitle: string;
  onToggle: (facet: FacetKey, value: string) => void;
  exportContext?: ExportContext;
}) {
  const height = useChartHeight();
  const { rows, series } = data;
  const [withUnallocated, setWithUnallocated] = useState(false);
  const unallocated = rows.find((r) => r.service === 'unallocated');
  const chartRows = useMemo(
    () =>
      rows
        .filter((r) => withUnallocated || r.service !== 'unallocated')
        .map((r) => ({
          ...r,
          ...r.bySeries,
          topKey: series.filter((s) => r.bySeries[s.key]).at(-1)?.key,
          opacity: selectionOpacity(filter.service, r.service),
        })),
    [rows, series, withUnallocated, filter.service],
  );
  const shown = useMemo(
    () =>
      series
        .map((s, i) => ({
          ...s,
          colour: colour(s.key, i),
          opacity: s.key === OTHER_SYSTEMS ? 1 : selectionOpacity(filter.system, s.key),
          totals: <LabelList dataKey="total" content={<TotalLabel rows={chartRows} seriesKey={s.key} />} />,
        }))
        .filter((s) => chartRows.some((r) => r.bySeries[s.key])),
    [series, chartRows, filter.system],
  );
  const summary = rows.map((r) => `${r.label} ${fmt(r.total)}`).join(', ');
  const toggleService = (service: string) => {
    if (service !== 'unallocated') onToggle('service', service);
  };
  const onBar = useStableCallback((bar: { payload?: unknown }) =>
    toggleService(String((bar.payload as { service: string }).service)),
  );
  const onLegend = useStableCallback((entry: { dataKey?: unknown }) => {
    const key = typeof entry.dataKey === 'string' ? entry.dataKey : '';
    if (key && key !== OTHER_SYSTEMS) onToggle('system', key);
  });
  return (
    <ChartCard
      exportContext={exportContext}
      title="Units by armed service"
      subtitle={`${subtitle} · stacked by system · units of every kind (drones, engines, rounds…) counted`}
      summary={`Units: ${summary}.`}
      tableOnly={
        chartRows.length === 0 && rows.length > 0
          ? 'No units under these filters are split by service: tick the box or see the table.'
          : undefined
      }
      empty={rows.length === 0 ? 'No deal under these filters reports a quantity.' : undefined}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Service</th>
              {series.map((s) => (
                <th scope="col" key={s.key} className="num">
                  {s.label}
                </th>
              ))}
              <th scope="col" className="num">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.service}>
                <th scope="row">
                  {r.service === 'unallocated' ? (
                    r.label
                  ) : (
                    <FilterButton
                      label={r.label}
                      active={filter.service?.includes(r.service) ?? false}
                      onClick={() => toggleService(r.service)}
                    />
                  )}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="num">
                    {r.bySeries[s.key] ? fmt(r.bySeries[s.key]!) : '–'}
                  </td>
                ))}
                <td className="num">{fmt(r.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
      actions={
        unallocated ? (
          <label className="check">
            <input
              type="checkbox"
              checked={withUnallocated}
              onChange={(e) => setWithUnallocated(e.target.checked)}
            />
            Show units not split by service
          </label>
        ) : null
      }
      footer={
        <>
          {unallocated && !withUnallocated
            ? `${fmt(unallocated.total)} units that the sources do not split by service are not drawn (see the table). `
            : ''}
          {data.dealsWithoutQuantity > 0
            ? `${fmt(data.dealsWithoutQuantity)} deal${data.dealsWithoutQuantity === 1 ? '' : 's'} without a reported quantity.`
            : ''}
        </>
      }
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={chartRows} margin={MARGIN}>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} interval={0} />
          <YAxis
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={56}
            tickFormatter={formatAxis}
            allowDecimals={false}
          />
          <Tooltip cursor={TOOLTIP_CURSOR} contentStyle={TOOLTIP_STYLE} formatter={formatTooltip} />
          <Legend wrapperStyle={LEGEND_STYLE} formatter={legendText} onClick={onLegend} />
          {shown.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="units"
              fill={s.colour}
              fillOpacity={s.opacity}
              shape={dimmableBar}
              isAnimationActive={false}
              maxBarSize={110}
              onClick={onBar}
              cursor="pointer"
            >
              {s.totals}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
