import { useEffect, useMemo } from 'react';
import { useSearchParams } from '../../components/routing';
import { useDealList } from '../../components/use-deal-list';
import { useUrlFilter } from '../../components/use-url-filter';
import { describeFilter } from '../../components/filter-chips';
import {
  aggregateDashboard,
  dataAsOfLabel,
  latestSourceDate,
  filterDeals,
  prepareAggregations,
  prepareFilter,
  isEmptyFilter,
  type Deal,
} from '../../domain';

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
 * The dashboard's data: the deals under the shared URL filter, aggregated in one pass per change and
 * cached per list, so a click renders its answer in the same frame.
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
  // Not deferred: the one-pass aggregation takes a few ms at 100,000 deals, and a deferred filter cost a
  // second, time-sliced render of every chart after the first.
  const filter = urlFilter.filter;
  const all = list.data?.deals;
  // The unfiltered dashboard needs no filter index; the first chart click would pay for building it.
  useEffect(() => {
    if (!all) return;
    const prepare = () => prepareFilter(all);
    if ('requestIdleCallback' in window) {
      const handle = window.requestIdleCallback(prepare, { timeout: 1000 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = setTimeout(prepare, 50);
    return () => clearTimeout(handle);
  }, [all]);
  // With no filter the list itself is used, not a copy, so its aggregations are computed once and the
  // unfiltered view answers from the cache below when a cross-filter is removed.
  const deals = useMemo(
    () => (!all ? [] : isEmptyFilter(filter) ? all : filterDeals(all, filter)),
    [all, filter],
  );
  const figures = useMemo(() => {
    // A filtered list reuses the whole list's fact table, so a page opened with a filter builds that first.
    if (all && deals !== all) prepareAggregations(all);
    const services = filter.service;
    return cached(deals, `${currency}:${services?.join() ?? ''}`, () =>
      aggregateDashboard(deals, currency, {
        services,
        // The units chart keeps every service's bar beside the chosen one, as facet counts do.
        unitsDeals: services && all ? filterDeals(all, { ...filter, service: undefined }) : undefined,
        seriesFrom: all,
      }),
    );
  }, [all, deals, currency, filter]);
  // Of the whole data set, not the view: a filter does not make the data older.
  const dataAsOf = useMemo(
    () => dataAsOfLabel(all ? latestSourceDate(all) : undefined, figures.synthetic),
    [all, figures.synthetic],
  );
  const exportContext = useMemo(
    () => ({
      sources: figures.sources,
      synthetic: figures.synthetic,
      filters: describeFilter(filter),
      dataAsOf,
    }),
    [figures.sources, figures.synthetic, filter, dataAsOf],
  );
  return {
    list,
    all,
    deals,
    currency,
    setCurrency,
    urlFilter,
    ...figures,
    dataAsOf,
    exportContext,
  };
}
