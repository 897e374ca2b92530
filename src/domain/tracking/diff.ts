import { normalise } from './normalise';
import { deepEqual, isKeyedArray, isRecord, keysOf, labelOf, type Path } from './paths';

export type { Path } from './paths';
export { labelOf, pathKey } from './paths';

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One field that differs between two records. */
export interface Change {
  /** As in zod, but an element of a keyed array is named by its key: `["sources", "dawn-2024"]`. */
  path: Path;
  /** The path in words: "Quantity › allocations › Navy count". */
  label: string;
  before?: unknown;
  after?: unknown;
  kind: ChangeKind;
}

function change(path: Path, before: unknown, after: unknown): Change {
  const kind: ChangeKind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  const c: Change = { path, label: labelOf(path), kind };
  if (before !== undefined) c.before = before;
  if (after !== undefined) c.after = after;
  return c;
}

function walk(before: unknown, after: unknown, path: Path, out: Change[]): void {
  if (deepEqual(before, after)) return;
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    for (const k of keys) walk(before[k], after[k], [...path, k], out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && isKeyedArray(path)) {
    const beforeKeys = keysOf(path, before);
    const afterKeys = keysOf(path, after);
    const beforeBy = new Map(beforeKeys.map((k, i) => [k, before[i]]));
    const afterBy = new Map(afterKeys.map((k, i) => [k, after[i]]));
    // Removed ones where they stood, then the kept and added ones in the new order.
    for (const k of beforeKeys)
      if (!afterBy.has(k)) out.push(change([...path, k], beforeBy.get(k), undefined));
    for (const k of afterKeys) walk(beforeBy.get(k), afterBy.get(k), [...path, k], out);
    return;
  }
  out.push(change(path, before, after));
}

/**
 * Field-level differences from `before` to `after`, in the record's order. Nested objects are
 * walked field by field; sources and figures are matched by id, allocations by service, milestones
 * by kind and label and parties by role and name, so that inserting one source is one addition;
 * arrays of plain values (countries, routes, cited source ids) are one field each. Both records are
 * read with the schema's defaults first, so a missing `parties` equals `[]`.
 */
export function diff(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  walk(normalise(before), normalise(after), [], out);
  return out;
}

/** `diff` of two records the schema has already read (a plan's merged records): not read again. */
export function diffParsed(before: unknown, after: unknown): Change[] {
  const out: Change[] = [];
  walk(before, after, [], out);
  return out;
}
