import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { applyDealChange } from './deal-collection';

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
