import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { Deal } from '../model/deal-schema';
import { merge, pathKey, resolve } from './merge';

const base = Deal.parse(seedRecords.find((r) => r.id === 'mq-9b-2024'));
const copy = (): Deal => structuredClone(base);

describe('merge', () => {
  it('takes a field changed on one side only, from either side', () => {
    const mine = copy();
    mine.title = 'My title';
    const theirs = copy();
    theirs.status = 'in-delivery';
    const { merged, conflicts } = merge(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged).toEqual({ ...base, title: 'My title', status: 'in-delivery' });
    expect(Deal.safeParse(merged).success).toBe(true);
  });

  it('keeps my new source and their new source, each once, in a sensible order', () => {
    const mine = copy();
    mine.sources.push({ id: 'mine-src', title: 'Mine', publisher: 'P' });
    const theirs = copy();
    theirs.sources.splice(1, 0, { id: 'their-src', title: 'Theirs', publisher: 'Q' });
    const { merged, conflicts } = merge(base, mine, theirs);
    expect(conflicts).toEqual([]);
    const ids = merged.sources.map((s) => s.id);
    expect(ids).toEqual([
      base.sources[0]!.id,
      'their-src',
      ...base.sources.slice(1).map((s) => s.id),
      'mine-src',
    ]);
  });

  it('merges edits of different fields of one allocation, and of different allocations', () => {
    const mine = copy();
    mine.quantity!.allocations[0]!.count -= 1;
    const theirs = copy();
    theirs.quantity!.allocations[1]!.count -= 1;
    const { merged, conflicts } = merge(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.quantity!.allocations!.map((a) => a.count)).toEqual([
      base.quantity!.allocations[0]!.count - 1,
      base.quantity!.allocations[1]!.count - 1,
      ...base.quantity!.allocations.slice(2).map((a) => a.count),
    ]);
  });

  it('reports a field both changed differently, holds mine, and resolves per choice', () => {
    const mine = copy();
    mine.title = 'Mine';
    mine.quantity!.allocations[0]!.count = 10;
    const theirs = copy();
    theirs.title = 'Theirs';
    theirs.quantity!.allocations[0]!.count = 12;
    theirs.summary = 'Their summary';
    const result = merge(base, mine, theirs);
    const service = base.quantity!.allocations[0]!.service;
    expect(result.conflicts).toEqual([
      { path: ['title'], label: 'Title', base: base.title, mine: 'Mine', theirs: 'Theirs' },
      {
        path: ['quantity', 'allocations', service, 'count'],
        label: `Quantity › allocations › Navy count`,
        base: base.quantity!.allocations[0]!.count,
        mine: 10,
        theirs: 12,
      },
    ]);
    expect(result.merged).toMatchObject({ title: 'Mine', summary: 'Their summary' });

    const half = resolve(result, { [pathKey(['title'])]: 'theirs' });
    expect(half.merged.title).toBe('Theirs');
    expect(half.merged.quantity!.allocations![0]!.count).toBe(10);
    expect(half.conflicts.map((c) => c.label)).toEqual(['Quantity › allocations › Navy count']);

    const all = resolve(result, new Map(result.conflicts.map((c) => [pathKey(c.path), 'theirs' as const])));
    expect(all.conflicts).toEqual([]);
    expect(all.merged).toEqual(Deal.parse(theirs));
  });

  it('is a conflict when one side removes what the other changed', () => {
    const mine = copy();
    const removed = mine.sources.pop()!;
    const theirs = copy();
    theirs.sources.at(-1)!.title = 'Retitled';
    const result = merge(base, mine, theirs);
    expect(result.conflicts).toMatchObject([
      { path: ['sources', removed.id], base: removed, theirs: { title: 'Retitled' } },
    ]);
    expect(result.conflicts[0]).not.toHaveProperty('mine');
    expect(result.merged.sources.map((s) => s.id)).not.toContain(removed.id);
    const kept = resolve(result, { [pathKey(['sources', removed.id])]: 'theirs' });
    expect(kept.merged.sources.at(-1)).toEqual({ ...removed, title: 'Retitled' });
  });

  it('takes the same change made on both sides once, without a conflict', () => {
    const mine = copy();
    mine.status = 'completed';
    const theirs = copy();
    theirs.status = 'completed';
    expect(merge(base, mine, theirs)).toMatchObject({ conflicts: [], merged: { status: 'completed' } });
  });
});
