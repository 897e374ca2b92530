import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { isEmptyFilter, type ApiContext, type Deal } from '../domain';
import { applyDealChange, type DealChange } from '../domain/filter/deal-collection';
import type { StoredDeal } from './api-error';
import type { DealListParams, DealListResult } from './deals-api';

/*
 * How a write reaches the cached deals: the lists (`dealQueries.lists`, which the dashboard, the
 * table and the neighbours read) are patched through `applyDealChange`, the detail cache is set, and
 * what cannot be patched (a filtered list, the history, the deleted list) is invalidated. Every cache
 * of the same data set is reached, whatever mock or delay parameters its context carries.
 */

/**
 * Lists a patch made (or put back). The list queries skip structural sharing for these: a patched
 * list already shares every unchanged deal, and comparing 100,000 deals to find that out took
 * 26–90 ms of a save (measured with setQueryData), while the collection behind a list is found by
 * its identity, which sharing would replace with a copy.
 */
const patchedLists = new WeakSet<object>();

export function isPatchedList(data: unknown): boolean {
  return typeof data === 'object' && data !== null && patchedLists.has(data);
}

function setList(client: QueryClient, key: QueryKey, list: DealListResult): DealListResult | undefined {
  patchedLists.add(list);
  return client.setQueryData<DealListResult>(key, list);
}

/** Whether two contexts name the same data set, hence the same stored deals. */
export function sameDataset(a: ApiContext, b: ApiContext): boolean {
  const dataset = (c: ApiContext) => c.dataset ?? 'seed';
  if (dataset(a) !== dataset(b)) return false;
  return dataset(a) === 'seed' || (a.size === b.size && a.seed === b.seed);
}

type DealKeyPart = 'list' | 'detail' | 'revisions' | 'deleted';

/** The cached `['deals', context, part, …]` queries of the data set. */
function cachedDealQueries(client: QueryClient, context: ApiContext, part: DealKeyPart): Query[] {
  return client.getQueryCache().findAll({
    queryKey: ['deals'],
    predicate: (query) => {
      const key = query.queryKey;
      return key[2] === part && isContext(key[1]) && sameDataset(key[1], context);
    },
  });
}

function isContext(value: unknown): value is ApiContext {
  return typeof value === 'object' && value !== null;
}

/** The contexts of the data set that have cached deal queries, the given one first. */
export function cachedContexts(client: QueryClient, context: ApiContext): ApiContext[] {
  const found: ApiContext[] = [];
  for (const query of client.getQueryCache().findAll({ queryKey: ['deals'] })) {
    const key = query.queryKey[1];
    if (isContext(key) && sameDataset(key, context) && !found.some((c) => sameKey(c, key))) found.push(key);
  }
  return found.sort((a, b) => Number(sameKey(b, context)) - Number(sameKey(a, context)));
}

function sameKey(a: ApiContext, b: ApiContext): boolean {
  return JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
}

function listParams(key: QueryKey): DealListParams {
  const params = key[3];
  return typeof params === 'object' && params !== null ? params : {};
}

/** One cache entry as a write found it and as it left it: enough to undo it or see it was overtaken. */
export interface CachePatch<T> {
  key: QueryKey;
  before: T | undefined;
  after: T | undefined;
}

/** What an optimistic write changed in the cache, to put back if the server refuses it. */
export interface OptimisticPatch {
  id: string;
  lists: CachePatch<DealListResult>[];
  details: CachePatch<StoredDeal>[];
}

/**
 * Applies a change to every cached, unfiltered list of the data set, and invalidates the filtered ones
 * (a patched deal may have left or joined their filter). Returns what each list was before and after.
 * `change` may be a function of the list, which says what that list needs (or nothing).
 */
export function patchLists(
  client: QueryClient,
  context: ApiContext,
  change: DealChange | ((list: DealListResult) => DealChange | undefined),
  /** `deleted`: the list of deleted deals instead (`dealQueries.deleted`). */
  part: 'list' | 'deleted' = 'list',
): CachePatch<DealListResult>[] {
  const patches: CachePatch<DealListResult>[] = [];
  for (const query of cachedDealQueries(client, context, part)) {
    const before = query.state.data as DealListResult | undefined;
    if (before === undefined) continue;
    const wanted = typeof change === 'function' ? change(before) : change;
    if (wanted === undefined) continue;
    const params = listParams(query.queryKey);
    if (params.filter !== undefined && !isEmptyFilter(params.filter)) {
      void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
      continue;
    }
    const next = applyDealChange(before, wanted);
    if (next === before) continue;
    // What the cache holds after structural sharing, which may not be `next` itself.
    const after = setList(client, query.queryKey, next);
    patches.push({ key: query.queryKey, before, after });
  }
  return patches;
}

/**
 * `patchLists` for many deals at once (an import batch): `edit` answers each unfiltered list's new
 * value in one pass, or undefined to leave it; filtered lists are invalidated. Returns the patches.
 */
export function replaceLists(
  client: QueryClient,
  context: ApiContext,
  edit: (list: DealListResult) => DealListResult | undefined,
  part: 'list' | 'deleted' = 'list',
): CachePatch<DealListResult>[] {
  const patches: CachePatch<DealListResult>[] = [];
  for (const query of cachedDealQueries(client, context, part)) {
    const before = query.state.data as DealListResult | undefined;
    if (before === undefined) continue;
    const params = listParams(query.queryKey);
    if (params.filter !== undefined && !isEmptyFilter(params.filter)) {
      void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
      continue;
    }
    const next = edit(before);
    if (next === undefined || next === before) continue;
    patches.push({ key: query.queryKey, before, after: setList(client, query.queryKey, next) });
  }
  return patches;
}

/** Invalidates the cached details and histories of these deals, and the deleted lists, of the data set. */
export function invalidateDeals(client: QueryClient, context: ApiContext, ids: ReadonlySet<string>): void {
  for (const query of [
    ...cachedDealQueries(client, context, 'detail'),
    ...cachedDealQueries(client, context, 'revisions'),
  ]) {
    const id = query.queryKey[3];
    if (typeof id === 'string' && ids.has(id))
      void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
  }
  for (const query of cachedDealQueries(client, context, 'deleted'))
    void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
}

/** Sets the cached detail of the deal in every context of the data set that has it (and in `context`). */
export function patchDetails(
  client: QueryClient,
  context: ApiContext,
  id: string,
  update: (before: StoredDeal | undefined) => StoredDeal | undefined,
): CachePatch<StoredDeal>[] {
  const patches: CachePatch<StoredDeal>[] = [];
  const keys = cachedDealQueries(client, context, 'detail')
    .filter((query) => query.queryKey[3] === id)
    .map((query) => query.queryKey);
  const own: QueryKey = ['deals', context, 'detail', id];
  if (!keys.some((key) => sameKey(key[1] as ApiContext, context))) keys.push(own);
  for (const key of keys) {
    const before = client.getQueryData<StoredDeal>(key);
    const next = update(before);
    if (next === undefined || next === before) continue;
    const after = client.setQueryData<StoredDeal>(key, next);
    patches.push({ key, before, after });
  }
  return patches;
}

/** The deal as the caches hold it now: the detail's, else the first list's that has it. */
export function cachedDeal(
  client: QueryClient,
  context: ApiContext,
  id: string,
): { deal: Deal | undefined; stored: StoredDeal | undefined } {
  for (const query of cachedDealQueries(client, context, 'detail')) {
    if (query.queryKey[3] !== id) continue;
    const stored = query.state.data as StoredDeal | undefined;
    if (stored) return { deal: stored.deal, stored };
  }
  for (const query of [
    ...cachedDealQueries(client, context, 'list'),
    ...cachedDealQueries(client, context, 'deleted'),
  ]) {
    const deal = (query.state.data as DealListResult | undefined)?.deals.find((d) => d.id === id);
    if (deal) return { deal, stored: undefined };
  }
  return { deal: undefined, stored: undefined };
}

/**
 * Puts back what an optimistic write changed. An entry still as the write left it gets its old value;
 * one that has moved on since (another write, a refetch) gets only this deal put back, so a later
 * change is not lost with it.
 */
export function rollBack(client: QueryClient, patch: OptimisticPatch): void {
  for (const { key, before, after } of patch.lists) {
    const now = client.getQueryData<DealListResult>(key);
    if (now === undefined || before === undefined) continue;
    if (now === after) {
      setList(client, key, before);
      continue;
    }
    const old = before.deals.find((deal) => deal.id === patch.id);
    setList(
      client,
      key,
      applyDealChange(now, old ? { kind: 'upsert', deal: old } : { kind: 'remove', id: patch.id }),
    );
  }
  for (const { key, before, after } of patch.details) {
    if (client.getQueryData(key) !== after) continue;
    if (before === undefined) client.removeQueries({ queryKey: key, exact: true });
    else client.setQueryData(key, before);
  }
}

/**
 * An optimistic write: the lists, the detail and (for a delete or a restore) the list of deleted
 * deals patched at once, before the server answers.
 */
export function patchOptimistically(
  client: QueryClient,
  context: ApiContext,
  id: string,
  change: DealChange | undefined,
  detail: (before: StoredDeal | undefined) => StoredDeal | undefined,
  deletedChange?: DealChange,
): OptimisticPatch {
  return {
    id,
    lists: [
      ...(change ? patchLists(client, context, change) : []),
      ...(deletedChange ? patchLists(client, context, deletedChange, 'deleted') : []),
    ],
    details: patchDetails(client, context, id, detail),
  };
}

function sameRecord(a: Deal | undefined, b: Deal): boolean {
  return a === b || (a !== undefined && JSON.stringify(a) === JSON.stringify(b));
}

/**
 * The server's answer to a write (or a deal another tab changed) into every cache of the data set:
 * the detail set to it, each list patched unless it already holds this record (a deleted deal leaves
 * them for the list of deleted deals), and the history and the deleted list invalidated.
 */
export function applyStoredDeal(client: QueryClient, context: ApiContext, stored: StoredDeal): void {
  const { id } = stored.deal;
  patchDetails(client, context, id, () => stored);
  patchLists(client, context, (list) => {
    const listed = list.deals.find((deal) => deal.id === id);
    if (stored.deleted) return listed ? { kind: 'remove', id } : undefined;
    return sameRecord(listed, stored.deal) ? undefined : { kind: 'upsert', deal: stored.deal };
  });
  patchLists(
    client,
    context,
    (list) => {
      const listed = list.deals.find((deal) => deal.id === id);
      if (!stored.deleted) return listed ? { kind: 'remove', id } : undefined;
      return sameRecord(listed, stored.deal) ? undefined : { kind: 'upsert', deal: stored.deal };
    },
    'deleted',
  );
  // The server's own word follows, where a screen shows them.
  for (const query of [
    ...cachedDealQueries(client, context, 'revisions').filter((q) => q.queryKey[3] === id),
    ...cachedDealQueries(client, context, 'deleted'),
  ])
    void client.invalidateQueries({ queryKey: query.queryKey, exact: true });
}

/** After a reset or an import: every cached deal of the data set is fetched again when next used. */
export function invalidateDataset(client: QueryClient, context: ApiContext): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => {
      const [root, key] = query.queryKey;
      return (root === 'deals' || root === 'meta') && isContext(key) && sameDataset(key, context);
    },
  });
}
