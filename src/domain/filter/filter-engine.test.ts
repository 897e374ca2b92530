import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import type { Deal } from '../model/deal-schema';
import { dealYear } from '../model/deal-facts';
import { filterDeals, filterWithFacetCounts } from './filter-engine';
import { FACET_KEYS, type DealFilter } from './filter-model';
import { valueInCurrency } from '../money-dates/money';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import { DEAL_KINDS, DEAL_STATUSES, DOMAINS, ROUTES, SERVICES } from '../model/vocabulary';

const navyDrones = makeDeal({
  id: 'drones',
  title: '31 MQ-9B drones',
  summary: 'SeaGuardian and SkyGuardian for three services.',
  domains: ['maritime', 'air'],
  system: { name: 'MQ-9B', category: 'uav' },
  parties: [{ name: 'General Atomics Aeronautical Systems', role: 'prime-contractor' }],
  quantity: { total: 31, unit: 'drones', allocations: [{ service: 'navy', count: 15 }], sourceIds: ['src'] },
  figures: [
    { id: 'usd', amount: 3.99e9, currency: 'USD', kind: 'notified', asOf: '2024-02-01', sourceIds: ['src'] },
  ],
  headlineFigureId: 'usd',
  milestones: [{ kind: 'signature', date: '2024-10-15', label: 'Signed', sourceIds: ['src'] }],
});
const engines = makeDeal({
  id: 'engines',
  title: 'F414 engines',
  summary: 'Jet engines for the Tejas Mk2, built by Hindustan Aeronautics.',
  kind: 'mou',
  status: 'mou-signed',
  domains: ['air'],
  system: { name: 'F414', category: 'engine' },
  milestones: [{ kind: 'mou', date: '2023-06', label: 'MoU', sourceIds: ['src'] }],
});
const howitzers = makeDeal({
  id: 'howitzers',
  title: '145 M777 howitzers',
  summary: 'Ultra-light howitzers; Mahindra assembles 120 in India.',
  domains: ['land'],
  supplierCountries: ['US'],
  figures: [
    { id: 'inr', amount: 5e10, currency: 'INR', kind: 'signed', asOf: '2016-11', sourceIds: ['src'] },
  ],
  headlineFigureId: 'inr',
});
const small = [navyDrones, engines, howitzers];

describe('filterDeals on hand-made deals', () => {
  it.each<[string, DealFilter, string[]]>([
    ['an empty filter', {}, ['drones', 'engines', 'howitzers']],
    ['text in the title, any case', { q: 'mq-9b' }, ['drones']],
    ['text in a party name', { q: 'general atomics' }, ['drones']],
    ['text in the summary', { q: 'tejas' }, ['engines']],
    ['every word must match', { q: 'howitzers mahindra' }, ['howitzers']],
    ['words in any order', { q: 'mahindra howitzers' }, ['howitzers']],
    ['no match', { q: 'submarine' }, []],
    ['one facet value', { kind: ['mou'] }, ['engines']],
    ['values within a facet are alternatives', { domain: ['land', 'maritime'] }, ['drones', 'howitzers']],
    ['facets combine', { domain: ['air'], status: ['mou-signed'] }, ['engines']],
    ['a service with an allocation', { service: ['navy'] }, ['drones']],
    ['a service nobody has', { service: ['army'] }, []],
    ['a year range', { yearMin: 2020 }, ['drones', 'engines']],
    ['a year range excludes undated deals', { yearMax: 2030 }, ['drones', 'engines']],
    ['a value range in USD', { valueMin: 1e9 }, ['drones']],
    ['an unknown dollar value never matches a value range', { valueMax: 1e12 }, ['drones']],
  ])('%s', (_, filter, expected) => {
    expect(filterDeals(small, filter).map((d) => d.id)).toEqual(expected);
  });

  it('counts each facet under the other filters', () => {
    const { deals, counts } = filterWithFacetCounts(small, { domain: ['air'], status: ['mou-signed'] });
    expect(deals.map((d) => d.id)).toEqual(['engines']);
    // Choosing another status would give the air deal that is contract-signed.
    expect(Object.fromEntries(counts.status)).toEqual({ 'mou-signed': 1, 'contract-signed': 1 });
    // Choosing another domain keeps the status filter: only the MoU counts.
    expect(Object.fromEntries(counts.domain)).toEqual({ air: 1 });
  });
});

describe('filterDeals properties over synthetic deals', () => {
  let deals: Deal[];
  beforeAll(() => {
    deals = generateSyntheticDeals({ size: 600, seed: 7 });
  });

  const some = <T>(values: readonly T[]) =>
    fc.option(fc.uniqueArray(fc.constantFrom(...values), { minLength: 1 }), { nil: undefined });
  const filters: fc.Arbitrary<DealFilter> = fc
    .record({
      q: fc.option(fc.constantFrom('synthetic', 'for', 'mh-60r', 'aircraft', 'india', 'zz-none'), {
        nil: undefined,
      }),
      status: some(DEAL_STATUSES),
      kind: some(DEAL_KINDS),
      domain: some(DOMAINS),
      service: some(SERVICES),
      route: some(ROUTES),
      supplier: some(['US', 'FR', 'IL', 'GB']),
      buyer: some(['IN', 'AU', 'JP']),
      yearMin: fc.option(fc.integer({ min: 1995, max: 2026 }), { nil: undefined }),
      valueMax: fc.option(fc.integer({ min: 1e6, max: 2e10 }), { nil: undefined }),
    })
    .map((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as DealFilter);

  it('returns a subset, in the original order', () => {
    fc.assert(
      fc.property(filters, (filter) => {
        const result = filterDeals(deals, filter);
        const positions = result.map((d) => deals.indexOf(d));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
      }),
    );
  });

  it('every result satisfies every active predicate', () => {
    fc.assert(
      fc.property(filters, (filter) => {
        for (const deal of filterDeals(deals, filter)) {
          if (filter.status) expect(filter.status).toContain(deal.status);
          if (filter.kind) expect(filter.kind).toContain(deal.kind);
          if (filter.domain) expect(deal.domains.some((d) => filter.domain!.includes(d))).toBe(true);
          if (filter.service) {
            expect(deal.quantity?.allocations.some((a) => filter.service!.includes(a.service))).toBe(true);
          }
          if (filter.supplier)
            expect(deal.supplierCountries.some((c) => filter.supplier!.includes(c))).toBe(true);
          if (filter.q)
            expect(
              JSON.stringify([deal.title, deal.summary, deal.system, deal.parties, deal.id]).toLowerCase(),
            ).toContain(filter.q);
          if (filter.yearMin !== undefined) expect(dealYear(deal)).toBeGreaterThanOrEqual(filter.yearMin);
          if (filter.valueMax !== undefined)
            expect(valueInCurrency(deal, 'USD')).toBeLessThanOrEqual(filter.valueMax);
        }
      }),
    );
  });

  it('is idempotent and ignores the order of facet values', () => {
    fc.assert(
      fc.property(filters, (filter) => {
        const once = filterDeals(deals, filter);
        expect(filterDeals(once, filter)).toEqual(once);
        const reversed = Object.fromEntries(
          Object.entries(filter).map(([k, v]) => [k, Array.isArray(v) ? [...(v as string[])].reverse() : v]),
        ) as DealFilter;
        expect(filterDeals(deals, reversed)).toEqual(once);
      }),
    );
  });

  it('agrees with filterWithFacetCounts, whose counts equal a filter with that facet set to the value', () => {
    fc.assert(
      fc.property(filters, (filter) => {
        const { deals: matched, counts } = filterWithFacetCounts(deals, filter);
        expect(matched).toEqual(filterDeals(deals, filter));
        for (const key of FACET_KEYS.filter((k) => k !== 'party')) {
          for (const [value, count] of counts[key]) {
            expect(filterDeals(deals, { ...filter, [key]: [value] }).length).toBe(count);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('an empty filter returns everything', () => {
    expect(filterDeals(deals, {})).toEqual(deals);
  });
});
