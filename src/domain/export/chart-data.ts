/**
 * Every dashboard chart as data: categories, series and the numbers of its "Show as table", with what
 * each figure counts and the sources behind it. Built from one `aggregateDashboard` result, so the
 * deck, the CSV/XLSX files and the generated descriptions say exactly what the screen says. Colours are
 * keys (a series slot, a value basis, a service); the UI layer maps a key to the fill it draws.
 */
import type { DashboardFigures } from '../aggregations/dashboard';
import { hasNoServiceSplit, type UnitsByService } from '../aggregations/units-by-service';
import { allocationRows } from '../model/allocation';
import { dealYear, signatureDate, unallocatedUnits } from '../model/deal-facts';
import type { Deal, Source } from '../model/deal-schema';
import { LABELS, quantityStageOf, UNIT_FAMILIES, unitFamilyOf, type UnitFamily } from '../model/vocabulary';
import { figureInCurrency } from '../money-dates/money';
import { formatPartialDate } from '../money-dates/partial-date';
import { describeSlip } from '../money-dates/slippage';
import { ORDERS_GROUPINGS, ordersChartData, ordersRows } from './orders-chart-data';

export type ChartKind = 'bar' | 'stacked-bar' | 'horizontal-bar' | 'line' | 'timeline';
export type ValueFormat = 'money' | 'count';

export interface ChartSeries {
  key: string;
  name: string;
  /** The series' colour as a key (`slot:0`, `basis:signed`, …), mapped to a fill by the UI. */
  colourKey: string;
  /** Per category, a colour key of its own where the screen colours bars one by one (lifecycle, services). */
  pointColourKeys?: string[];
  /** Per category; null where the figure is not known, never 0. */
  values: (number | null)[];
}

/** One column of the chart's "Show as table", in the screen's order, after the category column. */
export interface TableColumn {
  name: string;
  format: ValueFormat | 'text';
  /** Per category: 0 where the table shows "–" for nothing, null where the figure is not known. */
  values: (number | string | null)[];
}

/** A source behind a figure: which deal it is for and where it was read. */
export interface SourceRef {
  dealId: string;
  dealTitle: string;
  id: string;
  publisher: string;
  title: string;
  /** As the source gives it ("Feb 2024"). */
  date?: string;
  /** As written: whoever links it must check it (`safeExternalUrl`). */
  url?: string;
}

export interface FigureSources {
  /** The category (a bar, a year, a timeline row) the sources stand behind. */
  category: string;
  sources: SourceRef[];
}

export interface TimelineDataRow {
  id: string;
  title: string;
  start: number;
  signed?: number;
  delivered?: number;
  end: number;
  markers: {
    at: number;
    date: string;
    kind: string;
    label: string;
    expected: boolean;
  }[];
}

export interface ChartData {
  /** Stable: `units-platforms`, `featured-allocation`, `value-by-year`, `stages`, `by-domain`, `by-kind`, `timeline`. */
  id: string;
  title: string;
  /** The card's subtitle: the filters in words, then what the chart draws. */
  subtitle: string;
  /** The filters in words ("Navy", "All deals"). */
  filters: string;
  kind: ChartKind;
  /** The category axis' name, as the table's first column header. */
  categoryName: string;
  categories: string[];
  /** What the chart draws, in stacking order. */
  series: ChartSeries[];
  /** The chart's table, column by column (the category column excepted). */
  table: TableColumn[];
  valueFormat: ValueFormat;
  /** What a figure counts ("ordered platforms", "deals", "headline contract value"). */
  unit: string;
  currency?: string;
  /** What the card says under the chart: what is not drawn, what overlaps. */
  notes: string[];
  /** Per category, the sources behind its figures. */
  sources: FigureSources[];
  synthetic: boolean;
  dataAsOf: string;
  /** The timeline's rows (kind `timeline` only), on a year axis. */
  timeline?: { rows: TimelineDataRow[]; domain: [number, number]; today: number };
}

export interface ChartDataInput {
  figures: DashboardFigures;
  /** The deals in view (under the page's filter). */
  deals: readonly Deal[];
  /** What the units chart reads: the view without its service filter; `deals` unless given. */
  unitsDeals?: readonly Deal[] | undefined;
  currency: string;
  /** The filters in words (`describeFilter`). */
  filters: string;
  dataAsOf: string;
}

const count = (n: number) => new Intl.NumberFormat('en').format(n);
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/** What each family counts, as the units chart's subtitle says it. */
export const FAMILY_NOTE: Record<UnitFamily, string> = {
  platforms: 'aircraft, drones, helicopters, guns and vehicles',
  engines: 'engines, counted apart from the aircraft they power',
  munitions: 'missiles and rounds',
};

/** The colour key of a system's series: its slot over the whole data set, or "other". */
export function slotColourKey(slot: number): string {
  return slot >= 0 ? `slot:${slot}` : 'slot:other';
}

function refsOf(deal: Deal, ids: readonly string[] | undefined): SourceRef[] {
  const wanted = ids ? new Set(ids) : undefined;
  return deal.sources
    .filter((s) => !wanted || wanted.has(s.id))
    .map((s: Source) => ({
      dealId: deal.id,
      dealTitle: deal.title,
      id: s.id,
      publisher: s.publisher,
      title: s.title,
      ...(s.date ? { date: formatPartialDate(s.date) } : {}),
      ...(s.url ? { url: s.url } : {}),
    }));
}

/** Each source once, in first-cited order. */
export function uniqueSources(refs: Iterable<SourceRef>): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const ref of refs) {
    const key = `${ref.dealId}\u0000${ref.id}`;
    if (!seen.has(key)) seen.set(key, ref);
  }
  return [...seen.values()];
}

/** Every source behind a chart's figures, each once. */
export function chartSources(chart: ChartData): SourceRef[] {
  return uniqueSources(chart.sources.flatMap((f) => f.sources));
}

/** Does the deal's quantity belong to this family's chart, ordered or planned? */
function countedIn(deal: Deal, family: UnitFamily): boolean {
  if (!deal.quantity || unitFamilyOf(deal.system?.category) !== family) return false;
  return quantityStageOf(deal.status) !== 'neither';
}

function unitsChart(
  data: UnitsByService,
  unitsDeals: readonly Deal[],
  base: Pick<ChartData, 'filters' | 'synthetic' | 'dataAsOf'>,
  keepsServices: boolean,
): ChartData {
  const { rows, series, family } = data;
  const familyLabel = LABELS.unitFamily[family].toLowerCase();
  const counted = unitsDeals.filter((d) => countedIn(d, family));
  const sources = rows.map((r): FigureSources => {
    const refs = counted.flatMap((deal) => {
      const quantity = deal.quantity!;
      if (r.service === 'unsplit') return hasNoServiceSplit(deal) ? refsOf(deal, quantity.sourceIds) : [];
      if (r.service === 'unknown')
        return unallocatedUnits(deal) > 0 && !hasNoServiceSplit(deal) ? refsOf(deal, quantity.sourceIds) : [];
      const share = quantity.allocations.find((a) => a.service === r.service);
      return share ? refsOf(deal, [...quantity.sourceIds, ...(share.sourceIds ?? [])]) : [];
    });
    return { category: r.label, sources: uniqueSources(refs) };
  });
  const notes: string[] = [];
  if (keepsServices)
    notes.push('Every service’s bar is kept beside the filtered one, as on the dashboard, to compare.');
  if (data.plannedUnits > 0)
    notes.push(
      `Not drawn: ${count(data.plannedUnits)} ${familyLabel} planned, not ordered (announced, in talks, in an MoU or approved).`,
    );
  const others = data.families
    .filter((f) => f.family !== family && (f.ordered > 0 || f.planned > 0))
    .map(
      (f) =>
        `${LABELS.unitFamily[f.family].toLowerCase()}: ${count(f.ordered)} ordered${f.planned > 0 ? `, ${count(f.planned)} planned` : ''}`,
    );
  if (others.length > 0) notes.push(`Counted apart, never added: ${others.join('; ')}.`);
  if (data.notCountedDeals > 0)
    notes.push(`${plural(data.notCountedDeals, 'stalled or cancelled deal')} not counted.`);
  if (data.dealsWithoutQuantity > 0)
    notes.push(`${plural(data.dealsWithoutQuantity, 'deal')} without a reported quantity.`);
  return {
    ...base,
    id: `units-${family}`,
    title: `${LABELS.unitFamily[family]} ordered, by armed service`,
    subtitle: `${base.filters} · ${FAMILY_NOTE[family]} · contract signed, in delivery or completed · stacked by system`,
    kind: 'stacked-bar',
    categoryName: 'Service',
    categories: rows.map((r) => r.label),
    series: series.map((s) => ({
      key: s.key,
      name: s.label,
      colourKey: slotColourKey(s.slot),
      values: rows.map((r) => r.bySeries[s.key] ?? 0),
    })),
    table: [
      ...series.map((s): TableColumn => ({
        name: s.label,
        format: 'count',
        values: rows.map((r) => r.bySeries[s.key] ?? 0),
      })),
      { name: 'Ordered', format: 'count', values: rows.map((r) => r.total) },
      { name: 'Planned, not ordered', format: 'count', values: rows.map((r) => r.planned) },
    ],
    valueFormat: 'count',
    unit: `ordered ${familyLabel}`,
    notes,
    sources,
  };
}

function featuredChart(
  deal: Deal,
  base: Pick<ChartData, 'filters' | 'synthetic' | 'dataAsOf'>,
): ChartData | undefined {
  const quantity = deal.quantity;
  if (!quantity) return undefined;
  const rows = allocationRows(deal);
  const system = deal.system?.name ?? 'Units';
  const signed = signatureDate(deal);
  return {
    ...base,
    id: 'featured-allocation',
    title: `${system} ${quantity.unit} by armed service`,
    subtitle: `${count(quantity.total)} ${quantity.unit} on order${signed ? ` · contract signed ${formatPartialDate(signed)}` : ''}${deal.synthetic ? ' · synthetic record' : ''}`,
    kind: 'bar',
    categoryName: 'Service',
    categories: rows.map((r) => r.label),
    series: [
      {
        key: 'units',
        name: quantity.unit,
        colourKey: 'service:navy',
        pointColourKeys: rows.map((r) => `service:${r.service}`),
        values: rows.map((r) => r.units),
      },
    ],
    table: [{ name: quantity.unit, format: 'count', values: rows.map((r) => r.units) }],
    valueFormat: 'count',
    unit: `${system} ${quantity.unit}`,
    notes: [`${deal.title}: one deal's units as its sources split them.`],
    sources: rows.map((r) => {
      const share = quantity.allocations.find((a) => a.service === r.service);
      return {
        category: r.label,
        sources: refsOf(deal, [...quantity.sourceIds, ...(share?.sourceIds ?? [])]),
      };
    }),
    synthetic: deal.synthetic === true,
  };
}

const BASES = ['signed', 'approved', 'estimate'] as const;
export const BASIS_NAMES = {
  signed: 'Signed',
  approved: 'Approved or notified',
  estimate: 'Estimate or unconfirmed',
} as const;

function valueChart(
  figures: DashboardFigures,
  deals: readonly Deal[],
  currency: string,
  base: Pick<ChartData, 'filters' | 'synthetic' | 'dataAsOf'>,
): ChartData {
  const { years } = figures.value;
  const byYear = new Map<number, SourceRef[]>();
  for (const deal of deals) {
    const figure = figureInCurrency(deal, currency);
    const year = dealYear(deal);
    if (!figure || year === undefined) continue;
    const list = byYear.get(year) ?? [];
    list.push(...refsOf(deal, figure.sourceIds));
    byYear.set(year, list);
  }
  const unknown = figures.value.unknownValue + figures.value.undated;
  return {
    ...base,
    id: 'value-by-year',
    title: `Contract value by year (${currency === 'INR' ? '₹ crore' : 'US dollars'})`,
    subtitle: `${base.filters} · headline value by year of signature (first milestone if unsigned); every year shown, empty ones empty; no currency conversion`,
    kind: 'stacked-bar',
    categoryName: 'Year',
    categories: years.map((y) => String(y.year)),
    series: BASES.map((b) => ({
      key: b,
      name: BASIS_NAMES[b],
      colourKey: `basis:${b}`,
      values: years.map((y) => y[b]),
    })),
    table: [
      ...BASES.map((b): TableColumn => ({
        name: BASIS_NAMES[b],
        format: 'money',
        values: years.map((y) => y[b]),
      })),
      { name: 'Deals', format: 'count', values: years.map((y) => y.dealCount) },
    ],
    valueFormat: 'money',
    unit: `headline contract value in ${currency === 'INR' ? 'rupees' : 'US dollars'}`,
    currency,
    notes:
      unknown > 0
        ? [
            `${plural(unknown, 'deal')} of unknown ${currency} value or date not plotted (never counted as zero).`,
          ]
        : [],
    sources: years.map((y) => ({
      category: String(y.year),
      sources: uniqueSources(byYear.get(y.year) ?? []),
    })),
  };
}

function stagesChart(
  figures: DashboardFigures,
  deals: readonly Deal[],
  base: Pick<ChartData, 'filters' | 'synthetic' | 'dataAsOf'>,
): ChartData {
  const { stages } = figures;
  return {
    ...base,
    id: 'stages',
    title: 'Deals by lifecycle stage',
    subtitle: `${base.filters} · announced → completed; stalled and cancelled apart`,
    kind: 'horizontal-bar',
    categoryName: 'Stage',
    categories: stages.map((s) => s.label),
    series: [
      {
        key: 'count',
        name: 'Deals',
        colourKey: 'stage:on-path',
        pointColourKeys: stages.map((s) => (s.offPath ? 'stage:off-path' : 'stage:on-path')),
        values: stages.map((s) => s.count),
      },
    ],
    table: [{ name: 'Deals', format: 'count', values: stages.map((s) => s.count) }],
    valueFormat: 'count',
    unit: 'deals',
    notes: [],
    sources: stages.map((s) => ({
      category: s.label,
      sources: uniqueSources(deals.filter((d) => d.status === s.status).flatMap((d) => refsOf(d, undefined))),
    })),
  };
}

function breakdownChart(
  facet: 'domain' | 'kind',
  figures: DashboardFigures,
  deals: readonly Deal[],
  currency: string,
  base: Pick<ChartData, 'filters' | 'synthetic' | 'dataAsOf'>,
): ChartData {
  const rows = facet === 'domain' ? figures.byDomain : figures.byKind;
  const holds = (deal: Deal, key: string) =>
    facet === 'domain' ? (deal.domains as readonly string[]).includes(key) : deal.kind === key;
  return {
    ...base,
    id: `by-${facet}`,
    title: `Deals by ${facet}`,
    subtitle: `${base.filters}${facet === 'domain' ? ' · a deal in several domains counts in each' : ''}`,
    kind: 'horizontal-bar',
    categoryName: facet === 'domain' ? 'Domain' : 'Kind',
    categories: rows.map((r) => r.label),
    series: [{ key: 'count', name: 'Deals', colourKey: 'breakdown', values: rows.map((r) => r.count) }],
    table: [
      { name: 'Deals', format: 'count', values: rows.map((r) => r.count) },
      {
        name: `Known value (${currency})`,
        format: 'money',
        // Deals all of unknown value have no known sum: not a value of 0.
        values: rows.map((r) => (r.value > 0 ? r.value : r.count > r.unknownValue ? 0 : null)),
      },
      { name: 'Value unknown', format: 'count', values: rows.map((r) => r.unknownValue) },
    ],
    valueFormat: 'count',
    unit: facet === 'domain' ? 'deals (a deal in several domains counts in each)' : 'deals',
    currency,
    // The card says this only when it draws value; the table's "Value unknown" column carries it.
    notes: [],
    sources: rows.map((r) => ({
      category: r.label,
      sources: uniqueSources(deals.filter((d) => holds(d, r.key)).flatMap((d) => refsOf(d, undefined))),
    })),
  };
}

export const TIMELINE_TITLE = 'From first step to signature and delivery';

function timelineChart(
  figures: DashboardFigures,
  deals: readonly Deal[],
  base: Pick<ChartData, 'filters' | 'synthetic' | 'dataAsOf'>,
): ChartData {
  const { timeline } = figures;
  const byId = new Map(deals.map((d) => [d.id, d]));
  const notes = [
    timeline.omitted > 0
      ? `The ${timeline.rows.length} largest by dollar value of ${count(timeline.rows.length + timeline.omitted)} deals are drawn; filter to see others.`
      : '',
    timeline.undated > 0 ? `${count(timeline.undated)} without a dated milestone not drawn.` : '',
  ].filter(Boolean);
  return {
    ...base,
    id: 'timeline',
    title: TIMELINE_TITLE,
    subtitle: base.filters,
    kind: 'timeline',
    categoryName: 'Deal',
    categories: timeline.rows.map((r) => r.title),
    series: [],
    table: [
      {
        name: 'Milestones',
        format: 'text',
        values: timeline.rows.map((r) =>
          r.markers
            .map(
              (m) =>
                `${formatPartialDate(m.date)} ${LABELS.milestone[m.kind].toLowerCase()}${m.expected ? ' (expected)' : ''}${m.planned ? ` (planned ${formatPartialDate(m.planned.date, 'compact')}: ${describeSlip(m.planned.slip)})` : ''}`,
            )
            .join(' → '),
        ),
      },
    ],
    valueFormat: 'count',
    unit: 'deals',
    notes,
    sources: timeline.rows.map((r) => {
      const deal = byId.get(r.id);
      const ids = deal?.milestones.flatMap((m) => m.sourceIds) ?? [];
      return { category: r.title, sources: deal ? refsOf(deal, ids) : [] };
    }),
    timeline: {
      rows: timeline.rows.map((r) => ({
        ...r,
        markers: r.markers.map((m) => ({ ...m })),
      })),
      domain: timeline.domain,
      today: timeline.today,
    },
  };
}

/**
 * The dashboard's charts in the order the slide show has them: units per family (platforms always,
 * engines and munitions where some are ordered), the featured split, value by year, lifecycle,
 * domain, kind, orders by supplier, system type and year, timeline.
 */
export function dashboardChartData(input: ChartDataInput): ChartData[] {
  const { figures, deals, currency } = input;
  const base = { filters: input.filters, synthetic: figures.synthetic, dataAsOf: input.dataAsOf };
  const charts: ChartData[] = [];
  for (const family of UNIT_FAMILIES) {
    const data = figures.units[family];
    if (family === 'platforms' || data.totalUnits > 0)
      charts.push(unitsChart(data, input.unitsDeals ?? deals, base, input.unitsDeals !== undefined));
  }
  const featured = figures.featured ? featuredChart(figures.featured, base) : undefined;
  if (featured) charts.push(featured);
  if (figures.value.years.length > 0) charts.push(valueChart(figures, deals, currency, base));
  charts.push(stagesChart(figures, deals, base));
  charts.push(breakdownChart('domain', figures, deals, currency, base));
  charts.push(breakdownChart('kind', figures, deals, currency, base));
  for (const grouping of ORDERS_GROUPINGS)
    if (ordersRows(figures.orders, grouping).length > 0)
      charts.push(ordersChartData(figures.orders, grouping, deals, base));
  if (figures.timeline.rows.length > 0) charts.push(timelineChart(figures, deals, base));
  return charts;
}

/** A stacked chart's totals per category (what its bars reach); null where every part is unknown. */
export function categoryTotals(chart: ChartData): (number | null)[] {
  return chart.categories.map((_, i) => {
    let total: number | null = null;
    for (const s of chart.series) {
      const v = s.values[i];
      if (v !== null && v !== undefined) total = (total ?? 0) + v;
    }
    return total;
  });
}

/** One deal's units by armed service as data: the dashboard's featured split, and the deal page's chart. */
export function allocationChartData(
  deal: Deal,
  base: Pick<ChartData, 'filters' | 'synthetic' | 'dataAsOf'>,
): ChartData | undefined {
  return featuredChart(deal, base);
}
