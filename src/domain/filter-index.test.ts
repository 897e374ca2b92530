import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dealYear } from './deal-facts';
import type { Deal } from './deal-schema';
import { filterWithFacetCounts } from './filter-engine';
import { FACET_KEYS, type DealFilter, type FacetKey } from './filter-model';
import { searchText } from './filter-index';
import { valueInCurrency } from './money';
import { normaliseText } from './normalise-text';
import { generateSyntheticDeals } from './synthetic';
import { DEAL_STATUSES, DOMAINS, ROUTES, SERVICES } from './vocabulary';

// The obvious per-deal predicate, to check the indexed engine against.
const facetValues = (deal: Deal, key: FacetKey): string[] =>
  ({
    status: [deal.status],
    kind: [deal.kind],
    domain: deal.domains,
    service: deal.quantity?.allocations.map((a) => a.service) ?? [],
    category: deal.system ? [deal.system.category] : [],
    system: deal.system ? [deal.system.name] : [],
    route: deal.routes,
    supplier: deal.supplierCountries,
    buyer: deal.buyerCountries,
    party: deal.parties.map((p) => p.name),
  })[key];

function reference(deals: readonly Deal[], filter: DealFilter) {
  const tokens = normaliseText(filter.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const inRange = (v: number | undefined, min?: number, max?: number) =>
    (min === undefined && max === undefined) ||
    (v !== undefined && (min === undefined || v >= min) && (max === undefined || v <= max));
  const passesFacet = (deal: Deal, key: FacetKey) =>
    !filter[key]?.length || facetValues(deal, key).some((v) => (filter[key] as string[]).includes(v));
  const passesRest = (deal: Deal) =>
    tokens.every((t) => searchText(deal).includes(t)) &&
    inRange(dealYear(deal), filter.yearMin, filter.yearMax) &&
    inRange(valueInCurrency(deal, 'USD'), filter.valueMin, filter.valueMax);
  const counts = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map<string, number>()]));
  for (const key of FACET_KEYS) {
    for (const deal of deals) {
      if (!passesRest(deal) || !FACET_KEYS.every((other) => other === key || passesFacet(deal, other)))
        continue;
      for (const value of new Set(facetValues(deal, key)))
        counts[key]!.set(value, (counts[key]!.get(value) ?? 0) + 1);
    }
  }
  return { deals: deals.filter((d) => passesRest(d) && FACET_KEYS.every((k) => passesFacet(d, k))), counts };
}

const deals = generateSyntheticDeals({ size: 1500, seed: 7 });
const some = <T>(values: readonly T[]) =>
  fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined });
const filters: fc.Arbitrary<DealFilter> = fc
  .record({
    q: fc.option(fc.constantFrom('kestrel', 'navy ae', 'syn-0001', 'x', 'Précision', 'helicopter'), {
      nil: undefined,
    }),
    status: some(DEAL_STATUSES),
    domain: some(DOMAINS),
    service: some(SERVICES),
    route: some(ROUTES),
    supplier: some(['US', 'FR', 'SE', 'IN', 'RU']),
    yearMin: fc.option(fc.integer({ min: 1990, max: 2030 }), { nil: undefined }),
    valueMax: fc.option(fc.integer({ min: 0, max: 5e9 }), { nil: undefined }),
  })
  .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as DealFilter);

describe('the indexed filter engine', () => {
  it('finds the same deals, in the same order, with the same facet counts as a plain predicate', () => {
    fc.assert(
      fc.property(filters, (filter) => {
        const got = filterWithFacetCounts(deals, filter);
        const want = reference(deals, filter);
        expect(got.deals.map((d) => d.id)).toEqual(want.deals.map((d) => d.id));
        for (const key of FACET_KEYS)
          expect(Object.fromEntries(got.counts[key])).toEqual(Object.fromEntries(want.counts[key]!));
      }),
      { numRuns: 40 },
    );
  });

  it('answers a new array of the same deals afresh, not from a stale index', () => {
    const first = filterWithFacetCounts(deals, { status: ['completed'] }).deals.length;
    const half = deals.slice(0, 700);
    const second = filterWithFacetCounts(half, { status: ['completed'] }).deals.length;
    expect(second).toBe(half.filter((d) => d.status === 'completed').length);
    expect(second).toBeLessThan(first);
  });
});
