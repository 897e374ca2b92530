import type { Deal } from '../model/deal-schema';
import { editList, type EditMode, type RowEdit } from './row-edit';
import { compareValues, sortValue, type SortSpec, type SortValue } from './sort';

/**
 * A list's rows in one sort order, kept beside the list's index rather than as a sorted copy of the
 * deals, so the filter walks the one index in this order. Ties keep list order, as `sortDeals` does.
 */
export interface SortedOrder {
  specs: readonly SortSpec[];
  /** Row numbers, first to last. */
  perm: Int32Array;
  /** Per spec, the sort value of each row. */
  keys: SortValue[][];
}

function comparator({ specs, keys }: Pick<SortedOrder, 'specs' | 'keys'>) {
  return (a: number, b: number): number => {
    for (let i = 0; i < specs.length; i++) {
      const column = keys[i]!;
      const order = compareValues(column[a], column[b], specs[i]!.desc);
      if (order !== 0) return order;
    }
    return a - b;
  };
}

export function buildOrder(deals: readonly Deal[], specs: readonly SortSpec[]): SortedOrder {
  const keys = specs.map((spec) => deals.map((deal) => sortValue(deal, spec.key)));
  const perm = new Int32Array(deals.length);
  for (let row = 0; row < perm.length; row++) perm[row] = row;
  perm.sort(comparator({ specs, keys }));
  return { specs, perm, keys };
}

/** The first place in `perm` whose row does not come before `row`. */
function lowerBound(perm: Int32Array, row: number, compare: (a: number, b: number) => number): number {
  let lo = 0;
  let hi = perm.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(perm[mid]!, row) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The order with one row edited, without sorting again: the row is taken out where a binary search
 * finds it (the order is total: keys, then row number), rows after an inserted or deleted one are
 * renumbered, and the new row goes in where a second binary search puts it.
 */
export function editOrder(order: SortedOrder, edit: RowEdit, mode: EditMode = 'copy'): SortedOrder {
  const { specs, perm } = order;
  if (edit.op === 'set' && mode === 'in-place') {
    // Out where it was, in where it now belongs: the rows between move by one place.
    const from = lowerBound(perm, edit.row, comparator(order));
    if (perm[from] !== edit.row) throw new Error(`row ${edit.row} is missing from the sort order`);
    specs.forEach((spec, i) => (order.keys[i]![edit.row] = sortValue(edit.deal, spec.key)));
    const compare = comparator(order);
    perm.copyWithin(from, from + 1);
    const to = lowerBound(perm.subarray(0, perm.length - 1), edit.row, compare);
    perm.copyWithin(to + 1, to, perm.length - 1);
    perm[to] = edit.row;
    return order;
  }
  let kept: Int32Array;
  if (edit.op !== 'insert') {
    const at = lowerBound(perm, edit.row, comparator(order));
    if (perm[at] !== edit.row) throw new Error(`row ${edit.row} is missing from the sort order`);
    kept = new Int32Array(perm.length - 1);
    kept.set(perm.subarray(0, at));
    kept.set(perm.subarray(at + 1), at);
  } else kept = perm.slice();
  const deal = edit.op === 'delete' ? undefined : edit.deal;
  const keys = order.keys.map((column, i) => editList(column, edit, deal && sortValue(deal, specs[i]!.key)));
  if (edit.op === 'insert') {
    for (let k = 0; k < kept.length; k++) if (kept[k]! >= edit.row) kept[k]!++;
  } else if (edit.op === 'delete') {
    for (let k = 0; k < kept.length; k++) if (kept[k]! > edit.row) kept[k]!--;
    return { specs, perm: kept, keys };
  }
  const at = lowerBound(kept, edit.row, comparator({ specs, keys }));
  const next = new Int32Array(kept.length + 1);
  next.set(kept.subarray(0, at));
  next[at] = edit.row;
  next.set(kept.subarray(at), at + 1);
  return { specs, perm: next, keys };
}
