import { queryOptions } from '@tanstack/react-query';
import type { ApiContext } from '../domain';
import { isApiError } from './api-error';
import { fetchDeal, fetchDeals, fetchMeta, type DealListParams } from './deals-api';

/** Keys run from general to specific, so invalidating `all` or `lists()` reaches everything below. */
export const dealQueries = {
  all: (context: ApiContext) => ['deals', context] as const,
  lists: (context: ApiContext) => [...dealQueries.all(context), 'list'] as const,
  list: (context: ApiContext, params: DealListParams = {}) =>
    queryOptions({
      queryKey: [...dealQueries.lists(context), params] as const,
      queryFn: ({ signal }) => fetchDeals(context, params, signal),
    }),
  details: (context: ApiContext) => [...dealQueries.all(context), 'detail'] as const,
  detail: (context: ApiContext, id: string) =>
    queryOptions({
      queryKey: [...dealQueries.details(context), id] as const,
      queryFn: ({ signal }) => fetchDeal(context, id, signal),
      // An unknown id will not appear by asking again.
      retry: (count, error) => !(isApiError(error) && error.kind === 'not-found') && count < 2,
    }),
};

export const metaQueries = {
  meta: (context: ApiContext) =>
    queryOptions({
      queryKey: ['meta', context] as const,
      queryFn: ({ signal }) => fetchMeta(context, signal),
    }),
};
