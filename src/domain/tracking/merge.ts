import type { DealInput } from '../model/deal-schema';
import { normalise } from './normalise';
import { deepEqual, isKeyedArray, isRecord, keysOf, labelOf, pathKey, type Path } from './paths';

export type { Path } from './paths';
export { pathKey } from './paths';

/** A field both sides changed, differently. `undefined` means the side removed it (or never had it). */
export interface Conflict {
  path: Path;
  label: string;
  base?: unknown;
  mine?: unknown;
  theirs?: unknown;
}

export interface MergeResult {
  /** The merged record; at each conflict it holds mine until `resolve` says otherwise. */
  merged: DealInput;
  conflicts: Conflict[];
  /** The three records as merged (read with the schema's defaults), for `resolve`. */
  inputs: { base: unknown; mine: unknown; theirs: unknown };
}

export type Side = 'mine' | 'theirs';
/** Per conflict, by `pathKey(conflict.path)`: which side wins. */
export type Choices = Readonly<Record<string, Side>> | ReadonlyMap<string, Side>;

type Choose = (path: Path) => Side | undefined;

const ABSENT = undefined;

function merge3(
  base: unknown,
  mine: unknown,
  theirs: unknown,
  path: Path,
  choose: Choose,
  conflicts: Conflict[],
): unknown {
  if (deepEqual(mine, theirs)) return mine;
  if (deepEqual(base, mine)) return theirs;
  if (deepEqual(base, theirs)) return mine;
  // Both changed it, differently: go down a level where both are still objects …
  if (isRecord(mine) && isRecord(theirs) && (base === ABSENT || isRecord(base))) {
    const b = base ?? {};
    const keys = [
      ...Object.keys(mine),
      ...Object.keys(theirs).filter((k) => !(k in mine)),
      ...Object.keys(b).filter((k) => !(k in mine) && !(k in theirs)),
    ];
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const v = merge3(b[k], mine[k], theirs[k], [...path, k], choose, conflicts);
      if (v !== ABSENT) out[k] = v;
    }
    return out;
  }
  // … or where both are keyed arrays, element by element …
  if (
    Array.isArray(mine) &&
    Array.isArray(theirs) &&
    (base === ABSENT || Array.isArray(base)) &&
    isKeyedArray(path)
  ) {
    const b = base ?? [];
    const by = (list: unknown[]) => {
      const keys = keysOf(path, list);
      return { keys, map: new Map(keys.map((k, i) => [k, list[i]])) };
    };
    const [B, M, T] = [by(b), by(mine), by(theirs)];
    // Mine's order, with theirs' additions after the element they follow in theirs.
    const order = [...M.keys];
    T.keys.forEach((k, i) => {
      if (order.includes(k) || B.map.has(k)) return;
      const prev = T.keys
        .slice(0, i)
        .reverse()
        .find((p) => order.includes(p));
      order.splice(prev === undefined ? 0 : order.indexOf(prev) + 1, 0, k);
    });
    for (const k of B.keys) if (!order.includes(k)) order.push(k);
    const out: unknown[] = [];
    for (const k of order) {
      const v = merge3(B.map.get(k), M.map.get(k), T.map.get(k), [...path, k], choose, conflicts);
      if (v !== ABSENT) out.push(v);
    }
    return out;
  }
  // … else it is a conflict.
  const side = choose(path);
  if (side === undefined) {
    const c: Conflict = { path, label: labelOf(path) };
    if (base !== ABSENT) c.base = base;
    if (mine !== ABSENT) c.mine = mine;
    if (theirs !== ABSENT) c.theirs = theirs;
    conflicts.push(c);
    return mine;
  }
  return side === 'mine' ? mine : theirs;
}

function run(base: unknown, mine: unknown, theirs: unknown, choose: Choose): MergeResult {
  const conflicts: Conflict[] = [];
  const merged = merge3(base, mine, theirs, [], choose, conflicts) as DealInput;
  return { merged, conflicts, inputs: { base, mine, theirs } };
}

/**
 * Three-way merge of a deal at field level (the granularity of `diff`): a field changed on one side
 * only is taken from it; a field both changed to different values is a conflict, for which `merged`
 * holds mine. Sources and figures are matched by id, allocations by service, milestones by kind and
 * label, so my new source and their new figure both arrive. The merged record is not validated:
 * two valid edits can merge into an invalid record (mine raises the total, theirs an allocation),
 * and the save answers that with `422` as for any edit.
 */
export function merge(base: unknown, mine: unknown, theirs: unknown): MergeResult {
  return run(normalise(base), normalise(mine), normalise(theirs), () => undefined);
}

/**
 * The merge with the user's choice applied per conflict (`pathKey(conflict.path)` → side); the
 * conflicts given no choice stay in `conflicts` and hold mine.
 */
export function resolve(result: MergeResult, choices: Choices): MergeResult {
  const get = (k: string): Side | undefined =>
    choices instanceof Map
      ? (choices as ReadonlyMap<string, Side>).get(k)
      : (choices as Readonly<Record<string, Side>>)[k];
  const { base, mine, theirs } = result.inputs;
  return run(base, mine, theirs, (path) => get(pathKey(path)));
}
