import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { dealYear } from '../model/deal-facts';
import type { Deal } from '../model/deal-schema';
import { filterDeals, filterWithFacetCounts } from './filter-engine';
import { FACET_KEYS, type DealFilter, type FacetKey } from './filter-model';
import { valueInCurrency } from '../money-dates/money';
import { normaliseText } from './normalise-text';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import {
  DEAL_KINDS,
  DEAL_STATUSES,
  DOMAINS,
  LABELS,
  ROUTES,
  SERVICE_FILTER_VALUES,
  SYSTEM_CATEGORIES,
  type ServiceFilterValue,
} from '../model/vocabulary';

// The obvious per-deal predicate, written without the index, to check the indexed engine against.
const allFacetValues = (deal: Deal): Record<FacetKey, string[]> => ({
  status: [deal.status],
  kind: [deal.kind],
  domain: deal.domains,
  service: ((named) => (named.size > 0 ? [...named] : ['unknown']))(
    new Set<string>([
      ...(deal.endUser?.services ?? []),
      ...(deal.quantity?.allocations ?? []).map((a) => a.service),
    ]),
  ),
  category: deal.system ? [deal.system.category] : [],
  system: deal.system ? [deal.system.name] : [],
  route: deal.routes,
  supplier: deal.supplierCountries,
  buyer: deal.buyerCountries,
  party: deal.parties.map((p) => p.name),
  origin: [
    deal.origin
      ? (({ sipri: 'sipri', ocds: 'ocds', dpt: 'export' } as Record<string, string>)[
          deal.origin.format.split('-')[0]!
        ] ?? 'csv')
      : deal.synthetic
        ? 'generated'
        : 'tracker',
  ],
});
// Worked out once per deal: the reference asks for them millions of times.
const facetCache = new Map<Deal, Record<FacetKey, string[]>>();
const facetValues = (deal: Deal, key: FacetKey): string[] => {
  let values = facetCache.get(deal);
  if (!values) facetCache.set(deal, (values = allFacetValues(deal)));
  return values[key];
};

// The searched fields, each normalised; a token matches within one field.
const fields = (deal: Deal) => {
  const services = facetValues(deal, 'service').map((s) => LABELS.service[s as ServiceFilterValue]);
  return [
    deal.title,
    `${deal.system?.name ?? ''} ${deal.system?.variant ?? ''}`,
    deal.parties.map((p) => p.name).join(' '),
    services.join(' '),
    deal.summary,
    deal.id,
  ].map(normaliseText);
};
const haystacks = new Map<Deal, string>();
const haystack = (deal: Deal) => {
  let text = haystacks.get(deal);
  if (text === undefined) haystacks.set(deal, (text = fields(deal).join(' ')));
  return text;
};

// Separators dropped, so "mq9b" meets "MQ-9B".
const bare = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '');
const bareHaystacks = new Map<Deal, string>();
const bareHaystack = (deal: Deal) => {
  let text = bareHaystacks.get(deal);
  if (text === undefined) bareHaystacks.set(deal, (text = fields(deal).map(bare).join('\n')));
  return text;
};

function reference(deals: readonly Deal[], filter: DealFilter) {
  const tokens = normaliseText(filter.q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((t) => ({ t, b: bare(t) }));
  const inRange = (v: number | undefined, min?: number, max?: number) =>
    (min === undefined && max === undefined) ||
    (v !== undefined && (min === undefined || v >= min) && (max === undefined || v <= max));
  const passesFacet = (deal: Deal, key: FacetKey) =>
    !filter[key]?.length || facetValues(deal, key).some((v) => (filter[key] as string[]).includes(v));
  const passesRest = (deal: Deal) =>
    tokens.every(({ t, b }) => haystack(deal).includes(t) || (b !== '' && bareHaystack(deal).includes(b))) &&
    inRange(dealYear(deal), filter.yearMin, filter.yearMax) &&
    inRange(valueInCurrency(deal, 'USD'), filter.valueMin, filter.valueMax);
  const counts: Record<string, Record<string, number>> = Object.fromEntries(FACET_KEYS.map((k) => [k, {}]));
  for (const key of FACET_KEYS) {
    for (const deal of deals) {
      if (!passesRest(deal) || !FACET_KEYS.every((other) => other === key || passesFacet(deal, other)))
        continue;
      for (const value of new Set(facetValues(deal, key)))
        counts[key]![value] = (counts[key]![value] ?? 0) + 1;
    }
  }
  return { deals: deals.filter((d) => passesRest(d) && FACET_KEYS.every((k) => passesFacet(d, k))), counts };
}

// Synthetic deals have one supplier and one buyer each; these add what they lack: several values in
// those facets, a value listed twice, accents, no system, no date and no dollar value.
const oddOnes = [
  makeDeal({
    id: 'odd-1',
    title: 'Sécurité maritime',
    supplierCountries: ['FR', 'US'],
    buyerCountries: ['IN', 'AE'],
    parties: [
      { name: 'Naval Group', role: 'prime-contractor' },
      { name: 'Naval Group', role: 'partner-manufacturer' },
    ],
    domains: ['maritime', 'air'],
    routes: ['dcs', 'fms'],
  }),
  makeDeal({ id: 'odd-2', title: 'ΣΟΦΙΑ radar', supplierCountries: ['IL', 'US', 'FR'] }),
];
const deals = [...generateSyntheticDeals({ size: 2000, seed: 11 }), ...oddOnes];
const seen = (key: FacetKey) => [...new Set(deals.flatMap((d) => facetValues(d, key)))];

const words = [
  ...deals
    .slice(0, 40)
    .flatMap((d) => [d.title.split(' ')[2] ?? '', d.id.slice(-4), d.parties[0]?.name ?? '']),
  ...['helicopter', 'for', 'x', 'SECURITE', 'sofia', 'σοφια', 'naval group', 'zz-none', '  ', 'ter'],
  // Tokens with no letter or digit are the only ones looked for in the plain text, not the compact one.
  ...['-', '/', '(', "'", 'sea-', 'mq 9b'],
];
const some = (values: readonly string[]) => fc.array(fc.constantFrom(...values), { maxLength: 3 });
const year = fc.integer({ min: 1990, max: 2030 });
const filters: fc.Arbitrary<DealFilter> = fc
  .record({
    q: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
    status: some(DEAL_STATUSES),
    kind: some(DEAL_KINDS),
    domain: some(DOMAINS),
    service: some(SERVICE_FILTER_VALUES),
    category: some(SYSTEM_CATEGORIES),
    system: some([...seen('system'), 'No such system']),
    route: some(ROUTES),
    supplier: some([...seen('supplier'), 'ZZ']),
    buyer: some(seen('buyer')),
    party: some(seen('party')),
    yearMin: year,
    yearMax: year,
    valueMin: fc.integer({ min: 0, max: 5e9 }),
    valueMax: fc.integer({ min: 0, max: 5e10 }),
  })
  // A few parts at a time, as people filter; all of them at once would match nothing.
  .chain((f) => fc.shuffledSubarray(Object.entries(f), { minLength: 1, maxLength: 4 }))
  .map((entries) => Object.fromEntries(entries) as DealFilter);

describe('the indexed filter engine', () => {
  it('finds the same deals, in the same order, with the same facet counts as a plain predicate', () => {
    fc.assert(
      fc.property(filters, (filter) => {
        const got = filterWithFacetCounts(deals, filter);
        const want = reference(deals, filter);
        expect(got.deals.map((d) => d.id)).toEqual(want.deals.map((d) => d.id));
        expect(filterDeals(deals, filter)).toEqual(got.deals);
        for (const key of FACET_KEYS) expect(Object.fromEntries(got.counts[key])).toEqual(want.counts[key]);
      }),
      { numRuns: 150 },
    );
  });

  it('answers a new array of the same deals afresh, not from a stale index', () => {
    const first = filterWithFacetCounts(deals, { status: ['completed'] }).deals.length;
    const half = deals.slice(0, 700);
    const second = filterWithFacetCounts(half, { status: ['completed'] }).deals.length;
    expect(second).toBe(half.filter((d) => d.status === 'completed').length);
    expect(second).toBeLessThan(first);
  });

  it('hands out results the next query does not overwrite', () => {
    const all = filterWithFacetCounts(deals, {});
    all.counts.status.clear();
    all.deals.length = 0;
    const narrow = filterWithFacetCounts(deals, { q: 'helicopter' });
    const again = filterWithFacetCounts(deals, {});
    expect(again.deals).toEqual(deals);
    expect(again.deals).not.toBe(deals);
    expect(again.counts.status.size).toBeGreaterThan(0);
    expect(narrow.deals.every((d) => haystack(d).includes('helicopter'))).toBe(true);
  });
});
