import type { Deal } from '../model/deal-schema';

/**
 * One positional change to a list of deals, as the indexes apply it: row numbers are those of the
 * list before the edit. `insert` at `row` moves the rows from there on down by one; `delete` moves them up.
 */
export type RowEdit =
  | { op: 'set'; row: number; deal: Deal }
  | { op: 'insert'; row: number; deal: Deal }
  | { op: 'delete'; row: number };

type Typed = Int32Array | Float64Array | Uint8Array | Uint16Array;

/**
 * How an edit treats the columns it changes: `copy` leaves them as they were (the old index stays
 * valid), `in-place` writes a replaced row into them where it can (no allocation: for an index whose
 * owner hands it on, see `DealCollection.edit`). Inserts and deletes always copy.
 */
export type EditMode = 'copy' | 'in-place';

/** The list with the edit applied, as a new array (or this one, for a replaced row edited in place). */
export function editList<T>(list: readonly T[], edit: RowEdit, value: T, mode: EditMode = 'copy'): T[] {
  if (mode === 'in-place' && edit.op === 'set') {
    (list as T[])[edit.row] = value;
    return list as T[];
  }
  const out = list.slice();
  if (edit.op === 'set') out[edit.row] = value;
  else if (edit.op === 'insert') out.splice(edit.row, 0, value);
  else out.splice(edit.row, 1);
  return out;
}

/** A typed column with the edit applied, as a new array (a copy of 100,000 numbers is about 0.1 ms). */
export function editTyped<T extends Typed>(
  column: T,
  edit: RowEdit,
  value: number,
  mode: EditMode = 'copy',
): T {
  if (edit.op === 'set' && mode === 'in-place') {
    column[edit.row] = value;
    return column;
  }
  if (edit.op === 'set') {
    const out = column.slice() as T;
    out[edit.row] = value;
    return out;
  }
  const make = column.constructor as new (length: number) => T;
  if (edit.op === 'insert') {
    const out = new make(column.length + 1);
    out.set(column.subarray(0, edit.row));
    out[edit.row] = value;
    out.set(column.subarray(edit.row), edit.row + 1);
    return out;
  }
  const out = new make(column.length - 1);
  out.set(column.subarray(0, edit.row));
  out.set(column.subarray(edit.row + 1), edit.row);
  return out;
}

/**
 * A ragged column (row i's entries are `values[offsets[i] .. offsets[i + 1]]`) with the edit applied:
 * the edited row gets `entries` (none for a delete).
 */
export function editRagged<T extends Typed>(
  offsets: Int32Array,
  values: T,
  edit: RowEdit,
  entries: ArrayLike<number>,
  mode: EditMode = 'copy',
): { offsets: Int32Array; values: T } {
  const { row } = edit;
  const start = offsets[row]!;
  const oldLength = edit.op === 'insert' ? 0 : offsets[row + 1]! - start;
  const newLength = edit.op === 'delete' ? 0 : entries.length;
  if (mode === 'in-place' && edit.op === 'set' && newLength === oldLength) {
    values.set(entries, start);
    return { offsets, values };
  }
  const delta = newLength - oldLength;
  const make = values.constructor as new (length: number) => T;
  const nextValues = new make(values.length + delta);
  nextValues.set(values.subarray(0, start));
  if (newLength > 0) nextValues.set(entries, start);
  nextValues.set(values.subarray(start + oldLength), start + newLength);

  const rows = offsets.length - 1;
  const nextRows = rows + (edit.op === 'insert' ? 1 : edit.op === 'delete' ? -1 : 0);
  const next = new Int32Array(nextRows + 1);
  next.set(offsets.subarray(0, row + 1));
  if (edit.op === 'set') for (let i = row + 1; i <= rows; i++) next[i] = offsets[i]! + delta;
  else if (edit.op === 'insert') {
    next[row + 1] = start + newLength;
    for (let i = row + 2; i <= nextRows; i++) next[i] = offsets[i - 1]! + delta;
  } else for (let i = row + 1; i <= nextRows; i++) next[i] = offsets[i + 1]! + delta;
  return { offsets: next, values: nextValues };
}
