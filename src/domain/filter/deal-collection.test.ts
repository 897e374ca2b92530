import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { aggregateDashboard } from '../aggregations/dashboard';
import type { Deal } from '../model/deal-schema';
import { applyDealChange, collectionOf } from './deal-collection';

const a = makeDeal({ id: 'a', title: 'Alpha' });
const b = makeDeal({ id: 'b', title: 'Bravo' });
const c = makeDeal({ id: 'c', title: 'Charlie' });

describe('applyDealChange', () => {
  const list = { deals: [a, b, c], total: 3, received: 3, complete: true };

  it('replaces an edited deal where it stands and leaves the old list as it was', () => {
    const edited = makeDeal({ id: 'b', title: 'Bravo, edited' });
    const next = applyDealChange(list, { kind: 'upsert', deal: edited });
    expect(next.deals.map((d) => d.title)).toEqual(['Alpha', 'Bravo, edited', 'Charlie']);
    expect(next.total).toBe(3);
    expect(next.complete).toBe(true);
    expect(list.deals[1]).toBe(b);
  });

  it('appends a new deal and counts it', () => {
    const next = applyDealChange(list, { kind: 'upsert', deal: makeDeal({ id: 'd', title: 'Delta' }) });
    expect(next.deals.map((d) => d.id)).toEqual(['a', 'b', 'c', 'd']);
    expect([next.total, next.received]).toEqual([4, 4]);
  });

  it('removes a deal, and removing one that is not there changes nothing', () => {
    const next = applyDealChange(list, { kind: 'remove', id: 'a' });
    expect(next.deals.map((d) => d.id)).toEqual(['b', 'c']);
    expect([next.total, next.received]).toEqual([2, 2]);
    expect(applyDealChange(next, { kind: 'remove', id: 'a' })).toBe(next);
  });
});

describe('DealCollection', () => {
  const base = [
    makeDeal({ id: 'a', title: 'Alpha', system: { name: 'Old radar', category: 'sensor' } }),
    makeDeal({
      id: 'b',
      title: 'Bravo',
      milestones: [{ kind: 'signature', date: '2015-03', label: 'Signed', sourceIds: ['src'] }],
    }),
    c,
  ];

  it('takes in a system, party, publisher and year it has not seen, and counts them', () => {
    const list = { deals: base };
    const before = collectionOf(list.deals);
    before.index();
    before.view();
    before.query({}, { counts: true });
    const newcomer = makeDeal({
      id: 'n',
      title: 'Newcomer',
      system: { name: 'Brand-new drone', category: 'uav' },
      parties: [{ name: 'A new maker', role: 'prime-contractor' }],
      sources: [{ id: 'src', title: 'A first report', publisher: 'A new publisher' }],
      milestones: [{ kind: 'signature', date: '2031-06', label: 'Signed', sourceIds: ['src'] }],
      figures: [
        { id: 'value', amount: 1e9, currency: 'USD', kind: 'signed', asOf: '2031-06', sourceIds: ['src'] },
      ],
      headlineFigureId: 'value',
    });
    const after = collectionOf(applyDealChange(list, { kind: 'upsert', deal: newcomer }).deals);
    expect(after.version).toBeGreaterThan(before.version);
    const { deals, counts } = after.query({ system: ['Brand-new drone'] }, { counts: true });
    expect(deals.map((d) => d.id)).toEqual(['n']);
    expect(after.query({}, { counts: true }).counts!.party.get('A new maker')).toBe(1);
    expect(counts!.system.get('Old radar')).toBe(1);
    const figures = aggregateDashboard(after.deals, 'USD');
    expect(figures.value.years.map((y) => y.year)).toContain(2031);
    // The two deals without a date stay undated when a year joins the table.
    expect(figures.value.undated).toBe(aggregateDashboard(structuredClone(after.deals), 'USD').value.undated);
    expect(figures.sources).toContain('A new publisher');
    // The collection before the edit still describes the list before it.
    expect(before.query({ system: ['Brand-new drone'] }).deals).toEqual([]);
  });

  it('finds the collection of a list copied deal by deal (structural sharing) or refetched with one deal changed', () => {
    const list = { deals: base.slice() };
    const first = collectionOf(list.deals);
    first.index();
    expect(collectionOf([...list.deals])).toBe(first);
    const refetched = [base[0]!, makeDeal({ id: 'b', title: 'Bravo, from the server' }), base[2]!];
    const next = collectionOf(refetched);
    expect(next.version).toBeGreaterThan(first.version);
    expect(next.query({ q: 'server' }).deals.map((d) => d.id)).toEqual(['b']);
    expect(next.get('b')?.title).toBe('Bravo, from the server');
  });

  it('keeps each sort order in step with edits, without re-sorting', () => {
    const sort = [{ key: 'title' as const, desc: false }];
    let list = { deals: base.slice() as readonly Deal[] };
    collectionOf(list.deals).order(sort);
    list = applyDealChange(list, { kind: 'upsert', deal: makeDeal({ id: 'a', title: 'Zulu' }) });
    list = applyDealChange(list, { kind: 'upsert', deal: makeDeal({ id: 'd', title: 'Beta' }) });
    list = applyDealChange(list, { kind: 'remove', id: 'c' });
    const titles = collectionOf(list.deals)
      .query({}, { sort })
      .deals.map((d) => d.title);
    expect(titles).toEqual(['Beta', 'Bravo', 'Zulu']);
  });
});

describe('a collection that handed its indexes on', () => {
  it('still answers for its own list, as a rolled-back update needs', () => {
    const list = { deals: [a, b, c] };
    const old = collectionOf(list.deals);
    old.query({ q: 'bravo' });
    applyDealChange(list, { kind: 'upsert', deal: makeDeal({ id: 'b', title: 'Renamed' }) });
    expect(old.hollow).toBe(true);
    expect(old.query({ q: 'bravo' }).deals.map((d) => d.id)).toEqual(['b']);
    expect(old.query({ q: 'renamed' }).deals).toEqual([]);
  });
});
