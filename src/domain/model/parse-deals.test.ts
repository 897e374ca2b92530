import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DealInput } from './deal-schema';
import { parseDealList, parseDeals } from './parse-deals';

const valid = (id: string, title = `Deal ${id}`): DealInput => ({
  id,
  title,
  summary: 'A deal.',
  kind: 'purchase',
  status: 'approved',
  buyerCountries: ['IN'],
  supplierCountries: ['US'],
  sources: [{ id: 'src', title: 'A source', publisher: 'A publisher' }],
});

// Records as a hostile or broken server sends them: anything at all, valid deals, and valid deals
// with one field replaced by anything (the likeliest kind of breakage), with ids drawn from a small
// pool so that duplicates are common.
const idPool = fc.constantFrom('a', 'b', 'c', 'mq-9b');
const mutated = fc
  .tuple(
    idPool,
    fc.constantFrom<keyof DealInput>('title', 'kind', 'sources', 'figures', 'quantity', 'id'),
    fc.anything(),
  )
  .map(([id, key, value]) => ({ ...valid(id), [key]: value }));
const record = fc.oneof(
  fc.anything(),
  idPool.map((id) => valid(id)),
  mutated,
);

describe('parseDealList', () => {
  it('never throws, and returns or rejects every record with a reason: none is dropped', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.nat(10_000), (records, offset) => {
        const { deals, rejected } = parseDealList(records, { offset });
        expect(deals.length + rejected.length).toBe(records.length);
        for (const r of rejected) {
          expect(r.reason.length).toBeGreaterThan(0);
          expect(r.index).toBeGreaterThanOrEqual(offset);
          expect(r.index).toBeLessThan(offset + records.length);
        }
        expect(new Set(rejected.map((r) => r.index)).size).toBe(rejected.length);
        expect(new Set(deals.map((d) => d.id)).size).toBe(deals.length);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a record reusing an id, keeps the first and names where it is', () => {
    const { deals, rejected } = parseDealList([valid('a'), valid('b'), valid('c'), valid('a', 'Impostor')]);
    expect(deals.map((d) => d.title)).toEqual(['Deal a', 'Deal b', 'Deal c']);
    expect(rejected).toEqual([
      { index: 3, id: 'a', reason: 'duplicate id "a": the record at index 0 has it', duplicateOf: 0 },
    ]);
  });

  it('keeps the first valid record of an id when an earlier one with that id was invalid', () => {
    const { deals, rejected } = parseDealList([{ ...valid('a'), kind: 'gift' }, valid('a')]);
    expect(deals).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ index: 0, id: 'a' });
    expect(rejected[0]?.reason).toMatch(/^kind: /);
  });

  it('finds a duplicate across pages that share the map of ids seen', () => {
    const seen = new Map<string, number>();
    parseDealList([valid('a'), valid('b')], { seen });
    const page2 = parseDealList([valid('c'), valid('b')], { offset: 2, seen });
    expect(page2.rejected).toEqual([
      { index: 3, id: 'b', reason: 'duplicate id "b": the record at index 1 has it', duplicateOf: 1 },
    ]);
  });
});

describe('parseDeals', () => {
  it('never throws and accounts for every record', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (records) => {
        const { deals, rejected } = parseDeals(records);
        expect(deals.length + rejected.length).toBe(records.length);
      }),
      { numRuns: 200 },
    );
  });
});
