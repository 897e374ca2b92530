import type { Deal } from '../model/deal-schema';

/** One edit to the list of deals, as a save (or its optimistic patch) describes it. */
export type DealChange = { kind: 'upsert'; deal: Deal } | { kind: 'remove'; id: string };

/**
 * The part of a loaded list that a change touches. `DealListResult` (src/api) fits it; the domain
 * takes the shape, not the type, so it does not import the API.
 */
export interface DealListLike {
  deals: readonly Deal[];
  /** The server's count of matching deals, kept in step when a deal is added or removed. */
  total?: number;
  /** Records that arrived, likewise. */
  received?: number;
}

/**
 * The list with one change applied, as a new object with a new `deals` array; the input is left as
 * it was (a rollback puts it back). An upsert replaces the deal with the same id where it is, or
 * appends it; a remove drops it; removing an id that is not there gives the list unchanged.
 */
export function applyDealChange<L extends DealListLike>(list: L, change: DealChange): L {
  const id = change.kind === 'upsert' ? change.deal.id : change.id;
  const at = list.deals.findIndex((deal) => deal.id === id);
  if (change.kind === 'remove') {
    if (at < 0) return list;
    const deals = list.deals.slice();
    deals.splice(at, 1);
    return withDeals(list, deals, -1);
  }
  const deals = list.deals.slice();
  if (at >= 0) deals[at] = change.deal;
  else deals.push(change.deal);
  return withDeals(list, deals, at >= 0 ? 0 : 1);
}

function withDeals<L extends DealListLike>(list: L, deals: Deal[], delta: number): L {
  const next: L = { ...list, deals };
  if (delta !== 0) {
    if (typeof list.total === 'number') next.total = Math.max(0, list.total + delta);
    if (typeof list.received === 'number') next.received = Math.max(0, list.received + delta);
  }
  return next;
}
