import type { Deal } from '../model/deal-schema';
import { buildFactTable, type FactTable } from './fact-table';

/** A list of deals as rows of a fact table: deals[j] is table.deals[rows[j]]. */
export interface DealView {
  table: FactTable;
  rows: Int32Array;
}

const views = new WeakMap<readonly Deal[], DealView>();
// Views a deal collection handed over: its lists are never changed in place, so they are not walked again.
const adopted = new WeakSet<DealView>();
// Tables whose columns an edit in place handed on to a newer table.
const retired = new WeakSet<FactTable>();

/** Marks a table whose columns now belong to a newer one: views of it are worked out again on next use. */
export function retireTable(table: FactTable): void {
  retired.add(table);
  recent = recent.filter((ref) => ref.deref() !== table);
}
// Tables a later list may be a part of. Held weakly: a table lives as long as a list that uses it.
let recent: WeakRef<FactTable>[] = [];
const RECENT_TABLES = 3;
// A short list costs less to tabulate than a walk through a long one, so only long lists are kept.
const SHORTEST_RECENT = 256;

/**
 * The fact table rows of a list. A filtered list is, in order, part of the list it was filtered from,
 * so it is matched against recently built tables (one walk comparing references) instead of getting a
 * table of its own: a cross-filter then reads facts worked out when the whole list was first shown.
 * Any other list gets its own table. The rows are cached per list and checked against it on each use,
 * so a list changed in place is noticed; the deals themselves are taken as immutable, as everywhere in
 * the app (a deal edited in place keeps its old facts).
 */
export function viewOf(deals: readonly Deal[]): DealView {
  const known = views.get(deals);
  if (known && (adopted.has(known) ? known.rows.length === deals.length : isViewOf(known, deals)))
    return known;
  const view = viewWithinRecent(deals) ?? ownView(deals);
  views.set(deals, view);
  return view;
}

function isViewOf({ table, rows }: DealView, deals: readonly Deal[]): boolean {
  if (rows.length !== deals.length) return false;
  const source = table.deals;
  // Rows only ever rise, so as many rows as the table has are all of them, in order.
  if (rows.length === source.length) {
    for (let j = 0; j < rows.length; j++) if (source[j] !== deals[j]) return false;
  } else {
    for (let j = 0; j < rows.length; j++) if (source[rows[j]!] !== deals[j]) return false;
  }
  return true;
}

/** Where each deal sits in `source`, if `deals` is `source` with some deals left out. */
function rowsWithin(source: readonly Deal[], deals: readonly Deal[]): Int32Array | undefined {
  if (deals.length > source.length) return undefined;
  const rows = new Int32Array(deals.length);
  // One flat loop: a nested one, seeking each deal in turn, took ten times as long.
  let j = 0;
  for (let i = 0; i < source.length && j < deals.length; i++) if (source[i] === deals[j]) rows[j++] = i;
  return j === deals.length ? rows : undefined;
}

function viewWithinRecent(deals: readonly Deal[]): DealView | undefined {
  for (const ref of recent) {
    const table = ref.deref();
    const rows = table && rowsWithin(table.deals, deals);
    if (table && rows) return { table, rows };
  }
  return undefined;
}

function ownView(deals: readonly Deal[]): DealView {
  const table = buildFactTable(deals);
  if (deals.length >= SHORTEST_RECENT) {
    const alive = recent.filter((ref) => ref.deref() !== undefined);
    recent = [new WeakRef(table), ...alive].slice(0, RECENT_TABLES);
  }
  const rows = new Int32Array(deals.length);
  for (let row = 0; row < rows.length; row++) rows[row] = row;
  return { table, rows };
}

/**
 * Registers a view worked out elsewhere as this list's: a deal collection hands over its patched fact
 * table with the rows a query matched, so neither a table nor a walk through a recent one is needed.
 * A whole list's table is also kept among the recent ones that later lists are matched against.
 */
export function adoptView(deals: readonly Deal[], view: DealView): void {
  views.set(deals, view);
  adopted.add(view);
  if (view.rows.length === view.table.deals.length && deals.length >= SHORTEST_RECENT) {
    const alive = recent.filter((ref) => {
      const table = ref.deref();
      return table !== undefined && table !== view.table;
    });
    recent = [new WeakRef(view.table), ...alive].slice(0, RECENT_TABLES);
  }
}
