import { useCallback, useMemo } from 'react';
import { useSearchParams } from './routing';
import {
  EMPTY_FILTER,
  FACET_KEYS,
  filterToParams,
  parseFilterParams,
  RANGE_KEYS,
  toggleFacetValue,
  type DealFilter,
  type FacetKey,
  type ParamProblem,
} from '../domain';

/** The query parameters that make up a filter; every other parameter (data set, sort, columns) is kept. */
export const FILTER_PARAM_NAMES: readonly string[] = ['q', ...FACET_KEYS, ...RANGE_KEYS];

export function replaceFilterParams(current: URLSearchParams, filter: DealFilter): URLSearchParams {
  const next = new URLSearchParams();
  for (const [name, value] of current) if (!FILTER_PARAM_NAMES.includes(name)) next.append(name, value);
  return filterToParams(filter, next);
}

export interface UrlFilter {
  filter: DealFilter;
  /** Parameters that were ignored, to be shown to the user. */
  problems: ParamProblem[];
  setFilter: (next: DealFilter, options?: { replace?: boolean }) => void;
  toggle: (facet: FacetKey, value: string) => void;
  clear: () => void;
}

/**
 * The shared filter, read from and written to the URL: reload restores it, back/forward steps through
 * it, a copied link opens the same view. The dashboard and the deals table both use this one hook.
 */
export function useUrlFilter(): UrlFilter {
  const [params, setParams] = useSearchParams();
  const { filter, problems } = useMemo(() => parseFilterParams(params), [params]);
  const setFilter = useCallback(
    (next: DealFilter, options: { replace?: boolean } = {}) =>
      setParams((current) => replaceFilterParams(current, next), { replace: options.replace ?? false }),
    [setParams],
  );
  const toggle = useCallback(
    (facet: FacetKey, value: string) => setFilter(toggleFacetValue(filter, facet, value)),
    [filter, setFilter],
  );
  const clear = useCallback(() => setFilter(EMPTY_FILTER), [setFilter]);
  return { filter, problems, setFilter, toggle, clear };
}
