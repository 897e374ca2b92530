import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { dealQueries, type DealListResult } from '../api';
import { collectionOf, type DealCollection } from '../domain';
import { useApiContext } from './api-context';

/**
 * All deals of the current data set. The app filters them in memory with the shared domain filter,
 * so a keystroke or a click never waits on the network. The last successful answer stays on screen
 * while another loads and after it fails: keepPreviousData alone drops it once the new query errors.
 *
 * `collection` is the list's `DealCollection`: its indexes are patched when a save patches the list
 * (`applyDealChange`), and readers key their memos on it (one object per `version`). `data.deals` is
 * the collection's own array, so a reader that filters it finds the patched index, even where the
 * cache holds a copy that TanStack Query's structural sharing made of the patched list.
 */
export function useDealList() {
  const query = useQuery({ ...dealQueries.list(useApiContext()), placeholderData: keepPreviousData });
  const [lastGood, setLastGood] = useState(query.data);
  if (query.data !== undefined && query.data !== lastGood) setLastGood(query.data);
  const raw = query.data ?? lastGood;
  const collection: DealCollection | undefined = useMemo(() => raw && collectionOf(raw.deals), [raw]);
  const data: DealListResult | undefined = useMemo(
    () =>
      raw && collection && raw.deals !== collection.deals
        ? { ...raw, deals: collection.deals as DealListResult['deals'] }
        : raw,
    [raw, collection],
  );
  return { ...query, data, collection };
}

/**
 * What a page needs to say about a list still loading: how far a paged load has got, and a way to
 * stop waiting. Cancelling does not revert to "pending" (a skeleton with nothing to do): the list
 * fails with a cancellation, which pages show as their error with Retry.
 */
export function useDealListLoad() {
  const context = useApiContext();
  const list = useDealList();
  const { data: progress } = useQuery(dealQueries.progress(context));
  const client = useQueryClient();
  const cancel = useCallback(
    () => void client.cancelQueries({ queryKey: dealQueries.list(context).queryKey }, { revert: false }),
    [client, context],
  );
  return { list, progress: progress ?? undefined, cancel };
}
