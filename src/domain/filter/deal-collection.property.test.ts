import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { aggregateDashboard } from '../aggregations/dashboard';
import type { Deal } from '../model/deal-schema';
import { parseDeals } from '../model/parse-deals';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import { applyDealChange, collectionOf, type DealChange } from './deal-collection';
import { filterWithFacetCounts, type FacetCounts } from './filter-engine';
import { FACET_KEYS, type DealFilter } from './filter-model';
import { sortDeals, type SortSpec } from './sort';

const seeds = parseDeals(seedRecords).deals;
// Deals to edit with: every seed (end users, allocations, several domains and parties) and synthetic
// ones from another seed, whose systems, publishers and years the starting list may not have.
const donors = [...seeds, ...generateSyntheticDeals({ size: 120, seed: 99 })];
const start = [...seeds.slice(0, 12), ...generateSyntheticDeals({ size: 40, seed: 3 })];

const SORTS: SortSpec[][] = [
  [{ key: 'value', desc: true }],
  [
    { key: 'status', desc: false },
    { key: 'title', desc: true },
  ],
  [{ key: 'signed', desc: true }],
];
const FILTERS: DealFilter[] = [
  {},
  { status: ['contract-signed', 'completed'] },
  { service: ['navy'] },
  { service: ['unknown'], kind: ['purchase'] },
  { q: 'mq' },
  { q: 'a', yearMin: 2012 },
  { domain: ['air'], valueMin: 1e8 },
  { system: ['P-8I', 'MQ-9B'] },
];

const Op = fc.record({
  kind: fc.constantFrom('edit', 'add', 'remove'),
  target: fc.nat(),
  donor: fc.nat(),
});

/** The same deals, as new objects: the indexes built from them share nothing with the collection's. */
const afresh = (deals: readonly Deal[]): Deal[] => structuredClone([...deals]);
const ids = (deals: readonly Deal[]) => deals.map((d) => d.id);
const sorted = (counts: FacetCounts) =>
  Object.fromEntries(FACET_KEYS.map((key) => [key, [...counts[key]].sort(([a], [b]) => (a < b ? -1 : 1))]));

function changesFor(ops: { kind: string; target: number; donor: number }[]): DealChange[] {
  let present = ids(start);
  let fresh = 0;
  return ops.map((op) => {
    const donor = donors[op.donor % donors.length]!;
    if (op.kind === 'add' || present.length === 0) {
      const id = `added-${fresh++}`;
      present = [...present, id];
      return { kind: 'upsert', deal: { ...donor, id } };
    }
    const id = present[op.target % present.length]!;
    if (op.kind === 'remove') {
      present = present.filter((p) => p !== id);
      return { kind: 'remove', id };
    }
    return { kind: 'upsert', deal: { ...donor, id } };
  });
}

describe('a deal collection edited row by row', () => {
  it('answers every filter, count, sort and dashboard figure as one built from the final list', () => {
    fc.assert(
      fc.property(fc.array(Op, { minLength: 1, maxLength: 10 }), (ops) => {
        let list = { deals: start.slice() as readonly Deal[], total: start.length };
        // Every index exists before the edits, so each is patched rather than built at the end.
        const first = collectionOf(list.deals);
        first.index();
        first.view();
        for (const sort of SORTS) first.order(sort);
        first.query({}, { counts: true });
        const versions = [first.version];
        const history = [list];
        for (const change of changesFor(ops)) {
          list = applyDealChange(list, change);
          history.push(list);
          versions.push(collectionOf(list.deals).version);
        }
        const collection = collectionOf(list.deals);
        expect(new Set(versions).size).toBe(versions.length);
        expect(list.total).toBe(list.deals.length);
        const rebuilt = afresh(list.deals);

        for (const filter of FILTERS) {
          const mine = collection.query(filter, { counts: true });
          const theirs = filterWithFacetCounts(rebuilt, filter);
          expect(ids(mine.deals)).toEqual(ids(theirs.deals));
          expect(sorted(mine.counts!)).toEqual(sorted(theirs.counts));
          for (const sort of SORTS)
            expect(ids(collection.query(filter, { sort }).deals)).toEqual(
              ids(filterWithFacetCounts(sortDeals(rebuilt, sort), filter).deals),
            );
          for (const currency of ['USD', 'INR']) {
            const options = (all: readonly Deal[], unitsDeals: readonly Deal[] | undefined) => ({
              services: filter.service,
              unitsDeals,
              seriesFrom: all,
            });
            const unfiltered = { ...filter, service: undefined };
            const ours = aggregateDashboard(
              mine.deals,
              currency,
              options(collection.deals, filter.service ? collection.query(unfiltered).deals : undefined),
            );
            const fresh = aggregateDashboard(
              theirs.deals,
              currency,
              options(rebuilt, filter.service ? filterWithFacetCounts(rebuilt, unfiltered).deals : undefined),
            );
            expect(ours).toEqual(fresh);
          }
        }
        // A rolled-back update puts an earlier list back: its collection, handed on, is worked out again.
        const earlier = history[history.length >> 1]!.deals;
        const back = collectionOf(earlier);
        for (const filter of FILTERS) {
          const theirs = filterWithFacetCounts(afresh(earlier), filter);
          const mine = back.query(filter, { counts: true, sort: SORTS[0] });
          expect(ids(mine.deals)).toEqual(ids(sortDeals(theirs.deals, SORTS[0]!)));
          expect(sorted(mine.counts!)).toEqual(sorted(theirs.counts));
        }
      }),
      { numRuns: 40 },
    );
  });
});
