import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { makeDeal } from '../../test/deal-fixtures';
import { featuredAllocationDeal } from '../model/allocation';
import type { Deal } from '../model/deal-schema';
import { sourceSummary } from '../export/export-names';
import { filterDeals } from '../filter/filter-engine';
import { parseDeals } from '../model/parse-deals';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import { byDomain, byKind } from './breakdown';
import { kpis } from './kpis';
import { largestDeals } from './largest';
import * as reference from './reference';
import { dealsByStage } from './stages';
import { timeline } from './timeline';
import { unitsByService } from './units-by-service';
import { valueByYear } from './value-by-year';
import { UNIT_FAMILIES, type ServiceFilterValue } from '../model/vocabulary';

const seeds = parseDeals(seedRecords).deals;
const synthetic = generateSyntheticDeals({ size: 2_000 });
const src = ['src'];
// Corners the generator does not make: other currencies, unconfirmed figures, no system, no milestones.
const odd = [
  makeDeal({
    id: 'gbp',
    figures: [
      { id: 'a', amount: 5e8, currency: 'GBP', kind: 'signed', asOf: '2020', sourceIds: src },
      { id: 'b', amount: 6e8, currency: 'USD', kind: 'estimate', asOf: '2021', sourceIds: src },
      { id: 'c', amount: 7e8, currency: 'USD', kind: 'signed', asOf: '2019', sourceIds: src },
    ],
    headlineFigureId: 'a',
    milestones: [{ kind: 'talks', date: '2019-02', label: 'Talks', sourceIds: src }],
  }),
  makeDeal({
    id: 'unconfirmed',
    status: 'in-delivery',
    quantity: { total: 12, unit: 'ships', allocations: [{ service: 'navy', count: 12 }], sourceIds: src },
    figures: [
      {
        id: 'u',
        amount: 9e8,
        currency: 'USD',
        kind: 'signed',
        confidence: 'unconfirmed',
        asOf: '2020',
        sourceIds: src,
      },
    ],
    headlineFigureId: 'u',
  }),
  makeDeal({
    id: 'bare',
    domains: ['space', 'space'],
    sources: [
      { id: 'src', title: 'A', publisher: 'Same' },
      { id: 'src2', title: 'B', publisher: 'Same' },
    ],
  }),
];
// A record that skipped validation, with values outside every vocabulary: charts leave them out.
const valid = makeDeal({ id: 'outsider', system: { name: 'Odd', category: 'other' } });
const outsider = {
  ...valid,
  status: 'rumoured',
  kind: 'barter',
  domains: ['air', 'ether'],
  quantity: {
    total: 9,
    unit: 'kits',
    confidence: 'confirmed',
    sourceIds: src,
    allocations: [
      { service: 'militia', count: 3 },
      { service: 'army', count: 2 },
    ],
  },
} as unknown as Deal;
odd.push(outsider);
// Publishers that collate as equal: their order is the order the list first cites them in.
const publishedBy = (id: string, publisher: string) =>
  makeDeal({ id, sources: [{ id: 'src', title: 'A', publisher }] });
odd.push(publishedBy('composed', 'Caf\u00e9'), publishedBy('decomposed', 'Cafe\u0301'));
// Equal values and dates, for every tie in the top lists; some deals record two signatures.
const ties = Array.from({ length: 80 }, (_, i) =>
  makeDeal({
    id: `tie-${i}`,
    title: `Tie ${i % 3}`,
    figures: [
      { id: 'f', amount: (1 + (i % 2)) * 1e9, currency: 'USD', kind: 'signed', asOf: '2020', sourceIds: src },
    ],
    headlineFigureId: 'f',
    milestones: [
      { kind: 'talks', date: `20${10 + (i % 4)}`, label: 'Talks', sourceIds: src },
      { kind: 'signature', date: `20${15 + (i % 3)}-0${1 + (i % 5)}`, label: 'Signed', sourceIds: src },
      ...(i % 5 === 0 ? [{ kind: 'signature' as const, date: '2019', label: 'Again', sourceIds: src }] : []),
    ],
  }),
);

const SERVICE_PICKS: ServiceFilterValue[][] = [
  ['navy'],
  ['army', 'air-force'],
  ['unknown'],
  ['navy', 'unknown'],
];

/** Every aggregation, by the fact table and by the per-deal reference, deeply and in key order. */
function expectSameAsReference(
  deals: readonly Deal[],
  options = { n: 8, limit: 50, maxSeries: 8, shown: 3 },
) {
  const same = (actual: unknown, expected: unknown) => {
    expect(actual).toStrictEqual(expected);
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
  };
  same(kpis(deals), reference.kpis(deals));
  for (const services of SERVICE_PICKS) same(kpis(deals, services), reference.kpis(deals, services));
  for (const family of UNIT_FAMILIES) {
    same(
      unitsByService(deals, options.maxSeries, family),
      reference.unitsByService(deals, options.maxSeries, family),
    );
    // Series planned over a longer list, as the app plans them over the whole data set.
    const whole = [...deals, ...seeds];
    same(
      unitsByService(deals, options.maxSeries, family, whole),
      reference.unitsByService(deals, options.maxSeries, family, whole),
    );
  }
  same(dealsByStage(deals), reference.dealsByStage(deals));
  same(timeline(deals, options.limit), reference.timeline(deals, options.limit));
  expect(featuredAllocationDeal(deals)).toBe(reference.featuredAllocationDeal(deals));
  same(sourceSummary(deals, options.shown), reference.sourceSummary(deals, options.shown));
  for (const currency of ['USD', 'INR', 'GBP']) {
    same(valueByYear(deals, currency), reference.valueByYear(deals, currency));
    same(byDomain(deals, currency), reference.byDomain(deals, currency));
    same(byKind(deals, currency), reference.byKind(deals, currency));
    const largest = largestDeals(deals, currency, options.n);
    const expected = reference.largestDeals(deals, currency, options.n);
    expect(largest).toHaveLength(expected.length);
    largest.forEach((deal, i) => expect(deal).toBe(expected[i]));
  }
}

describe('aggregations over the fact table give what the per-deal code gave', () => {
  it('on the seeds, on 2,000 synthetic deals and on odd cases', () => {
    expectSameAsReference(seeds);
    expectSameAsReference(synthetic);
    expectSameAsReference(odd);
    expectSameAsReference([...seeds, ...odd]);
    expectSameAsReference([]);
    expectSameAsReference(ties);
    expectSameAsReference(ties.slice(0, 60).reverse());
  });

  it('on filtered lists, which read the table of the list they come from', () => {
    expectSameAsReference(synthetic);
    for (const filter of [
      { status: ['contract-signed' as const] },
      { domain: ['maritime' as const] },
      { q: 'x' },
    ])
      expectSameAsReference(filterDeals(synthetic, filter));
    expectSameAsReference(synthetic.slice(500, 600));
    expectSameAsReference(synthetic.filter((_, i) => i % 7 === 3));
  });

  it('on reordered lists and lists naming a deal twice, which get tables of their own', () => {
    expectSameAsReference(synthetic.slice().reverse());
    expectSameAsReference([...seeds, ...seeds.slice(0, 5)]);
    expectSameAsReference([synthetic[3]!, synthetic[3]!, synthetic[1]!]);
  });

  it('notices a list changed in place after it was aggregated', () => {
    const list = synthetic.slice(0, 300);
    expectSameAsReference(list);
    list.push(...seeds);
    expectSameAsReference(list);
    list.reverse();
    expectSameAsReference(list);
    list[10] = odd[0]!;
    expectSameAsReference(list);
    list.length = 20;
    expectSameAsReference(list);
  });

  it('on any pick of deals in any order, with any limits', () => {
    const pool = [...seeds, ...odd, ...ties, ...synthetic.slice(0, 300)];
    fc.assert(
      fc.property(
        fc.array(fc.nat(pool.length - 1), { maxLength: 120 }),
        fc.record({
          n: fc.integer({ min: 1, max: 12 }),
          limit: fc.integer({ min: 1, max: 60 }),
          maxSeries: fc.integer({ min: 1, max: 10 }),
          shown: fc.integer({ min: 0, max: 5 }),
        }),
        (picks, options) =>
          expectSameAsReference(
            picks.map((i) => pool[i]!),
            options,
          ),
      ),
      { numRuns: 150 },
    );
  });

  it('lists no deals for a limit of 0, where the per-deal code threw', () => {
    expect(largestDeals(synthetic, 'USD', 0)).toEqual([]);
    expect(timeline(synthetic, 0)).toMatchObject({
      rows: [],
      omitted: reference.timeline(synthetic).omitted + 50,
    });
  });
});
