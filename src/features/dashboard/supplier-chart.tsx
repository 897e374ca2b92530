import { useCallback, useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import {
  countAxisFormat,
  formatCount,
  NO_SYSTEM_KEY,
  roundTicks,
  type DealFilter,
  type OrderGroupRow,
  type OrdersBreakdown,
} from '../../domain';
import {
  ORDERS_TITLES,
  ordersColourKey,
  ordersRows,
  TIV_COLUMN,
  TIV_NOTE,
  tivKnownNote,
  type OrdersGrouping,
} from '../../domain/export/orders-chart-data';
import { facetBar, yearBar } from '../../domain/filter/drill-through';
import { AXIS_TICK, selectionOpacity, TOOLTIP_CURSOR, TOOLTIP_STYLE } from './chart-theme';
import { dimmableBar } from './bar-shapes';
import { colourOfKey } from './chart-colours';
import { useStableCallback } from '../../components/use-stable-callback';
import type { ExportContext } from '../../components/chart-export/export-menu';
import { ChartFrame } from '../../components/charts/chart-frame';
import { SvgBarChart } from '../../components/charts/svg-bar-chart';
import { ChartCard, FilterButton } from '../../components/charts/chart-card';
import {
  DrillThroughHeader,
  DrillThroughRow,
  DrillThroughTooltip,
  useBarDeals,
} from '../../components/charts/drill-through';

type Metric = 'count' | 'tiv';

/** Bars a horizontal chart draws at its height; the rest are in the table, said under the chart. */
export const MOST_BARS = 12;
const HORIZONTAL_MARGIN = { top: 4, right: 72, bottom: 4, left: 8 };
const VERTICAL_MARGIN = { top: 24, right: 16, bottom: 4, left: 4 };
/** Recharts' default bar fill; every row has its own colour, so it shows only if one has none. */
const BAR_FILL = '#3182bd';

const tivFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
const wholeTiv = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
/** TIV in millions, never with a currency sign: one decimal below 100, whole millions above. */
export function formatTiv(value: number): string {
  return value < 100 ? tivFormat.format(value) : wholeTiv.format(value);
}

const GROUPING_LABELS: Record<OrdersGrouping, string> = {
  supplier: 'By supplier',
  category: 'By system type',
  year: 'By year',
};

/** What one bar stands for as a filter: a supplier, a system type or a year; none for "System not recorded". */
function barOf(grouping: OrdersGrouping, key: string): DealFilter | undefined {
  if (grouping === 'year') return yearBar(Number(key));
  if (grouping === 'category') return key === NO_SYSTEM_KEY ? undefined : facetBar('category', key);
  return facetBar('supplier', key);
}

/**
 * What a SIPRI user looks for first: orders by supplier country, by system type and by year, counted
 * in deals or in SIPRI TIV (millions). TIV is SIPRI's volume indicator, never money: it is drawn on
 * its own axis, never summed with a value, and the card says how many deals carry it.
 */
export function SupplierChart({
  orders,
  filter,
  subtitle,
  onToggle,
  onYear,
  exportContext,
}: {
  orders: OrdersBreakdown;
  filter: DealFilter;
  subtitle: string;
  onToggle: (facet: 'supplier' | 'category', value: string) => void;
  onYear: (year: number) => void;
  exportContext?: ExportContext;
}) {
  const [grouping, setGrouping] = useState<OrdersGrouping>('supplier');
  const [asked, setMetric] = useState<Metric>('count');
  // Without any TIV in view, the TIV switch is off and the card draws deals.
  const metric: Metric = orders.tivKnown > 0 ? asked : 'count';
  const all = ordersRows(orders, grouping);
  const horizontal = grouping !== 'year';
  const rows = useMemo(() => {
    const ranked =
      metric === 'tiv' && horizontal
        ? [...all].sort((a, b) => (b.tiv ?? -1) - (a.tiv ?? -1) || b.count - a.count)
        : all;
    const shown = horizontal ? ranked.slice(0, MOST_BARS) : ranked;
    const selected =
      grouping === 'supplier' ? filter.supplier : grouping === 'category' ? filter.category : undefined;
    return shown.map((r) => ({
      ...r,
      value: metric === 'count' ? r.count : (r.tiv ?? undefined),
      colour: colourOfKey(ordersColourKey(grouping, r)),
      opacity:
        grouping === 'year'
          ? filter.yearMin === Number(r.key) && filter.yearMax === Number(r.key)
            ? 1
            : filter.yearMin === undefined && filter.yearMax === undefined
              ? 1
              : 0.35
          : selectionOpacity(selected, r.key),
    }));
  }, [all, metric, horizontal, grouping, filter]);
  const left = all.length - rows.length;
  const ticks = useMemo(
    () => roundTicks(Math.max(0, ...rows.map((r) => r.value ?? 0)), { whole: metric === 'count' }),
    [rows, metric],
  );
  const domain = useMemo(() => [0, ticks.at(-1) ?? 1] as [number, number], [ticks]);
  const show = useCallback(
    (v: unknown) => (metric === 'count' ? formatCount(Number(v)) : formatTiv(Number(v))),
    [metric],
  );
  const dealsOf = useBarDeals(filter);
  const tooltip = useMemo(
    () => (
      <DrillThroughTooltip
        dealsOf={dealsOf}
        describe={(point) => {
          const r = point as OrderGroupRow;
          const bar = barOf(grouping, r.key);
          return bar ? { title: r.label, bar } : undefined;
        }}
      />
    ),
    [dealsOf, grouping],
  );
  const labels = useMemo(
    () => <LabelList dataKey="value" position="top" fill="currentColor" fontSize={11} formatter={show} />,
    [show],
  );
  const pick = useStableCallback((key: string) => {
    if (grouping === 'year') onYear(Number(key));
    else if (key !== NO_SYSTEM_KEY) onToggle(grouping, key);
  });
  const onBar = useStableCallback((bar: { payload?: unknown }) =>
    pick(String((bar.payload as OrderGroupRow).key)),
  );
  const onRow = useStableCallback((row: OrderGroupRow) => pick(row.key));
  const switches = (
    <>
      <span className="segmented" role="group" aria-label="Orders by">
        {(['supplier', 'category', 'year'] as const).map((g) => (
          <button key={g} type="button" aria-pressed={grouping === g} onClick={() => setGrouping(g)}>
            {GROUPING_LABELS[g]}
          </button>
        ))}
      </span>
      {orders.tivKnown > 0 ? (
        <span className="segmented" role="group" aria-label="Measure">
          {(['count', 'tiv'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={metric === m} onClick={() => setMetric(m)}>
              {m === 'count' ? 'Deals' : 'SIPRI TIV'}
            </button>
          ))}
        </span>
      ) : null}
    </>
  );
  const title = `${ORDERS_TITLES[grouping]}${metric === 'tiv' ? ': SIPRI TIV (millions)' : ''}`;
  const tivNote = tivKnownNote(orders);
  const summary = all
    .map((r) => `${r.label} ${formatCount(r.count)}${r.tiv !== null ? ` (TIV ${formatTiv(r.tiv)})` : ''}`)
    .join(', ');
  const bars = (
    <Bar
      dataKey="value"
      isAnimationActive={false}
      cursor="pointer"
      onClick={onBar}
      shape={dimmableBar}
      maxBarSize={40}
    >
      {/* Dozens of years leave no room for a number on each bar: the tooltip and the table have them. */}
      {rows.length <= 30 ? labels : null}
    </Bar>
  );
  return (
    <ChartCard
      exportContext={exportContext}
      chartId="orders"
      dataId={`orders-by-${grouping}`}
      title={title}
      subtitle={`${subtitle}${grouping === 'supplier' ? ' · by supplier country' : grouping === 'year' ? ' · by year of signature (first milestone if unsigned)' : ' · by system type'}`}
      summary={`${ORDERS_TITLES[grouping]}: ${summary || 'none'}. ${tivNote}`}
      actions={switches}
      empty={all.length === 0 ? 'No deal matches these filters.' : undefined}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">
                {grouping === 'supplier' ? 'Supplier' : grouping === 'category' ? 'System type' : 'Year'}
              </th>
              <th scope="col" className="num">
                Deals
              </th>
              <th scope="col" className="num">
                {TIV_COLUMN}
              </th>
              <th scope="col" className="num">
                Deals with TIV
              </th>
              <DrillThroughHeader />
            </tr>
          </thead>
          <tbody>
            {all.map((r) => {
              const bar = barOf(grouping, r.key);
              const active =
                grouping === 'supplier'
                  ? (filter.supplier?.includes(r.key) ?? false)
                  : grouping === 'category'
                    ? (filter.category?.includes(r.key as never) ?? false)
                    : filter.yearMin === Number(r.key) && filter.yearMax === Number(r.key);
              const cells = (
                <>
                  <th scope="row">
                    {bar ? (
                      <FilterButton label={r.label} active={active} onClick={() => pick(r.key)} />
                    ) : (
                      r.label
                    )}
                  </th>
                  <td className="num">{formatCount(r.count)}</td>
                  <td className="num">
                    {r.tiv !== null ? (
                      formatCount(r.tiv)
                    ) : (
                      <span title="Not known: no deal here has a SIPRI TIV">–</span>
                    )}
                  </td>
                  <td className="num">{formatCount(r.tivKnown)}</td>
                </>
              );
              return bar ? (
                <DrillThroughRow
                  key={r.key}
                  columns={4}
                  title={r.label}
                  count={r.count}
                  filter={filter}
                  bar={bar}
                  deals={() => dealsOf(bar)}
                  cells={cells}
                />
              ) : (
                <tr key={r.key}>
                  {cells}
                  <td />
                </tr>
              );
            })}
          </tbody>
        </table>
      }
      footer={
        <>
          {left > 0
            ? `The ${rows.length} with most ${metric === 'count' ? 'deals' : 'TIV'} of ${formatCount(all.length)} are drawn; all are in the table. `
            : ''}
          {grouping === 'supplier' && orders.multiSupplier > 0
            ? `${formatCount(orders.multiSupplier)} deals with several suppliers count under each. `
            : ''}
          {grouping === 'year' && orders.undated > 0
            ? `${formatCount(orders.undated)} deals without a year not drawn. `
            : ''}
          {tivNote} {orders.tivKnown > 0 ? TIV_NOTE : ''}
        </>
      }
    >
      {horizontal ? (
        <SvgBarChart
          data={rows}
          category={(r) => r.label}
          value={(r) => r.value}
          fill={BAR_FILL}
          margin={HORIZONTAL_MARGIN}
          categoryWidth={150}
          ticks={ticks}
          domain={domain}
          tickFormat={metric === 'count' ? countAxisFormat : formatTiv}
          tickInterval="preserveStartEnd"
          label={show}
          maxBarSize={28}
          tooltip={tooltip}
          onBar={onRow}
        />
      ) : (
        // By year stays a Recharts chart: its year axis thins its labels by measuring them (minTickGap).
        <ChartFrame>
          <BarChart data={rows} margin={VERTICAL_MARGIN}>
            <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
            <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} minTickGap={8} />
            <YAxis
              tick={AXIS_TICK}
              tickLine={false}
              axisLine={false}
              width={56}
              ticks={ticks}
              domain={domain}
              tickFormatter={metric === 'count' ? countAxisFormat : formatTiv}
            />
            <Tooltip cursor={TOOLTIP_CURSOR} contentStyle={TOOLTIP_STYLE} content={tooltip} />
            {bars}
          </BarChart>
        </ChartFrame>
      )}
    </ChartCard>
  );
}
