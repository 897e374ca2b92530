import type { Deal } from '../model/deal-schema';
import { adoptView, retireTable, type DealView } from '../aggregations/deal-view';
import { buildFactTable, editFactTable, type FactTable } from '../aggregations/fact-table';
import {
  adoptIndex,
  buildIndex,
  editIndex,
  prepareSearch,
  retireIndex,
  queryIndexWith,
  type DealIndex,
  type FacetCounts,
} from './filter-index';
import type { DealFilter } from './filter-model';
import { editList, type EditMode, type RowEdit } from './row-edit';
import { formatSort, type SortSpec } from './sort';
import { buildOrder, editOrder, type SortedOrder } from './sorted-order';

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

let versions = 0;

/**
 * The client's deals as one versioned collection: the list, an id → row map, and the indexes every
 * screen reads (the filter index with its search text and facet codes, the fact table the dashboard
 * aggregates, and one row order per sort the table has shown). Each is built on first use; an edit
 * gives a new collection with a new `version` whose indexes are the old ones with the edited rows
 * patched, not rebuilt (under a millisecond for a replaced deal at 100,000 deals, instead of
 * 0.5–0.9 s; an added or removed deal copies each column once, a few ms).
 * Consumers key their memos on `version`, which no other collection shares. A save edits in place:
 * the new collection takes over the old one's columns, and the old one, left hollow, is worked out
 * again from the newest if its list comes back (a rolled-back optimistic update).
 */
export class DealCollection {
  /** Unique over the session, and higher for a later collection. */
  readonly version = ++versions;
  private filterIndex: DealIndex | undefined;
  private facts: FactTable | undefined;
  private whole: DealView | undefined;
  private readonly orders = new Map<string, SortedOrder>();
  // id → row. Shared along a chain of edits: only its owner adds to it, and only ids appended at the
  // end, so an entry once written never changes; lookups check the row, so an entry that another
  // collection of the chain appended is not taken for one of this list.
  private ids: Map<string, number> | undefined;
  private ownsIds = false;

  constructor(readonly deals: readonly Deal[]) {}

  get size(): number {
    return this.deals.length;
  }

  /** The row of the deal with this id, or -1. */
  rowOf(id: string): number {
    if (!this.ids) {
      this.ids = new Map(this.deals.map((deal, row) => [deal.id, row]));
      this.ownsIds = true;
    }
    const row = this.ids.get(id);
    return row !== undefined && this.deals[row]?.id === id ? row : -1;
  }

  get(id: string): Deal | undefined {
    const row = this.rowOf(id);
    return row < 0 ? undefined : this.deals[row];
  }

  /**
   * The filter index, built on first use (about 0.3 s at 100,000 deals, its search text then once
   * the page is idle) and patched by edits.
   */
  index(): DealIndex {
    if (this.handedOn) return this.live().index();
    if (!this.filterIndex) {
      this.filterIndex = buildIndex(this.deals);
      adoptIndex(this.deals, this.filterIndex);
      prepareSearch(this.filterIndex);
    }
    return this.filterIndex;
  }

  /** The whole list as a view of its fact table, built on first use and patched by edits. */
  view(): DealView {
    if (this.handedOn) return this.live().view();
    if (!this.whole) {
      this.facts ??= buildFactTable(this.deals);
      const rows = new Int32Array(this.deals.length);
      for (let row = 0; row < rows.length; row++) rows[row] = row;
      this.whole = { table: this.facts, rows };
      adoptView(this.deals, this.whole);
    }
    return this.whole;
  }

  /** The rows in this sort order, sorted on first use and patched by edits. */
  order(specs: readonly SortSpec[]): SortedOrder {
    if (this.handedOn) return this.live().order(specs);
    const key = formatSort(specs);
    let order = this.orders.get(key);
    if (!order) this.orders.set(key, (order = buildOrder(this.deals, specs)));
    return order;
  }

  /**
   * The deals matching the filter, in the sort order when one is given, else in list order; with
   * `counts`, each facet's counts under the other filters. The result is registered as a view of the
   * fact table when the collection has one, so the dashboard aggregates it without matching it again.
   */
  query(
    filter: DealFilter,
    options: { sort?: readonly SortSpec[]; counts?: boolean } = {},
  ): { deals: Deal[]; counts?: FacetCounts } {
    if (this.handedOn) return this.live().query(filter, options);
    const sort = options.sort && options.sort.length > 0 ? options.sort : undefined;
    const result = queryIndexWith(this.index(), filter, {
      counts: options.counts === true,
      order: sort ? this.order(sort).perm : undefined,
      rows: this.facts !== undefined && !sort,
    });
    if (result.rows && this.facts) adoptView(result.deals, { table: this.facts, rows: result.rows });
    return result.counts ? { deals: result.deals, counts: result.counts } : { deals: result.deals };
  }

  /**
   * True once an edit in place has handed this collection's indexes on to a newer one: `collectionOf`
   * then works this list's collection out again from the latest one (a rollback, say).
   */
  get hollow(): boolean {
    return this.handedOn;
  }
  private handedOn = false;

  /**
   * The collection after these edits, applied in turn (rows numbered as each finds the list). `deals`
   * is the edited list when the caller has it already (the same deals in the same order); otherwise
   * the collection works it out. With `copy` this collection stays as it is; with `in-place` a
   * replaced row is written into its columns (no copy, no garbage: a save's edit costs well under a
   * millisecond), which then belong to the new collection, and this one is left hollow.
   */
  edit(edits: readonly RowEdit[], deals?: readonly Deal[], mode: EditMode = 'copy'): DealCollection {
    if (this.handedOn) throw new Error('this collection handed its indexes on to a newer one');
    let index = this.filterIndex;
    let facts = this.facts;
    const orders = [...this.orders];
    let list: readonly Deal[] = this.deals;
    const single = deals !== undefined && edits.length === 1;
    for (const edit of edits) {
      if (!single) list = editList(list, edit, edit.op === 'delete' ? (undefined as never) : edit.deal);
      const after = single ? deals : list;
      if (index) index = editIndex(index, edit, after, mode);
      if (facts) facts = editFactTable(facts, edit, after, mode);
      for (const entry of orders) entry[1] = editOrder(entry[1], edit, mode);
    }
    const final = deals ?? list;
    if (!single && final.length !== list.length)
      throw new Error('the edits do not turn the collection into the given list');
    const next = new DealCollection(final);
    if (index) {
      next.filterIndex = { ...index, deals: final };
      adoptIndex(final, next.filterIndex);
      prepareSearch(next.filterIndex);
    }
    if (facts) {
      next.facts = { ...facts, deals: final };
      next.view();
    }
    for (const [key, order] of orders) next.orders.set(key, order);
    this.handIdsTo(next, edits);
    if (mode === 'in-place') this.handOn();
    return next;
  }

  /** The collection that now answers for this list: this one, or, once hollow, the one worked out again. */
  private live(): DealCollection {
    return this.handedOn ? collectionOf(this.deals) : this;
  }

  private handOn(): void {
    if (this.filterIndex) retireIndex(this.filterIndex);
    if (this.facts) retireTable(this.facts);
    this.filterIndex = undefined;
    this.facts = undefined;
    this.whole = undefined;
    this.orders.clear();
    this.handedOn = true;
  }

  private handIdsTo(next: DealCollection, edits: readonly RowEdit[]): void {
    if (!this.ids) return;
    let length = this.deals.length;
    const appends: { id: string; row: number }[] = [];
    for (const edit of edits) {
      if (edit.op === 'set' && this.deals[edit.row]?.id === edit.deal.id) continue;
      if (edit.op === 'insert' && edit.row === length) {
        appends.push({ id: edit.deal.id, row: length++ });
        continue;
      }
      return; // Rows moved or ids changed place: the next collection maps its own ids on first use.
    }
    if (appends.length > 0 && !this.ownsIds) return;
    next.ids = this.ids;
    next.ownsIds = this.ownsIds;
    this.ownsIds = false;
    for (const { id, row } of appends) next.ids.set(id, row);
  }
}

const collections = new WeakMap<readonly Deal[], DealCollection>();
// The collection last built or edited, held so that the next list (an edit of it, or the same deals
// in a new array, as TanStack Query's structural sharing makes) is worked out from it.
let latest: DealCollection | undefined;
/** Past this many differing rows a new list is indexed afresh: each edit copies every column once. */
const MAX_EDITS = 16;

/**
 * The collection of this list: the one an edit made for it, the latest collection when the list is
 * that collection's deals with a few rows changed (compared by reference, one walk), or a new one.
 */
export function collectionOf(deals: readonly Deal[]): DealCollection {
  let collection = collections.get(deals);
  if (collection && !collection.hollow) return collection;
  const from = latest && !latest.hollow ? latest : undefined;
  const edits = from && diffByReference(from.deals, deals, MAX_EDITS);
  if (from && edits) collection = edits.length === 0 ? from : from.edit(edits, deals, 'in-place');
  else collection = new DealCollection(deals);
  collections.set(deals, collection);
  latest = collection;
  return collection;
}

/**
 * The positional edits that turn `from` into `to`, comparing deals by reference, or undefined past
 * `max` of them. It finds replaced rows, and rows inserted or removed one at a time.
 */
export function diffByReference(
  from: readonly Deal[],
  to: readonly Deal[],
  max: number,
): RowEdit[] | undefined {
  const edits: RowEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < from.length || j < to.length) {
    if (i < from.length && j < to.length && from[i] === to[j]) {
      i++;
      j++;
      continue;
    }
    if (edits.length === max) return undefined;
    const leftFrom = from.length - i;
    const leftTo = to.length - j;
    if (leftTo > leftFrom && (i === from.length || to[j + 1] === from[i])) {
      edits.push({ op: 'insert', row: j, deal: to[j]! });
      j++;
    } else if (leftFrom > leftTo && (j === to.length || from[i + 1] === to[j])) {
      edits.push({ op: 'delete', row: j });
      i++;
    } else {
      edits.push({ op: 'set', row: j, deal: to[j]! });
      i++;
      j++;
    }
  }
  return edits;
}

/**
 * The list with one change applied, as a new object with a new `deals` array; the input is left as
 * it was (a rollback puts it back). An upsert replaces the deal with the same id where it is, or
 * appends it; a remove drops it; removing an id that is not there gives the list unchanged. The new
 * array's collection is the old one's with the row patched, so the screens that read it update in
 * milliseconds.
 */
export function applyDealChange<L extends DealListLike>(list: L, change: DealChange): L {
  const collection = collectionOf(list.deals);
  const id = change.kind === 'upsert' ? change.deal.id : change.id;
  const at = collection.rowOf(id);
  let edit: RowEdit;
  if (change.kind === 'remove') {
    if (at < 0) return list;
    edit = { op: 'delete', row: at };
  } else if (at >= 0) edit = { op: 'set', row: at, deal: change.deal };
  else edit = { op: 'insert', row: list.deals.length, deal: change.deal };
  const deals = editList(list.deals, edit, change.kind === 'upsert' ? change.deal : (undefined as never));
  const next = collection.edit([edit], deals, 'in-place');
  collections.set(deals, next);
  latest = next;
  return withDeals(list, deals, edit.op === 'insert' ? 1 : edit.op === 'delete' ? -1 : 0);
}

function withDeals<L extends DealListLike>(list: L, deals: Deal[], delta: number): L {
  const next: L = { ...list, deals };
  if (delta !== 0) {
    if (typeof list.total === 'number') next.total = Math.max(0, list.total + delta);
    if (typeof list.received === 'number') next.received = Math.max(0, list.received + delta);
  }
  return next;
}
