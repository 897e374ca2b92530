import type { Deal } from '../model/deal-schema';
import { countryName, LABELS, SYSTEM_CATEGORIES } from '../model/vocabulary';
import { viewOf, type DealView } from './deal-view';
import { NO_CATEGORY, originGroupOf, type OriginGroup } from './fact-table';

/**
 * One bar of the orders chart: the deals of a supplier country, a system category or an order year,
 * and the SIPRI TIV of those of them that carry one. TIV is SIPRI's volume indicator (millions of
 * TIV), never money: it is summed only with TIV, and a deal without it is counted, never taken as 0.
 */
export interface OrderGroupRow {
  /** A supplier's ISO code, a system category, or a year as text. */
  key: string;
  label: string;
  /** Deals in the group (a deal with several suppliers counts under each). */
  count: number;
  /** Sum of the TIV of the group's deals that have one; null when none has. */
  tiv: number | null;
  /** How many of the group's deals have a TIV. */
  tivKnown: number;
}

export interface OrdersBreakdown {
  /** Supplier countries, most deals first (then most TIV, then name). */
  bySupplier: OrderGroupRow[];
  /** System categories with deals, most deals first; deals without a system last, as "System not recorded". */
  byCategory: OrderGroupRow[];
  /** Order years (signature, or first milestone if unsigned), in order; undated deals left out and counted. */
  byYear: OrderGroupRow[];
  /** Deals in view. */
  deals: number;
  /** Deals in view with a SIPRI TIV. */
  tivKnown: number;
  /** Deals filed under no year. */
  undated: number;
  /** Deals with more than one supplier country, counted under each. */
  multiSupplier: number;
}

export const NO_SYSTEM_LABEL = 'System not recorded';
/** The key of the category row of deals without a system: not a category a filter can choose. */
export const NO_SYSTEM_KEY = 'none';

/** Deals and SIPRI TIV by supplier country, system category and order year. */
export function ordersBreakdown(deals: readonly Deal[]): OrdersBreakdown {
  return ordersBreakdownOf(viewOf(deals));
}

export function ordersBreakdownOf({ table, rows }: DealView): OrdersBreakdown {
  const { supplierStart, supplier, tivOrder, category, yearCode } = table;
  const suppliers = table.suppliers.length;
  const years = table.years.length;
  const supplierCount = new Int32Array(suppliers);
  const supplierTiv = new Float64Array(suppliers);
  const supplierTivKnown = new Int32Array(suppliers);
  const categoryCount = new Int32Array(NO_CATEGORY + 1);
  const categoryTiv = new Float64Array(NO_CATEGORY + 1);
  const categoryTivKnown = new Int32Array(NO_CATEGORY + 1);
  // One slot past the years: undated deals.
  const yearCount = new Int32Array(years + 1);
  const yearTiv = new Float64Array(years + 1);
  const yearTivKnown = new Int32Array(years + 1);
  let tivKnown = 0;
  let multiSupplier = 0;
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    const tiv = tivOrder[row]!;
    // NaN !== NaN: 1 where the TIV is known; the sums add it only then.
    const known = tiv === tiv ? 1 : 0;
    const amount = known === 1 ? tiv : 0;
    tivKnown += known;
    const from = supplierStart[row]!;
    const to = supplierStart[row + 1]!;
    if (to - from > 1) multiSupplier++;
    for (let k = from; k < to; k++) {
      const code = supplier[k]!;
      supplierCount[code]!++;
      supplierTiv[code]! += amount;
      supplierTivKnown[code]! += known;
    }
    const c = category[row]!;
    categoryCount[c]!++;
    categoryTiv[c]! += amount;
    categoryTivKnown[c]! += known;
    const y = yearCode[row]!;
    yearCount[y]!++;
    yearTiv[y]! += amount;
    yearTivKnown[y]! += known;
  }
  const row = (key: string, label: string, count: number, tiv: number, known: number): OrderGroupRow => ({
    key,
    label,
    count,
    tiv: known > 0 ? tiv : null,
    tivKnown: known,
  });
  const byCount = (a: OrderGroupRow, b: OrderGroupRow) =>
    b.count - a.count || (b.tiv ?? -1) - (a.tiv ?? -1) || a.label.localeCompare(b.label);

  const bySupplier: OrderGroupRow[] = [];
  for (let code = 0; code < suppliers; code++) {
    if (supplierCount[code] === 0) continue;
    const iso = table.suppliers[code]!;
    bySupplier.push(
      row(iso, countryName(iso), supplierCount[code]!, supplierTiv[code]!, supplierTivKnown[code]!),
    );
  }
  bySupplier.sort(byCount);

  const byCategory: OrderGroupRow[] = [];
  SYSTEM_CATEGORIES.forEach((key, code) => {
    if (categoryCount[code] === 0) return;
    byCategory.push(
      row(key, LABELS.category[key], categoryCount[code]!, categoryTiv[code]!, categoryTivKnown[code]!),
    );
  });
  byCategory.sort(byCount);
  if (categoryCount[NO_CATEGORY]! > 0)
    byCategory.push(
      row(
        NO_SYSTEM_KEY,
        NO_SYSTEM_LABEL,
        categoryCount[NO_CATEGORY]!,
        categoryTiv[NO_CATEGORY]!,
        categoryTivKnown[NO_CATEGORY]!,
      ),
    );

  const byYear: OrderGroupRow[] = [];
  for (let code = 0; code < years; code++) {
    if (yearCount[code] === 0) continue;
    const year = String(table.years[code]!);
    byYear.push(row(year, year, yearCount[code]!, yearTiv[code]!, yearTivKnown[code]!));
  }
  byYear.sort((a, b) => Number(a.key) - Number(b.key));

  return {
    bySupplier,
    byCategory,
    byYear,
    deals: rows.length,
    tivKnown,
    undated: yearCount[years]!,
    multiSupplier,
  };
}

/** A group of imported records in view, as the labels name it. */
export interface ImportedGroup extends OriginGroup {
  count: number;
}

/**
 * The imported records among the deals, per format, publisher, rights line and day of import, most
 * first: what the data banner, the chart footers and the exports say ("Includes 724 records imported
 * from SIPRI data (c) SIPRI, imported 1 Dec 2026"). Empty when none is imported.
 */
export function importedGroups(deals: readonly Deal[]): ImportedGroup[] {
  return importedGroupsOf(viewOf(deals));
}

export function importedGroupsOf({ table, rows }: DealView): ImportedGroup[] {
  const { origin } = table;
  const counts = new Int32Array(table.origins.length);
  for (let j = 0; j < rows.length; j++) {
    const code = origin[rows[j]!]!;
    if (code >= 0) counts[code]!++;
  }
  const groups: ImportedGroup[] = [];
  counts.forEach((count, code) => {
    if (count > 0) groups.push({ ...originGroupOf(table.origins[code]!), count });
  });
  return sortGroups(groups);
}

/** The distinct rights lines of the imported records in view ("(c) SIPRI"), for export footers. */
export function rightsLines(groups: readonly ImportedGroup[]): string[] {
  return [...new Set(groups.flatMap((g) => (g.rights ? [g.rights] : [])))];
}

/**
 * `importedGroups` by one walk over the deals, without a fact table: for a label on every page, where
 * the list's table may not be built (a page that draws no chart). About 1 ms at 100,000 deals.
 */
export function importedGroupsInList(deals: readonly Deal[]): ImportedGroup[] {
  const groups = new Map<string, ImportedGroup>();
  for (const deal of deals) {
    const origin = deal.origin;
    if (!origin) continue;
    const day = origin.importedAt.slice(0, 10);
    const key = `${origin.format}\u0000${origin.publisher}\u0000${origin.rights ?? ''}\u0000${day}`;
    const group = groups.get(key);
    if (group) group.count++;
    else
      groups.set(key, {
        format: origin.format,
        publisher: origin.publisher,
        importedOn: day,
        ...(origin.rights ? { rights: origin.rights } : {}),
        count: 1,
      });
  }
  return sortGroups([...groups.values()]);
}

function sortGroups(groups: ImportedGroup[]): ImportedGroup[] {
  return groups.sort(
    (a, b) =>
      b.count - a.count || a.publisher.localeCompare(b.publisher) || a.importedOn.localeCompare(b.importedOn),
  );
}
