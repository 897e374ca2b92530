import type { Deal } from '../model/deal-schema';
import type { PartialDate } from '../money-dates/partial-date';

const latest = new WeakMap<readonly Deal[], PartialDate | undefined>();
// The last list worked out, from which the next one (the same list with a deal saved) is patched.
let last: { deals: readonly Deal[]; newest: PartialDate | undefined } | undefined;
/** Past this many changed deals a walk over every source costs less than patching. */
const MAX_PATCHED = 64;

function newestOf(deals: Iterable<Deal>, from: PartialDate | undefined): PartialDate | undefined {
  let newest = from;
  for (const deal of deals)
    for (const source of deal.sources)
      if (source.date !== undefined && (newest === undefined || source.date > newest)) newest = source.date;
  return newest;
}

/**
 * The newest date of a list that is `before` with some deals replaced (compared by reference, one
 * walk), worked out from the deals that changed; undefined when it cannot be (a deal that left held
 * the newest date, the lengths differ, or too many changed) and every source must be read.
 */
function patched(
  before: { deals: readonly Deal[]; newest: PartialDate | undefined },
  deals: readonly Deal[],
): { newest: PartialDate | undefined } | undefined {
  if (before.deals.length !== deals.length) return undefined;
  const added: Deal[] = [];
  let lost = false;
  for (let i = 0; i < deals.length; i++) {
    const old = before.deals[i]!;
    if (old === deals[i]) continue;
    if (added.length === MAX_PATCHED) return undefined;
    if (before.newest !== undefined && old.sources.some((s) => s.date === before.newest)) lost = true;
    added.push(deals[i]!);
  }
  // A deal that went may have taken the newest date with it, unless a deal that came brings it back.
  if (lost && !added.some((deal) => deal.sources.some((s) => s.date === before.newest))) return undefined;
  return { newest: newestOf(added, before.newest) };
}

/**
 * The newest date any source of the list carries: what "data as of" means for compiled records. Dates
 * are ISO partial dates, so they compare as strings ("2025-11" after "2025-02-06"). Kept per list; a
 * list that is the last one with a few deals saved is worked out from those deals alone (a save at
 * 100,000 deals read every source again: about 20 ms).
 */
export function latestSourceDate(deals: readonly Deal[]): PartialDate | undefined {
  // A list this short is read faster than looked up, and remembering it as the last list would make
  // the next save of the long one read every source again: a deal's own card asks for its single deal
  // on every render of the dashboard, between two saves of the whole list (9 ms a save at 100,000).
  if (deals.length <= MAX_PATCHED) return newestOf(deals, undefined);
  if (latest.has(deals)) return latest.get(deals);
  // Not `?.newest ??`: a list with no dated source patches to undefined, which is an answer.
  const patch = last && patched(last, deals);
  const newest = patch ? patch.newest : newestOf(deals, undefined);
  latest.set(deals, newest);
  last = { deals, newest };
  return newest;
}
