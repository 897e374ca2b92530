import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import {
  formatMoney,
  moneyAxisFormat,
  roundTicks,
  valueInCurrency,
  type DealFilter,
  type ValueByYear,
  type ValueYear,
  formatCount,
} from '../../domain';
import { useMemo } from 'react';
import { DataText } from '../../components/data-text';
import { AXIS_TICK, BASIS_COLOURS, BASIS_LABELS, selectionOpacity, TOOLTIP_CURSOR } from './chart-theme';
import { dimmableBar } from './bar-shapes';
import { useStableCallback } from '../../components/use-stable-callback';
import type { ExportContext } from '../../components/chart-export/export-menu';
import { ChartFrame } from '../../components/charts/chart-frame';
import { ChartCard, FilterButton } from '../../components/charts/chart-card';
import { DrillThroughHeader, DrillThroughRow, useBarDeals } from '../../components/charts/drill-through';
import { yearBar } from '../../domain/filter/drill-through';

const BASES = ['signed', 'approved', 'estimate'] as const;
const MARGIN = { top: 16, right: 16, bottom: 4, left: 8 };
const LEGEND_STYLE = { fontSize: 13 };
const legendText = (value: unknown) => <span className="legend-text">{String(value)}</span>;

function YearTooltip({
  active,
  payload,
  currency,
}: Partial<TooltipContentProps<number, string>> & { currency: string }) {
  const year = payload?.[0]?.payload as ValueYear | undefined;
  if (!active || !year) return null;
  const money = (n: number, approximate = false) => formatMoney(n, currency, { approximate });
  if (year.dealCount === 0)
    return (
      <div className="chart-tooltip">
        <strong>{year.year}</strong>: no deal with a known value filed in this year
      </div>
    );
  return (
    <div className="chart-tooltip">
      <strong>{year.year}</strong>: {money(year.total)} over {formatCount(year.dealCount)} deal
      {year.dealCount === 1 ? '' : 's'}
      <ul>
        {year.top.map((d) => (
          <li key={d.id}>
            <span className="chart-tooltip__title">
              <DataText>{d.title}</DataText>
            </span>
            : {money(d.amount, d.approximate)} ({BASIS_LABELS[d.basis].toLowerCase()})
            {d.range ? (
              <span className="chart-tooltip__note">
                {' '}
                · sources give {money(d.range.min)}–{money(d.range.max)}
              </span>
            ) : null}
            {d.sources.length > 0 ? (
              <span className="chart-tooltip__note"> · {d.sources.join('; ')}</span>
            ) : null}
          </li>
        ))}
      </ul>
      {year.dealCount > year.top.length ? (
        <span className="chart-tooltip__note">…and {year.dealCount - year.top.length} more</span>
      ) : null}
    </div>
  );
}

export function ValueOverTimeChart({
  data,
  filter,
  subtitle,
  onYear,
  currencySwitch,
  exportContext,
}: {
  data: ValueByYear;
  filter: DealFilter;
  subtitle: string;
  onYear: (year: number) => void;
  currencySwitch: React.ReactNode;
  exportContext?: ExportContext;
}) {
  const { currency, years } = data;
  const tooltip = useMemo(() => <YearTooltip currency={currency} />, [currency]);
  const selectedYear =
    filter.yearMin !== undefined && filter.yearMin === filter.yearMax ? [String(filter.yearMin)] : undefined;
  const unknown = data.unknownValue + data.undated;
  const selected = selectedYear?.[0];
  const rows = useMemo(
    () =>
      years.map((y) => ({
        ...y,
        opacity: selectionOpacity(selected ? [selected] : undefined, String(y.year)),
      })),
    [years, selected],
  );
  const onBar = useStableCallback((bar: { payload?: unknown }) =>
    onYear(Number((bar.payload as ValueYear).year)),
  );
  const summary = years
    .filter((y) => y.dealCount > 0)
    .map((y) => `${y.year} ${formatMoney(y.total, currency)}`)
    .join(', ');
  const top = years.reduce((m, y) => Math.max(m, y.total), 0);
  const dealsOf = useBarDeals(filter);
  // A year's bar holds the deals of that year with a known value in the currency, as its count does.
  const yearDeals = (year: number) =>
    dealsOf(yearBar(year)).filter((d) => valueInCurrency(d, currency) !== undefined);
  const ticks = useMemo(() => roundTicks(top, { whole: false }), [top]);
  const axisMoney = useMemo(() => moneyAxisFormat(ticks, currency), [ticks, currency]);
  return (
    <ChartCard
      exportContext={exportContext}
      chartId="value-by-year"
      title={`Contract value by year (${currency === 'INR' ? '₹ crore' : 'US dollars'})`}
      subtitle={`${subtitle} · headline value by year of signature (first milestone if unsigned); every year shown, empty ones empty; no currency conversion`}
      summary={`Value by year: ${summary}.`}
      actions={currencySwitch}
      empty={years.length === 0 ? `No deal under these filters has a known value in ${currency}.` : undefined}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Year</th>
              {BASES.map((b) => (
                <th scope="col" className="num" key={b}>
                  {BASIS_LABELS[b]}
                </th>
              ))}
              <th scope="col" className="num">
                Deals
              </th>
              <DrillThroughHeader />
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <DrillThroughRow
                key={y.year}
                columns={BASES.length + 2}
                title={`${y.year}, known ${currency} value`}
                count={y.dealCount}
                filter={filter}
                bar={yearBar(y.year)}
                deals={() => yearDeals(y.year)}
                cells={
                  <>
                    <th scope="row">
                      <FilterButton
                        label={String(y.year)}
                        active={selectedYear?.[0] === String(y.year)}
                        onClick={() => onYear(y.year)}
                      />
                    </th>
                    {BASES.map((b) => (
                      <td className="num" key={b}>
                        {y[b] > 0 ? formatMoney(y[b], currency) : '–'}
                      </td>
                    ))}
                    <td className="num">{formatCount(y.dealCount)}</td>
                  </>
                }
              />
            ))}
          </tbody>
        </table>
      }
      footer={
        unknown > 0 ? (
          <>
            {formatCount(unknown)} deal{unknown === 1 ? '' : 's'} of unknown {currency} value or date not
            plotted (never counted as zero).
          </>
        ) : null
      }
    >
      <ChartFrame>
        <BarChart data={rows} margin={MARGIN}>
          <defs>
            <pattern
              id="estimate-hatch"
              patternUnits="userSpaceOnUse"
              width="6"
              height="6"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill={BASIS_COLOURS.estimate} fillOpacity={0.35} />
              <line x1="0" y1="0" x2="0" y2="6" stroke={BASIS_COLOURS.estimate} strokeWidth="3" />
            </pattern>
          </defs>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="year" tick={AXIS_TICK} tickLine={false} minTickGap={8} />
          <YAxis
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={84}
            tickFormatter={axisMoney}
            ticks={ticks}
            domain={[0, ticks.at(-1)!]}
          />
          <Tooltip cursor={TOOLTIP_CURSOR} content={tooltip} />
          <Legend wrapperStyle={LEGEND_STYLE} formatter={legendText} />
          {BASES.map((b) => (
            <Bar
              key={b}
              dataKey={b}
              name={BASIS_LABELS[b]}
              stackId="value"
              fill={b === 'estimate' ? 'url(#estimate-hatch)' : BASIS_COLOURS[b]}
              stroke={b === 'estimate' ? BASIS_COLOURS.estimate : undefined}
              isAnimationActive={false}
              maxBarSize={56}
              cursor="pointer"
              onClick={onBar}
              shape={dimmableBar}
            />
          ))}
        </BarChart>
      </ChartFrame>
    </ChartCard>
  );
}
