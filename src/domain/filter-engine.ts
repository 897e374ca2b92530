import type { Deal } from './deal-schema';
import { dealYear } from './deal-facts';
import { FACET_KEYS, type DealFilter, type FacetKey } from './filter-model';
import { valueInCurrency } from './money';

/** What the filter reads of a deal, computed once per record object and reused by every later filter. */
interface PreparedDeal {
  text: string;
  year: number | undefined;
  usd: number | undefined;
  facets: Record<FacetKey, readonly string[]>;
}

const prepared = new WeakMap<Deal, PreparedDeal>();

export function normaliseText(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function prepare(deal: Deal): PreparedDeal {
  let row = prepared.get(deal);
  if (row) return row;
  const system = deal.system ? `${deal.system.name} ${deal.system.variant ?? ''}` : '';
  const parties = deal.parties.map((p) => p.name);
  row = {
    text: normaliseText([deal.title, system, parties.join(' '), deal.summary, deal.id].join('\n')),
    year: dealYear(deal),
    usd: valueInCurrency(deal, 'USD'),
    facets: {
      status: [deal.status],
      kind: [deal.kind],
      domain: deal.domains,
      service: deal.quantity ? deal.quantity.allocations.map((a) => a.service) : [],
      category: deal.system ? [deal.system.category] : [],
      system: deal.system ? [deal.system.name] : [],
      route: deal.routes,
      supplier: deal.supplierCountries,
      buyer: deal.buyerCountries,
      party: parties,
    },
  };
  prepared.set(deal, row);
  return row;
}

interface CompiledFilter {
  tokens: string[];
  facets: [FacetKey, ReadonlySet<string>][];
  yearMin?: number;
  yearMax?: number;
  valueMin?: number;
  valueMax?: number;
}

function compile(filter: DealFilter): CompiledFilter {
  const tokens = normaliseText(filter.q ?? '')
    .split(/\s+/)
    .filter((t) => t.length > 0);
  const facets: [FacetKey, ReadonlySet<string>][] = [];
  for (const key of FACET_KEYS) {
    const values = filter[key];
    if (values && values.length > 0) facets.push([key, new Set<string>(values)]);
  }
  return { ...filter, tokens, facets };
}

function matchesFacet(row: PreparedDeal, key: FacetKey, selected: ReadonlySet<string>): boolean {
  for (const value of row.facets[key]) if (selected.has(value)) return true;
  return false;
}

function inRange(value: number | undefined, min: number | undefined, max: number | undefined): boolean {
  if (min === undefined && max === undefined) return true;
  if (value === undefined) return false;
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

function matchesNonFacet(row: PreparedDeal, f: CompiledFilter): boolean {
  for (const token of f.tokens) if (!row.text.includes(token)) return false;
  return inRange(row.year, f.yearMin, f.yearMax) && inRange(row.usd, f.valueMin, f.valueMax);
}

/** The deals that satisfy every part of the filter, in their original order. */
export function filterDeals(deals: readonly Deal[], filter: DealFilter): Deal[] {
  const f = compile(filter);
  const out: Deal[] = [];
  for (const deal of deals) {
    const row = prepare(deal);
    if (!matchesNonFacet(row, f)) continue;
    if (f.facets.every(([key, selected]) => matchesFacet(row, key, selected))) out.push(deal);
  }
  return out;
}

export type FacetCounts = Record<FacetKey, Map<string, number>>;

/**
 * Filters and, in the same pass, counts each facet's values under all the *other* active filters,
 * so an option shows how many deals choosing it would give. A deal failing exactly one facet still
 * counts towards that facet's options.
 */
export function filterWithFacetCounts(
  deals: readonly Deal[],
  filter: DealFilter,
): { deals: Deal[]; counts: FacetCounts } {
  const f = compile(filter);
  const counts = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map<string, number>()])) as FacetCounts;
  const out: Deal[] = [];
  const count = (row: PreparedDeal, key: FacetKey) => {
    const map = counts[key];
    for (const value of new Set(row.facets[key])) map.set(value, (map.get(value) ?? 0) + 1);
  };
  for (const deal of deals) {
    const row = prepare(deal);
    if (!matchesNonFacet(row, f)) continue;
    let failed: FacetKey | undefined;
    let failures = 0;
    for (const [key, selected] of f.facets) {
      if (!matchesFacet(row, key, selected)) {
        failed = key;
        if (++failures > 1) break;
      }
    }
    if (failures === 0) {
      out.push(deal);
      for (const key of FACET_KEYS) count(row, key);
    } else if (failures === 1 && failed) count(row, failed);
  }
  return { deals: out, counts };
}
