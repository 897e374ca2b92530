import type { Deal } from '../model/deal-schema';
import {
  DEAL_STATUSES,
  LABELS,
  quantityStageOf,
  SERVICES,
  UNIT_FAMILIES,
  type Service,
  type UnitFamily,
} from '../model/vocabulary';
import { viewOf, type DealView } from './deal-view';
import { HAS_QUANTITY, NO_SPLIT, OTHER_SERVICE } from './fact-table';

/**
 * A service; "unknown": units no source attributes to a service; or "unsplit": units of imported
 * records whose register splits none by service (SIPRI's), which are not a gap in a source's split.
 */
export type ServiceKey = Service | 'unknown' | 'unsplit';

export const NO_SERVICE_SPLIT = 'No service split';

/** The service filter value of a row: an unsplit record is tied to no service, as "unknown" says. */
export function serviceFilterOf(key: ServiceKey): Service | 'unknown' {
  return key === 'unsplit' ? 'unknown' : key;
}

/** Whether the deal is an imported record with no service split at all (no allocation, no end user). */
export function hasNoServiceSplit(deal: Deal): boolean {
  return (
    deal.origin !== undefined &&
    deal.quantity !== undefined &&
    deal.quantity.allocations.length === 0 &&
    (deal.endUser?.services.length ?? 0) === 0
  );
}

const serviceLabel = (key: ServiceKey) => (key === 'unsplit' ? NO_SERVICE_SPLIT : LABELS.service[key]);

export interface UnitsByServiceRow {
  service: ServiceKey;
  label: string;
  /** Ordered units (a contract exists): what the bar draws. */
  total: number;
  /** Ordered units per system series key (see `series`). */
  bySeries: Record<string, number>;
  /** Units announced, in talks, in an MoU or approved: planned, not ordered, never added to `total`. */
  planned: number;
}

export interface UnitsSeries {
  key: string;
  label: string;
  /** Ordered units of this series in the view. */
  units: number;
  /**
   * Rank of the system in its family over the whole data set, which picks its colour: the same in
   * every view. -1 for "Other systems".
   */
  slot: number;
}

export interface FamilyTotals {
  family: UnitFamily;
  ordered: number;
  planned: number;
}

export interface UnitsByService {
  family: UnitFamily;
  rows: UnitsByServiceRow[];
  /** Systems stacked in the bars, in the whole data set's order; systems past the limit pooled. */
  series: UnitsSeries[];
  /** Ordered units of this family in the view: the sum of the rows' totals. */
  totalUnits: number;
  plannedUnits: number;
  /** Deals of this family with ordered units, and with planned units. */
  orderedDeals: number;
  plannedDeals: number;
  /** Deals with a quantity of this family that are stalled or cancelled: neither ordered nor planned. */
  notCountedDeals: number;
  /** Deals whose quantity is not reported (of any family): not plotted, counted. */
  dealsWithoutQuantity: number;
  /** Every family's ordered and planned units in the view, so a reader sees what this chart leaves out. */
  families: FamilyTotals[];
}

export const OTHER_SYSTEMS = 'Other systems';

/**
 * Ordered units by armed service, stacked by system, for one family of units (platforms, engines,
 * munitions are never added together). Planned units are counted beside, never in the bars' totals.
 * Units no source attributes to a service are a row of their own, never dropped; a deal without a
 * reported quantity is counted, not charted as zero.
 */
export function unitsByService(
  deals: readonly Deal[],
  maxSeries = 8,
  family: UnitFamily = 'platforms',
  seriesFrom: readonly Deal[] = deals,
): UnitsByService {
  return unitsByServiceOf(viewOf(deals), family, seriesPlan(seriesFrom, family, maxSeries));
}

/** Every family's chart of one view, with series planned over `seriesFrom`. */
export function unitsByFamilyOf(
  view: DealView,
  seriesFrom: readonly Deal[],
  maxSeries = 8,
): Record<UnitFamily, UnitsByService> {
  return Object.fromEntries(
    UNIT_FAMILIES.map((family) => [
      family,
      unitsByServiceOf(view, family, seriesPlan(seriesFrom, family, maxSeries)),
    ]),
  ) as Record<UnitFamily, UnitsByService>;
}

// 0 ordered, 1 planned, 2 neither, per status code (the last code: outside the vocabulary).
const STAGE = Uint8Array.from([...DEAL_STATUSES, undefined], (status) =>
  status === undefined ? 2 : ['ordered', 'planned', 'neither'].indexOf(quantityStageOf(status)),
);
// Cells per system: SERVICES in order, one unused (services outside it go to 'unknown'), 'unknown',
// 'unsplit'.
const WIDTH = OTHER_SERVICE + 3;
const UNKNOWN = OTHER_SERVICE + 1;
const UNSPLIT = OTHER_SERVICE + 2;
/** A service outside the vocabulary (a record that skipped validation) is a service not known. */
const cellOf = (service: number) => (service === OTHER_SERVICE ? UNKNOWN : service);

/** Slot per system name: which systems get a series of their own, and their colour. */
export type SeriesPlan = ReadonlyMap<string, number>;

// Keyed by the list's view, which `viewOf` renews when the list changes in place.
const plans = new WeakMap<DealView, Map<string, SeriesPlan>>();

/**
 * The systems of a family ranked by units (ordered and planned) over `deals`, the whole data set in
 * the app, so a system keeps its place and colour in every filtered view. Past `maxSeries` the rest
 * are pooled as "Other systems". Kept per list.
 */
export function seriesPlan(deals: readonly Deal[], family: UnitFamily, maxSeries = 8): SeriesPlan {
  const key = `${family}:${maxSeries}`;
  const view = viewOf(deals);
  let byKey = plans.get(view);
  if (!byKey) plans.set(view, (byKey = new Map<string, SeriesPlan>()));
  const known = byKey.get(key);
  if (known) return known;
  const { table, rows } = view;
  const familyCode = UNIT_FAMILIES.indexOf(family);
  const totals = new Float64Array(table.systems.length);
  // Units of imported records with no service split rank their systems after every split one: an
  // import of a register (SIPRI) neither takes the colours of the systems split by service nor
  // recolours them.
  const unsplitTotals = new Float64Array(table.systems.length);
  const present = new Uint8Array(table.systems.length);
  const order: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    if ((table.flags[row]! & HAS_QUANTITY) === 0 || table.family[row] !== familyCode) continue;
    const code = table.system[row]!;
    if ((table.flags[row]! & NO_SPLIT) === 0) totals[code]! += table.units[row]!;
    else unsplitTotals[code]! += table.units[row]!;
    if (present[code] === 0) {
      present[code] = 1;
      order.push(code);
    }
  }
  const ranked = order.sort(
    (a, b) =>
      totals[b]! - totals[a]! ||
      unsplitTotals[b]! - unsplitTotals[a]! ||
      table.systems[a]!.localeCompare(table.systems[b]!),
  );
  const kept = Math.max(0, ranked.length > maxSeries ? maxSeries - 1 : maxSeries);
  const plan = new Map(ranked.slice(0, kept).map((code, slot) => [table.systems[code]!, slot]));
  byKey.set(key, plan);
  return plan;
}

export function unitsByServiceOf(
  { table, rows: list }: DealView,
  family: UnitFamily,
  plan: SeriesPlan,
): UnitsByService {
  const familyCode = UNIT_FAMILIES.indexOf(family);
  const { flags, system, units, unallocated, allocStart, allocService, allocUnits, status } = table;
  const systemCount = table.systems.length;
  const slotOf = Int32Array.from(table.systems, (name) => plan.get(name) ?? -1);
  // Ordered cells, then planned cells, per system.
  const ordered = new Float64Array(systemCount * WIDTH);
  const planned = new Float64Array(WIDTH);
  const orderedOf = new Float64Array(systemCount);
  const familyTotals = UNIT_FAMILIES.map((f): FamilyTotals => ({ family: f, ordered: 0, planned: 0 }));
  let withoutQuantity = 0;
  let orderedDeals = 0;
  let plannedDeals = 0;
  let notCounted = 0;
  for (let j = 0; j < list.length; j++) {
    const row = list[j]!;
    if ((flags[row]! & HAS_QUANTITY) === 0) {
      withoutQuantity++;
      continue;
    }
    const stage = STAGE[status[row]!]!;
    const rowFamily = table.family[row]!;
    if (stage === 0) familyTotals[rowFamily]!.ordered += units[row]!;
    else if (stage === 1) familyTotals[rowFamily]!.planned += units[row]!;
    if (rowFamily !== familyCode) continue;
    if (stage === 2) {
      notCounted++;
      continue;
    }
    const unitsOfRow = units[row]!;
    if (stage === 1) {
      plannedDeals++;
      for (let k = allocStart[row]!; k < allocStart[row + 1]!; k++)
        planned[cellOf(allocService[k]!)]! += allocUnits[k]!;
      planned[(flags[row]! & NO_SPLIT) === 0 ? UNKNOWN : UNSPLIT]! += unallocated[row]!;
      continue;
    }
    orderedDeals++;
    const code = system[row]!;
    const base = code * WIDTH;
    for (let k = allocStart[row]!; k < allocStart[row + 1]!; k++)
      ordered[base + cellOf(allocService[k]!)]! += allocUnits[k]!;
    ordered[base + ((flags[row]! & NO_SPLIT) === 0 ? UNKNOWN : UNSPLIT)]! += unallocated[row]!;
    orderedOf[code]! += unitsOfRow;
  }

  // Series: the plan's systems present in the view, in the plan's order, then "Other systems".
  const slotted: { code: number; slot: number }[] = [];
  let pooledUnits = 0;
  const pooledCodes: number[] = [];
  for (let code = 0; code < systemCount; code++) {
    if (orderedOf[code] === 0) continue;
    if (slotOf[code]! >= 0) slotted.push({ code, slot: slotOf[code]! });
    else {
      pooledUnits += orderedOf[code]!;
      pooledCodes.push(code);
    }
  }
  const pooledSystems = pooledCodes.length;
  slotted.sort((a, b) => a.slot - b.slot);
  const series: UnitsSeries[] = slotted.map(({ code, slot }) => ({
    key: table.systems[code]!,
    label: table.systems[code]!,
    units: orderedOf[code]!,
    slot,
  }));
  if (pooledSystems > 0)
    series.push({
      key: OTHER_SYSTEMS,
      label: `${OTHER_SYSTEMS} (${pooledSystems})`,
      units: pooledUnits,
      slot: -1,
    });

  // Series keys in the order the series stack, so every row lists them alike.
  const drawOrder = [...slotted.map((s) => s.code), ...pooledCodes];
  const rows: UnitsByServiceRow[] = [];
  let totalUnits = 0;
  let plannedUnits = 0;
  for (const service of [...SERVICES, 'unknown', 'unsplit'] as const) {
    const index =
      service === 'unknown' ? UNKNOWN : service === 'unsplit' ? UNSPLIT : SERVICES.indexOf(service);
    const bySeries: Record<string, number> = {};
    let total = 0;
    for (const code of drawOrder) {
      const cell = ordered[code * WIDTH + index]!;
      if (!cell) continue;
      const key = slotOf[code]! >= 0 ? table.systems[code]! : OTHER_SYSTEMS;
      bySeries[key] = (bySeries[key] ?? 0) + cell;
      total += cell;
    }
    const plannedHere = planned[index]!;
    totalUnits += total;
    plannedUnits += plannedHere;
    if (total > 0 || plannedHere > 0)
      rows.push({ service, label: serviceLabel(service), total, bySeries, planned: plannedHere });
  }
  return {
    family,
    rows,
    series,
    totalUnits,
    plannedUnits,
    orderedDeals,
    plannedDeals,
    notCountedDeals: notCounted,
    dealsWithoutQuantity: withoutQuantity,
    families: familyTotals,
  };
}
