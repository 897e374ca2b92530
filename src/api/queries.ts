import {
  queryOptions,
  replaceEqualDeep,
  skipToken,
  type QueryFunctionContext,
  type QueryKey,
} from '@tanstack/react-query';
import type { ApiContext } from '../domain';
import { isPatchedList } from './deal-cache';
import { fetchRevisions } from './deal-writes';
import { fetchDeal, fetchDeals, fetchMeta, type DealListParams, type DealListProgress } from './deals-api';
import { isRetryable, retryDelay, withinRetryBudget } from './retry';

/**
 * Retries only what asking again can fix, with back-off and `Retry-After`. How many retries stays the
 * query client's choice (the app allows one, tests none): the query function reads the client's
 * default on each run, and the retry decision, made after that run fails, applies it.
 */
function retrying<T, K extends QueryKey>(run: (context: QueryFunctionContext<K>) => Promise<T>) {
  let budget: unknown;
  return {
    queryFn: (context: QueryFunctionContext<K>) => {
      budget = context.client.getDefaultOptions().queries?.retry;
      return run(context);
    },
    retry: (failureCount: number, error: Error) =>
      isRetryable(error) && withinRetryBudget(budget, failureCount, error),
    retryDelay,
  };
}

/** Keys run from general to specific, so invalidating `all` or `lists()` reaches everything below. */
export const dealQueries = {
  all: (context: ApiContext) => ['deals', context] as const,
  lists: (context: ApiContext) => [...dealQueries.all(context), 'list'] as const,
  list: (context: ApiContext, params: DealListParams = {}) =>
    queryOptions({
      queryKey: [...dealQueries.lists(context), params] as const,
      // A fetched list shares the unchanged deals of the last one; a patched list already does.
      structuralSharing: (old: unknown, next: unknown) =>
        isPatchedList(next) ? next : replaceEqualDeep(old, next),
      ...retrying(({ signal, client }) => {
        // A new load starts from nothing: the last one's "2,500 of 2,500" would misstate this one.
        client.setQueryData(dealQueries.progress(context, params).queryKey, null);
        return fetchDeals(context, params, {
          signal,
          onProgress: (progress) =>
            client.setQueryData(dealQueries.progress(context, params).queryKey, progress),
        });
      }),
    }),
  /**
   * How far a paged list load has got, written by the list's query function after each page. Outside
   * the `deals` keys, so invalidating the lists never touches it; it has no fetcher of its own.
   */
  progress: (context: ApiContext, params: DealListParams = {}) =>
    queryOptions<DealListProgress | null>({
      queryKey: ['deals-progress', context, params] as const,
      queryFn: skipToken,
    }),
  details: (context: ApiContext) => [...dealQueries.all(context), 'detail'] as const,
  /** One deal as stored (`StoredDeal`): the record, its revision for `If-Match`, and `deleted`. */
  detail: (context: ApiContext, id: string) =>
    queryOptions({
      queryKey: [...dealQueries.details(context), id] as const,
      // An unknown id will not appear by asking again: isRetryable says no to not-found.
      ...retrying(({ signal }) => fetchDeal(context, id, signal)),
    }),
  /** A deal's revisions, newest first. */
  revisions: (context: ApiContext, id: string) =>
    queryOptions({
      queryKey: [...dealQueries.all(context), 'revisions', id] as const,
      ...retrying(({ signal }) => fetchRevisions(context, id, signal)),
    }),
  /**
   * The deleted deals (`deleted=only`). Beside the lists, not under them: a save patches the lists
   * of deals in use, and this one only through `applyStoredDeal`.
   */
  deleted: (context: ApiContext) =>
    queryOptions({
      queryKey: [...dealQueries.all(context), 'deleted'] as const,
      ...retrying(({ signal }) => fetchDeals(context, { deleted: 'only' }, { signal })),
    }),
};

export const metaQueries = {
  meta: (context: ApiContext) =>
    queryOptions({
      queryKey: ['meta', context] as const,
      ...retrying(({ signal }) => fetchMeta(context, signal)),
    }),
};
