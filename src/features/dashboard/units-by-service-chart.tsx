import { useMemo, useState } from 'react';
import type { LabelProps } from 'recharts';
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import {
  LABELS,
  roundTicks,
  ORDERED_STATUSES,
  serviceFilterOf,
  SYSTEM_CATEGORIES,
  unitFamilyOf,
  type Deal,
  type ServiceKey,
  UNIT_FAMILIES,
  type DealFilter,
  type FacetKey,
  type UnitFamily,
  type UnitsByService,
  formatCount,
} from '../../domain';
import { AXIS_TICK, selectionOpacity, TOOLTIP_CURSOR } from './chart-theme';
import { seriesColour } from './series-colours';
import { dimmableBar } from './bar-shapes';
import { useStableCallback } from '../../components/use-stable-callback';
import type { ExportContext } from '../../components/chart-export/export-menu';
import { ChartFrame } from '../../components/charts/chart-frame';
import { ChartCard, FilterButton } from '../../components/charts/chart-card';
import {
  DrillThroughHeader,
  DrillThroughRow,
  DrillThroughTooltip,
  useBarDeals,
} from '../../components/charts/drill-through';

const fmt = (n: number) => formatCount(n);
const legendText = (value: unknown) => <span className="legend-text">{String(value)}</span>;
const MARGIN = { top: 24, right: 16, bottom: 4, left: 4 };
const LEGEND_STYLE = { fontSize: 13, cursor: 'pointer' };
const PLANNED_KEY = 'plannedUnits';
/** A series' data key: by position, so no system name ("total", "a.b") can clash with a row field or read as a path. */
const seriesKey = (i: number) => `s${i}`;
const PLANNED_LABEL = 'Planned, not ordered';
const PLANNED_COLOUR = '#6b6b6b';

/** The deals behind a service's bar: ordered deals of the family with a share for the service. */
function barFilter(service: ServiceKey, family: UnitFamily): DealFilter {
  return {
    service: [serviceFilterOf(service)],
    status: [...ORDERED_STATUSES],
    category: SYSTEM_CATEGORIES.filter((c) => unitFamilyOf(c) === family),
  };
}

/** What each family counts, for the subtitle: a reader must not add engines to aircraft. */
const FAMILY_NOTE: Record<UnitFamily, string> = {
  platforms: 'aircraft, drones, helicopters, guns and vehicles',
  engines: 'engines, counted apart from the aircraft they power',
  munitions: 'missiles and rounds',
};

interface ChartRow {
  total: number;
  planned: number;
  topKey: string | undefined;
}

/** The stack's total, written above its topmost segment (Recharts passes the label's geometry). */
function TotalLabel(props: LabelProps & { rows: ChartRow[]; seriesKey: string }) {
  const row = props.rows[Number(props.index)];
  if (!row || row.topKey !== props.seriesKey) return null;
  const x = Number(props.x) + Number(props.width) / 2;
  const text =
    row.topKey === PLANNED_KEY ? `${fmt(row.total)} + ${fmt(row.planned)} planned` : fmt(row.total);
  return (
    <text
      x={x}
      y={Number(props.y) - 8}
      textAnchor="middle"
      fill="currentColor"
      fontSize={15}
      fontWeight={600}
    >
      {text}
    </text>
  );
}

function familyCounts(data: UnitsByService): string {
  return data.families
    .filter((f) => f.family !== data.family && (f.ordered > 0 || f.planned > 0))
    .map(
      (f) =>
        `${LABELS.unitFamily[f.family].toLowerCase()}: ${fmt(f.ordered)} ordered${f.planned > 0 ? `, ${fmt(f.planned)} planned` : ''}`,
    )
    .join('; ');
}

/**
 * Ordered units by armed service, one family of units at a time, stacked by system. Each system keeps
 * the colour its rank in the whole data set gives it; planned units are drawn apart, hatched, only
 * when asked for; units of no known service are a bar of their own, also on request.
 */
export function UnitsByServiceChart({
  data: byFamily,
  filter,
  subtitle,
  onToggle,
  exportContext,
  family: fixedFamily,
}: {
  data: Record<UnitFamily, UnitsByService>;
  /** Shows this family only, without the switch (a slide per family). */
  family?: UnitFamily;
  filter: DealFilter;
  subtitle: string;
  onToggle: (facet: FacetKey, value: string) => void;
  exportContext?: ExportContext;
}) {
  const [chosenFamily, setFamily] = useState<UnitFamily>('platforms');
  const family = fixedFamily ?? chosenFamily;
  const [withPlanned, setWithPlanned] = useState(false);
  const [askedUnknown, setWithUnknown] = useState<boolean | undefined>(undefined);
  const data = byFamily[family];
  const { rows, series } = data;
  const unknown = rows.find((r) => r.service === 'unknown');
  // Imported registers (SIPRI) split no units by service: a bar of their own, drawn unasked when
  // no service has units of its own to show.
  const unsplit = rows.find((r) => r.service === 'unsplit');
  const apart = (r: { service: ServiceKey }) => r.service === 'unknown' || r.service === 'unsplit';
  const withUnknown = askedUnknown ?? !rows.some((r) => !apart(r) && r.total > 0);
  const chartRows = useMemo(
    () =>
      rows
        .filter((r) => withUnknown || !apart(r))
        .filter((r) => r.total > 0 || (withPlanned && r.planned > 0))
        .map((r) => {
          const planned = withPlanned ? r.planned : 0;
          const values = Object.fromEntries(series.map((s, i) => [seriesKey(i), r.bySeries[s.key]]));
          return {
            ...values,
            label: r.label,
            service: r.service,
            total: r.total,
            planned,
            [PLANNED_KEY]: planned || undefined,
            topKey:
              planned > 0
                ? PLANNED_KEY
                : seriesKey(series.findLastIndex((s) => (r.bySeries[s.key] ?? 0) > 0)),
            opacity: selectionOpacity(filter.service, serviceFilterOf(r.service)),
          };
        }),
    [rows, series, withPlanned, withUnknown, filter.service],
  );
  const shown = useMemo(
    () =>
      series
        .map((s, i) => ({
          ...s,
          dataKey: seriesKey(i),
          colour: seriesColour(s.slot),
          opacity: s.slot < 0 ? 1 : selectionOpacity(filter.system, s.key),
          totals: (
            <LabelList dataKey="total" content={<TotalLabel rows={chartRows} seriesKey={seriesKey(i)} />} />
          ),
        }))
        .filter((s) => chartRows.some((r) => (r as Record<string, unknown>)[s.dataKey])),
    [series, chartRows, filter.system],
  );
  const plannedTotals = useMemo(
    () => <LabelList dataKey="total" content={<TotalLabel rows={chartRows} seriesKey={PLANNED_KEY} />} />,
    [chartRows],
  );
  const top = chartRows.reduce((m, r) => Math.max(m, r.total + r.planned), 0);
  const ticks = useMemo(() => roundTicks(top), [top]);
  const summary = rows
    .map((r) => `${r.label} ${fmt(r.total)}${r.planned ? ` (+${fmt(r.planned)} planned)` : ''}`)
    .join(', ');
  const toggleService = (service: string) => onToggle('service', service);
  const onBar = useStableCallback((bar: { payload?: unknown }) =>
    toggleService(serviceFilterOf((bar.payload as { service: ServiceKey }).service)),
  );
  const onLegend = useStableCallback((entry: { dataKey?: unknown }) => {
    const picked = series[Number(String(entry.dataKey).slice(1))];
    if (String(entry.dataKey).startsWith('s') && picked && picked.slot >= 0) onToggle('system', picked.key);
  });
  const families = UNIT_FAMILIES.filter((f) => {
    const totals = byFamily[f].families.find((t) => t.family === f);
    return f === family || (totals !== undefined && totals.ordered + totals.planned > 0);
  });
  const others = familyCounts(data);
  // The chart reads the view without its service filter, so its bars' deals are looked up there too.
  const unitsFilter = useMemo(() => ({ ...filter, service: undefined }), [filter]);
  const dealsOf = useBarDeals(unitsFilter);
  const tooltip = useMemo(
    () => (
      <DrillThroughTooltip
        dealsOf={dealsOf}
        describe={(point) => {
          const row = point as { service: ServiceKey; label: string };
          return {
            title: `${row.label}, ${LABELS.unitFamily[family].toLowerCase()} ordered`,
            bar: barFilter(row.service, family),
          };
        }}
        detail={(point) => {
          const row = rows.find((r) => r.service === (point as { service: ServiceKey }).service);
          if (!row) return '';
          const parts = series
            .filter((s) => row.bySeries[s.key])
            .map((s) => `${s.label} ${fmt(row.bySeries[s.key]!)}`);
          return `${fmt(row.total)} ordered${parts.length ? `: ${parts.join(', ')}` : ''}${row.planned ? ` · ${fmt(row.planned)} planned, not ordered` : ''}`;
        }}
      />
    ),
    [dealsOf, family, rows, series],
  );
  const familyLabel = LABELS.unitFamily[family].toLowerCase();
  return (
    <ChartCard
      exportContext={exportContext}
      chartId="units"
      title={`${LABELS.unitFamily[family]} ordered, by armed service`}
      subtitle={`${subtitle} · ${FAMILY_NOTE[family]} · contract signed, in delivery or completed · stacked by system`}
      summary={`Ordered ${familyLabel}: ${summary || 'none'}.`}
      tableOnly={
        chartRows.length === 0 && rows.length > 0
          ? `No ${familyLabel} under these filters are ordered and split by service: see the table or the boxes above.`
          : undefined
      }
      empty={
        rows.length === 0 ? `No deal under these filters reports a quantity of ${familyLabel}.` : undefined
      }
      table={
        <UnitsTable
          data={data}
          filter={filter}
          unitsFilter={unitsFilter}
          dealsOf={dealsOf}
          onService={toggleService}
        />
      }
      actions={
        <>
          {families.length > 1 && !fixedFamily ? (
            <span className="segmented" role="group" aria-label="Kind of units">
              {families.map((f) => (
                <button key={f} type="button" aria-pressed={f === family} onClick={() => setFamily(f)}>
                  {LABELS.unitFamily[f]}
                </button>
              ))}
            </span>
          ) : null}
          {data.plannedUnits > 0 ? (
            <label className="check">
              <input
                type="checkbox"
                checked={withPlanned}
                onChange={(e) => setWithPlanned(e.target.checked)}
              />
              Draw planned, not ordered
            </label>
          ) : null}
          {unknown || unsplit ? (
            <label className="check">
              <input
                type="checkbox"
                checked={withUnknown}
                onChange={(e) => setWithUnknown(e.target.checked)}
              />
              {unknown && unsplit
                ? 'Show service not known and no split'
                : unknown
                  ? 'Show service not known'
                  : 'Show no service split'}
            </label>
          ) : null}
        </>
      }
      footer={
        <>
          {data.plannedUnits > 0 && !withPlanned
            ? `Not drawn: ${fmt(data.plannedUnits)} ${familyLabel} planned, not ordered (announced, in talks, in an MoU or approved). `
            : ''}
          {unknown && !withUnknown && unknown.total > 0
            ? `${fmt(unknown.total)} ordered ${familyLabel} of no known service are not drawn (see the table). `
            : ''}
          {unsplit && !withUnknown && unsplit.total > 0
            ? `${fmt(unsplit.total)} ordered ${familyLabel} in imported records with no service split (SIPRI's register has none) are not drawn (see the table). `
            : ''}
          {others ? `Counted apart, never added: ${others}. ` : ''}
          {data.notCountedDeals > 0
            ? `${fmt(data.notCountedDeals)} stalled or cancelled deal${data.notCountedDeals === 1 ? '' : 's'} not counted. `
            : ''}
          {data.dealsWithoutQuantity > 0
            ? `${fmt(data.dealsWithoutQuantity)} deal${data.dealsWithoutQuantity === 1 ? '' : 's'} without a reported quantity.`
            : ''}
        </>
      }
    >
      <ChartFrame>
        <BarChart data={chartRows} margin={MARGIN}>
          <defs>
            <pattern
              id="planned-hatch"
              patternUnits="userSpaceOnUse"
              width="6"
              height="6"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill={PLANNED_COLOUR} fillOpacity={0.2} />
              <line x1="0" y1="0" x2="0" y2="6" stroke={PLANNED_COLOUR} strokeWidth="2.5" />
            </pattern>
          </defs>
          <CartesianGrid vertical={false} stroke="currentColor" strokeOpacity={0.15} />
          <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} interval={0} />
          <YAxis
            tick={AXIS_TICK}
            tickLine={false}
            axisLine={false}
            width={56}
            tickFormatter={fmt}
            ticks={ticks}
            domain={[0, ticks.at(-1)!]}
            allowDecimals={false}
          />
          <Tooltip cursor={TOOLTIP_CURSOR} content={tooltip} />
          <Legend wrapperStyle={LEGEND_STYLE} formatter={legendText} onClick={onLegend} />
          {shown.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.dataKey}
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
          {withPlanned && data.plannedUnits > 0 ? (
            <Bar
              key={PLANNED_KEY}
              dataKey={PLANNED_KEY}
              name={PLANNED_LABEL}
              stackId="units"
              fill="url(#planned-hatch)"
              stroke={PLANNED_COLOUR}
              shape={dimmableBar}
              isAnimationActive={false}
              maxBarSize={110}
              onClick={onBar}
              cursor="pointer"
            >
              {plannedTotals}
            </Bar>
          ) : null}
        </BarChart>
      </ChartFrame>
    </ChartCard>
  );
}

/**
 * The chart's numbers with, per row, the deals behind it. A component of its own so the deals are
 * looked up only while the table is shown, not on every cross-filter of the chart.
 */
function UnitsTable({
  data,
  filter,
  unitsFilter,
  dealsOf,
  onService,
}: {
  data: UnitsByService;
  filter: DealFilter;
  unitsFilter: DealFilter;
  dealsOf: (bar: DealFilter) => readonly Deal[];
  onService: (service: string) => void;
}) {
  const { rows, series, family } = data;
  const familyLabel = LABELS.unitFamily[family].toLowerCase();
  const toggleService = onService;
  return (
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
            Ordered
          </th>
          <th scope="col" className="num">
            {PLANNED_LABEL}
          </th>
          <DrillThroughHeader />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <DrillThroughRow
            key={r.service}
            columns={series.length + 3}
            title={`${r.label}, ${familyLabel} ordered`}
            count={r.total > 0 ? dealsOf(barFilter(r.service, family)).length : 0}
            filter={unitsFilter}
            bar={barFilter(r.service, family)}
            deals={() => dealsOf(barFilter(r.service, family))}
            cells={
              <>
                <th scope="row">
                  <FilterButton
                    label={r.label}
                    active={filter.service?.includes(serviceFilterOf(r.service)) ?? false}
                    onClick={() => toggleService(serviceFilterOf(r.service))}
                  />
                </th>
                {series.map((s) => (
                  <td key={s.key} className="num">
                    {r.bySeries[s.key] ? fmt(r.bySeries[s.key]!) : '–'}
                  </td>
                ))}
                <td className="num">{fmt(r.total)}</td>
                <td className="num">{r.planned ? fmt(r.planned) : '–'}</td>
              </>
            }
          />
        ))}
      </tbody>
    </table>
  );
}
