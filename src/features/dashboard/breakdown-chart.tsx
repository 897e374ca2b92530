import { useCallback, useMemo, useState } from 'react';
import {
  countAxisFormat,
  formatMoney,
  moneyAxisFormat,
  roundTicks,
  type BreakdownRow,
  type DealFilter,
  formatCount,
} from '../../domain';
import { selectionOpacity } from './chart-theme';
import { BREAKDOWN_COLOUR } from './chart-colours';
import { useStableCallback } from '../../components/use-stable-callback';
import type { ExportContext } from '../../components/chart-export/export-menu';
import { SvgBarChart } from '../../components/charts/svg-bar-chart';
import { ChartCard, FilterButton } from '../../components/charts/chart-card';
import {
  DrillThroughHeader,
  DrillThroughRow,
  DrillThroughTooltip,
  useBarDeals,
} from '../../components/charts/drill-through';
import { facetBar } from '../../domain/filter/drill-through';

type Metric = 'count' | 'value';

const MARGIN = { top: 4, right: 72, bottom: 4, left: 8 };

/** Count or value per domain or per kind; one card with two switches rather than four small charts. */
export function BreakdownChart({
  byDomain,
  byKind,
  currency,
  filter,
  subtitle,
  onToggle,
  exportContext,
}: {
  byDomain: BreakdownRow[];
  byKind: BreakdownRow[];
  currency: string;
  filter: DealFilter;
  subtitle: string;
  onToggle: (facet: 'domain' | 'kind', value: string) => void;
  exportContext?: ExportContext;
}) {
  const [facet, setFacet] = useState<'domain' | 'kind'>('domain');
  const [metric, setMetric] = useState<Metric>('count');
  // A sum over deals of unknown value only is not a value of 0: leave its bar out.
  const rows = useMemo(
    () =>
      (facet === 'domain' ? byDomain : byKind).map((r) => ({
        ...r,
        known: r.value > 0 ? r.value : undefined,
        opacity: selectionOpacity(filter[facet], r.key),
      })),
    [facet, byDomain, byKind, filter],
  );
  const key = metric === 'count' ? 'count' : 'known';
  const show = (r: BreakdownRow) =>
    metric === 'count' ? formatCount(r.count) : formatMoney(r.value, currency, { compact: true });
  // Round steps from 0, and one number format along the whole axis (every tick in the same unit).
  const ticks = useMemo(
    () =>
      roundTicks(Math.max(0, ...rows.map((r) => (metric === 'count' ? r.count : r.value))), {
        whole: metric === 'count',
      }),
    [rows, metric],
  );
  const domain = useMemo(() => [0, ticks.at(-1) ?? 1] as [number, number], [ticks]);
  const formatAxis = useMemo(
    () => (metric === 'count' ? countAxisFormat : moneyAxisFormat(ticks, currency)),
    [metric, ticks, currency],
  );
  const formatLabel = useCallback(
    (v: number) => (metric === 'count' ? formatCount(v) : formatMoney(v, currency, { compact: true })),
    [metric, currency],
  );
  const dealsOf = useBarDeals(filter);
  const tooltip = useMemo(
    () => (
      <DrillThroughTooltip
        dealsOf={dealsOf}
        describe={(point) => {
          const r = point as BreakdownRow;
          return { title: r.label, bar: facetBar(facet, r.key) };
        }}
        detail={(point) => {
          const r = point as BreakdownRow;
          return `${formatMoney(r.value, currency)} known${r.unknownValue ? ` · ${formatCount(r.unknownValue)} of unknown value` : ''}`;
        }}
      />
    ),
    [dealsOf, facet, currency],
  );
  const onBar = useStableCallback((row: BreakdownRow) => onToggle(facet, row.key));
  const anything = rows.some((r) => r.count > 0);
  const switches = (
    <span className="segmented" role="group" aria-label="Breakdown">
      {(['domain', 'kind'] as const).map((f) => (
        <button key={f} type="button" aria-pressed={facet === f} onClick={() => setFacet(f)}>
          By {f}
        </button>
      ))}
      {(['count', 'value'] as const).map((m) => (
        <button key={m} type="button" aria-pressed={metric === m} onClick={() => setMetric(m)}>
          {m === 'count' ? 'Deals' : `Value (${currency})`}
        </button>
      ))}
    </span>
  );
  const unknown = rows.reduce((n, r) => n + r.unknownValue, 0);
  return (
    <ChartCard
      exportContext={exportContext}
      chartId="breakdown"
      dataId={`by-${facet}`}
      title={`${metric === 'count' ? 'Deals' : `Known value (${currency})`} by ${facet}`}
      subtitle={`${subtitle}${facet === 'domain' ? ' · a deal in several domains counts in each' : ''}`}
      summary={rows.map((r) => `${r.label} ${show(r)}`).join(', ')}
      actions={switches}
      empty={anything ? undefined : 'No deal matches these filters.'}
      table={
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{facet === 'domain' ? 'Domain' : 'Kind'}</th>
              <th scope="col" className="num">
                Deals
              </th>
              <th scope="col" className="num">
                Known value ({currency})
              </th>
              <th scope="col" className="num">
                Value unknown
              </th>
              <DrillThroughHeader />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <DrillThroughRow
                key={r.key}
                columns={4}
                title={r.label}
                count={r.count}
                filter={filter}
                bar={facetBar(facet, r.key)}
                deals={() => dealsOf(facetBar(facet, r.key))}
                cells={
                  <>
                    <th scope="row">
                      <FilterButton
                        label={r.label}
                        active={filter[facet]?.includes(r.key as never) ?? false}
                        onClick={() => onToggle(facet, r.key)}
                      />
                    </th>
                    <td className="num">{formatCount(r.count)}</td>
                    <td className="num">{r.value > 0 ? formatMoney(r.value, currency) : '–'}</td>
                    <td className="num">{formatCount(r.unknownValue)}</td>
                  </>
                }
              />
            ))}
          </tbody>
        </table>
      }
      footer={
        metric === 'value' && unknown > 0 ? (
          <>
            Deals of unknown {currency} value are not in the sums: {formatCount(unknown)} in this view.
          </>
        ) : null
      }
    >
      <SvgBarChart
        data={rows}
        category={(r) => r.label}
        value={(r) => r[key]}
        fill={BREAKDOWN_COLOUR}
        margin={MARGIN}
        categoryWidth={150}
        ticks={ticks}
        domain={domain}
        tickFormat={formatAxis}
        label={formatLabel}
        tooltip={tooltip}
        onBar={onBar}
      />
    </ChartCard>
  );
}
