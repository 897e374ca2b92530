import { useDeferredValue, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useDealList } from '../../components/use-deal-list';
import { useUrlFilter } from '../../components/use-url-filter';
import { describeFilter } from '../../components/filter-chips';
import { aggregateDashboard, filterDeals, prepareAggregations, isEmptyFilter, type Deal } from '../../domain';

export type Currency = 'USD' | 'INR';

// Figures per list of deals, kept while the list lives: the unfiltered list is the same array for the
// whole visit, so returning to it after a cross-filter costs nothing.
const figureCache = new WeakMap<readonly Deal[], Map<string, unknown>>();
function cached<T>(deals: readonly Deal[], key: string, compute: () => T): T {
  let entry = figureCache.get(deals);
  if (!entry) figureCache.set(deals, (entry = new Map<string, unknown>()));
  if (!entry.has(key)) entry.set(key, compute());
  return entry.get(key) as T;
}

/**
 * The dashboard's data: the deals under the shared URL filter, aggregated once per change. The filter
 * is deferred so a click answers at once and the charts follow without freezing the page.
 */
export function useDashboard() {
  const list = useDealList();
  const urlFilter = useUrlFilter();
  const [params, setParams] = useSearchParams();
  const currency: Currency = params.get('currency') === 'INR' ? 'INR' : 'USD';
  const setCurrency = (next: Currency) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current);
        if (next === 'USD') copy.delete('currency');
        else copy.set('currency', next);
        return copy;
      },
      { replace: true },
    );
  const filter = useDeferredValue(urlFilter.filter);
  const all = list.data?.deals;
  // With no filter the list itself is used, not a copy, so its aggregations are computed once and the
  // unfiltered view answers from the cache below when a cross-filter is removed.
  const deals = useMemo(
    () => (!all ? [] : isEmptyFilter(filter) ? all : filterDeals(all, filter)),
    [all, filter],
  );
  const figures = useMemo(() => {
    // A filtered list reuses the whole list's fact table, so a page opened with a filter builds that first.
    if (all && deals !== all) prepareAggregations(all);
    return cached(deals, currency, () => aggregateDashboard(deals, currency));
  }, [all, deals, currency]);
  const exportContext = useMemo(
    () => ({ sources: figures.sources, synthetic: figures.synthetic, filters: describeFilter(filter) }),
    [figures.sources, figures.synthetic, filter],
  );
  return {
    list,
    all,
    deals,
    currency,
    setCurrency,
    urlFilter,
    stale: filter !== urlFilter.filter,
    ...figures,
    exportContext,
  };
}
