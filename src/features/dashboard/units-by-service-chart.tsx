import { useState } from 'react';
import type { LabelProps } from 'recharts';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
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
import { AXIS_TICK, SERIES_COLOURS, selectionOpacity, TOOLTIP_STYLE } from './chart-theme';
import type { ExportContext } from '../../components/chart-export/export-menu';
import { useChartHeight } from './chart-size';
import { ChartCard, FilterButton } from '../../components/charts/chart-card';

const fmt = (n: number) => formatCount(n);
const compactNumber = new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });

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
  const colour = (key: string, i: number) =>
    key === OTHER_SYSTEMS ? '#999999' : SERIES_COLOURS[i % SERIES_COLOURS.length]!;
  const [withUnallocated, setWithUnallocated] = useState(false);
  const unallocated = rows.find((r) => r.service === 'unallocated');
  // The total is written above the topmost segment of each stack.
  const chartRows = rows
    .filter((r) => withUnallocated || r.service !== 'unallocated')
    .map((r) => ({ ...r, ...r.bySeries, topKey: series.filter((s) => r.bySeries[s.key]).at(-1)?.key }));
  const shown = series
    .map((s, i) => ({ ...s, colour: colour(s.key, i) }))
    .filter((s) => chartRows.some((r) => r.bySeries[s.key]));
  const totalLabel = (key: string) =>
    function TotalLabel(props: LabelProps) {
      const row = chartRows[Number(props.index)];
      if (!row || row.topKey !== key) return null;
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
    };
  const summary = rows.map((r) => `${r.label} ${fmt(r.total)}`).join(', ');
  const toggleService = (service: string) => {
    if (service !== 'unallocated') onToggle('service', service);
  };
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
        <BarChart data={chartRows} margin={{ top: 24, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} interval={0} />
          <YAxis
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={56}
            tickFormatter={(v: number) => compactNumber.format(v)}
            allowDecimals={false}
          />
          <Tooltip
            cursor={{ fillOpacity: 0.08 }}
            contentStyle={TOOLTIP_STYLE}
            formatter={(value, name) => [fmt(Number(value)), String(name)]}
          />
          <Legend
            wrapperStyle={{ fontSize: 13, cursor: 'pointer' }}
            formatter={(value) => <span className="legend-text">{value}</span>}
            onClick={(entry) => {
              const key = String(entry.dataKey ?? '');
              if (key && key !== OTHER_SYSTEMS) onToggle('system', key);
            }}
          />
          {shown.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId="units"
              fill={s.colour}
              isAnimationActive={false}
              maxBarSize={110}
              onClick={(bar) => toggleService(String((bar.payload as { service: string }).service))}
              cursor="pointer"
            >
              <LabelList dataKey="total" content={totalLabel(s.key)} />
              {chartRows.map((r) => (
                <Cell
                  key={r.service}
                  fillOpacity={
                    selectionOpacity(filter.service, r.service) *
                    (s.key === OTHER_SYSTEMS ? 1 : selectionOpacity(filter.system, s.key))
                  }
                />
              ))}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
