import { useCallback, useMemo } from 'react';
import { useSearchParams } from './routing';
import {
  EMPTY_FILTER,
  readUrlPart,
  toggleFacetValue,
  URL_SCHEMA,
  writeUrlState,
  type DealFilter,
  type FacetKey,
  type ParamProblem,
} from '../domain';

/** The query parameters that make up a filter (`URL_SCHEMA.filter`); every other parameter is kept. */
export const FILTER_PARAM_NAMES: readonly string[] = URL_SCHEMA.filter.params;

/** The URL with its filter replaced, every other parameter as it was (the URL schema's writer). */
export function replaceFilterParams(current: URLSearchParams, filter: DealFilter): URLSearchParams {
  return writeUrlState({ filter }, current);
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
  const { value: filter, problems } = useMemo(() => readUrlPart('filter', params), [params]);
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
