import { useDeferredValue, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useDealList } from '../../components/use-deal-list';
import { useUrlFilter } from '../../components/use-url-filter';
import { describeFilter } from '../../components/filter-chips';
import {
  byDomain,
  byKind,
  dealsByStage,
  featuredAllocationDeal,
  filterDeals,
  kpis,
  largestDeals,
  sourceSummary,
  timeline,
  unitsByService,
  valueByYear,
} from '../../domain';

export type Currency = 'USD' | 'INR';

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
  const deals = useMemo(() => (all ? filterDeals(all, filter) : []), [all, filter]);
  const shared = useMemo(
    () => ({
      kpis: kpis(deals),
      units: unitsByService(deals),
      stages: dealsByStage(deals),
      timeline: timeline(deals),
      featured: featuredAllocationDeal(deals),
      exportContext: {
        sources: sourceSummary(deals),
        synthetic: deals.some((d) => d.synthetic === true),
        filters: describeFilter(filter),
      },
    }),
    [deals, filter],
  );
  const byCurrency = useMemo(
    () => ({
      value: valueByYear(deals, currency),
      byDomain: byDomain(deals, currency),
      byKind: byKind(deals, currency),
      largest: largestDeals(deals, currency, 8),
    }),
    [deals, currency],
  );
  return {
    list,
    all,
    deals,
    currency,
    setCurrency,
    urlFilter,
    stale: filter !== urlFilter.filter,
    ...shared,
    ...byCurrency,
  };
}
