import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { collectionOf, filterDeals, type DealFilter } from '../../domain';
import { parseDeals } from '../../domain/model/parse-deals';
import { generateSyntheticDeals } from '../../domain/synthetic/synthetic';
import { bothFilters } from './drill-through';

const deals = [...parseDeals(seedRecords).deals, ...generateSyntheticDeals({ size: 400 })];
const collection = collectionOf(deals);
const valuesOf = (pick: (d: (typeof deals)[number]) => readonly string[]) => [
  ...new Set(deals.flatMap(pick)),
];
const FACETS = {
  status: valuesOf((d) => [d.status]),
  kind: valuesOf((d) => [d.kind]),
  domain: valuesOf((d) => d.domains),
  service: [...valuesOf((d) => d.quantity?.allocations.map((a) => a.service) ?? []), 'unknown'],
  category: valuesOf((d) => (d.system ? [d.system.category] : [])),
} as const;

const facetFilter = fc.record(
  Object.fromEntries(
    Object.entries(FACETS).map(([key, values]) => [
      key,
      fc.option(fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 3 }), {
        nil: undefined,
      }),
    ]),
  ),
  { requiredKeys: [] },
);
const filter = fc
  .tuple(facetFilter, fc.option(fc.integer({ min: 2000, max: 2030 }), { nil: undefined }))
  .map(([facets, year]) => ({
    ...(Object.fromEntries(Object.entries(facets).filter(([, v]) => v !== undefined)) as DealFilter),
    ...(year === undefined ? {} : { yearMin: year - 3, yearMax: year }),
  }));

describe('one filter for a view narrowed to a bar', () => {
  it('finds, through the index, the deals the view holds under the bar', () => {
    fc.assert(
      fc.property(filter, filter, (view, bar) => {
        const both = bothFilters(view, bar);
        // Where one filter cannot say it, the drill-through walks the view instead.
        fc.pre(both !== undefined);
        expect(collection.query(both).deals).toEqual(filterDeals(filterDeals(deals, view), bar));
      }),
      { numRuns: 300 },
    );
  });

  it('gives up where two different sets of a many-valued facet meet', () => {
    expect(bothFilters({ domain: ['air'] }, { domain: ['land'] })).toBeUndefined();
    expect(bothFilters({ service: ['navy'] }, { service: ['navy'] })).toEqual({ service: ['navy'] });
    expect(bothFilters({ status: ['contract-signed', 'completed'] }, { status: ['completed'] })).toEqual({
      status: ['completed'],
    });
  });
});
