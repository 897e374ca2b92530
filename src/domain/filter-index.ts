import type { Deal } from './deal-schema';
import { dealYear } from './deal-facts';
import { FACET_KEYS, type DealFilter, type FacetKey } from './filter-model';
import { valueInCurrency } from './money';
import { normaliseText } from './normalise-text';

/**
 * One facet as columns: each distinct value gets a code, and row i's codes are
 * `codes[offsets[i] .. offsets[i + 1]]`, de-duplicated, so a filter or a count over 100,000 deals is a
 * walk over integers rather than over strings, Sets and Maps.
 */
interface FacetColumn {
  values: string[];
  offsets: Int32Array;
  codes: Int32Array;
}

/** What filtering reads of a list of deals, built once per list. */
export interface DealIndex {
  deals: readonly Deal[];
  text: string[];
  /** NaN where unknown: an unknown year or value never matches a range. */
  year: Float64Array;
  usd: Float64Array;
  facets: Record<FacetKey, FacetColumn>;
}

function facetValues(deal: Deal, key: FacetKey): readonly string[] {
  switch (key) {
    case 'status':
      return [deal.status];
    case 'kind':
      return [deal.kind];
    case 'domain':
      return deal.domains;
    case 'service':
      return deal.quantity ? deal.quantity.allocations.map((a) => a.service) : [];
    case 'category':
      return deal.system ? [deal.system.category] : [];
    case 'system':
      return deal.system ? [deal.system.name] : [];
    case 'route':
      return deal.routes;
    case 'supplier':
      return deal.supplierCountries;
    case 'buyer':
      return deal.buyerCountries;
    case 'party':
      return deal.parties.map((p) => p.name);
  }
}

function buildFacet(deals: readonly Deal[], key: FacetKey): FacetColumn {
  const lookup = new Map<string, number>();
  const values: string[] = [];
  const offsets = new Int32Array(deals.length + 1);
  const codes: number[] = [];
  deals.forEach((deal, i) => {
    const start = codes.length;
    for (const value of facetValues(deal, key)) {
      let code = lookup.get(value);
      if (code === undefined) {
        code = values.length;
        values.push(value);
        lookup.set(value, code);
      }
      if (codes.indexOf(code, start) === -1) codes.push(code);
    }
    offsets[i + 1] = codes.length;
  });
  return { values, offsets, codes: Int32Array.from(codes) };
}

export function searchText(deal: Deal): string {
  const system = deal.system ? `${deal.system.name} ${deal.system.variant ?? ''}` : '';
  return normaliseText(
    [deal.title, system, deal.parties.map((p) => p.name).join(' '), deal.summary, deal.id].join('\n'),
  );
}

export function buildIndex(deals: readonly Deal[]): DealIndex {
  const n = deals.length;
  const year = new Float64Array(n);
  const usd = new Float64Array(n);
  const text = new Array<string>(n);
  deals.forEach((deal, i) => {
    text[i] = searchText(deal);
    year[i] = dealYear(deal) ?? Number.NaN;
    usd[i] = valueInCurrency(deal, 'USD') ?? Number.NaN;
  });
  const facets = Object.fromEntries(FACET_KEYS.map((key) => [key, buildFacet(deals, key)])) as Record<
    FacetKey,
    FacetColumn
  >;
  return { deals, text, year, usd, facets };
}

const indexes = new WeakMap<readonly Deal[], DealIndex>();

/** The index of this very list, built on first use and kept as long as the list lives. */
export function indexOf(deals: readonly Deal[]): DealIndex {
  let index = indexes.get(deals);
  if (!index) {
    index = buildIndex(deals);
    indexes.set(deals, index);
  }
  return index;
}

interface ActiveFacet {
  /** Position in FACET_KEYS. */
  slot: number;
  column: FacetColumn;
  selected: Uint8Array;
}

function activeFacets(index: DealIndex, filter: DealFilter): ActiveFacet[] {
  const active: ActiveFacet[] = [];
  for (const [slot, key] of FACET_KEYS.entries()) {
    const wanted = filter[key];
    if (!wanted || wanted.length === 0) continue;
    const column = index.facets[key];
    const selected = new Uint8Array(column.values.length);
    const wantedSet = new Set<string>(wanted);
    column.values.forEach((value, code) => {
      if (wantedSet.has(value)) selected[code] = 1;
    });
    active.push({ slot, column, selected });
  }
  return active;
}

function hasSelected({ column, selected }: ActiveFacet, row: number): boolean {
  for (let j = column.offsets[row]!; j < column.offsets[row + 1]!; j++)
    if (selected[column.codes[j]!]) return true;
  return false;
}

function inRange(value: number, min: number | undefined, max: number | undefined): boolean {
  if (min === undefined && max === undefined) return true;
  if (Number.isNaN(value)) return false;
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

export type FacetCounts = Record<FacetKey, Map<string, number>>;

/**
 * The rows that match, in list order, and each facet's counts under all the other active filters: a
 * row failing exactly one facet still counts towards that facet's options, so an option shows how
 * many deals choosing it would give.
 */
export function queryIndex(
  index: DealIndex,
  filter: DealFilter,
  withCounts: boolean,
): { rows: Int32Array; counts?: FacetCounts } {
  const tokens = normaliseText(filter.q ?? '')
    .split(/\s+/)
    .filter((t) => t.length > 0);
  const { yearMin, yearMax, valueMin, valueMax } = filter;
  const facets = activeFacets(index, filter);
  const columns = FACET_KEYS.map((key) => index.facets[key]);
  const tallies = withCounts ? columns.map((column) => new Int32Array(column.values.length)) : [];
  const tally = (slot: number, row: number) => {
    const { offsets, codes } = columns[slot]!;
    const counts = tallies[slot]!;
    for (let j = offsets[row]!; j < offsets[row + 1]!; j++) counts[codes[j]!]!++;
  };
  const n = index.deals.length;
  const out = new Int32Array(n);
  let matched = 0;
  rows: for (let row = 0; row < n; row++) {
    if (tokens.length > 0) {
      const text = index.text[row]!;
      for (const token of tokens) if (!text.includes(token)) continue rows;
    }
    if (!inRange(index.year[row]!, yearMin, yearMax) || !inRange(index.usd[row]!, valueMin, valueMax))
      continue;
    let failed = -1;
    let failures = 0;
    for (const facet of facets) {
      if (!hasSelected(facet, row)) {
        failed = facet.slot;
        if (++failures > 1) break;
      }
    }
    if (failures === 0) {
      out[matched++] = row;
      if (withCounts) for (let slot = 0; slot < columns.length; slot++) tally(slot, row);
    } else if (failures === 1 && withCounts) tally(failed, row);
  }
  if (!withCounts) return { rows: out.subarray(0, matched) };
  const counts = Object.fromEntries(
    FACET_KEYS.map((key, i) => {
      const map = new Map<string, number>();
      tallies[i]!.forEach((count, code) => {
        if (count > 0) map.set(index.facets[key].values[code]!, count);
      });
      return [key, map];
    }),
  ) as FacetCounts;
  return { rows: out.subarray(0, matched), counts };
}
