import { useEffect, useMemo } from 'react';
import { replaceEqualDeep } from '@tanstack/react-query';
import { useSearchParams } from '../../components/routing';
import { useDealList } from '../../components/use-deal-list';
import { useUrlFilter } from '../../components/use-url-filter';
import { describeFilter } from '../../components/filter-chips';
import {
  aggregateDashboard,
  dataAsOfLabel,
  filterToParams,
  latestSourceDate,
  isEmptyFilter,
  readUrlPart,
  rightsLines,
  writeUrlState,
  type Currency,
  type DashboardFigures,
  type DealCollection,
  type DealFilter,
} from '../../domain';
import { reusableFigures, type FigureInputs } from '../../domain/aggregations/dashboard-patch';

export type { Currency } from '../../domain';

// Figures per version of the deal collection and per view (filter, currency), kept while that version
// is the latest: the unfiltered figures are computed once per version, so returning to them after a
// cross-filter costs nothing, and a save (a new version) recomputes only what is shown.
let figureVersion = -1;
let figureCache = new Map<string, unknown>();
function cached<T>(collection: DealCollection, key: string, compute: () => T): T {
  if (collection.version !== figureVersion) {
    figureVersion = collection.version;
    figureCache = new Map<string, unknown>();
  }
  if (!figureCache.has(key)) figureCache.set(key, compute());
  return figureCache.get(key) as T;
}

const viewKey = (filter: DealFilter, currency: string) => `${currency}?${filterToParams(filter).toString()}`;

// The figures last worked out, with the view and lists they are of. A save gives a new version of the
// same view: figures no saved field feeds are carried over (`reusableFigures`), and every figure that
// comes out equal to the last one is the last one's object (`replaceEqualDeep`), so a chart whose data
// did not change is not drawn again (the charts are memoised on their props).
let last: { key: string; inputs: FigureInputs; figures: DashboardFigures } | undefined;

function figuresOf(
  key: string,
  inputs: FigureInputs,
  compute: (reuse: Partial<DashboardFigures>) => DashboardFigures,
) {
  const reuse = last && last.key === key ? reusableFigures(last, inputs) : {};
  const fresh = compute(reuse);
  const figures = last ? replaceEqualDeep(last.figures, fresh) : fresh;
  last = { key, inputs, figures };
  return figures;
}

/**
 * The dashboard's data: the deals under the shared URL filter, aggregated in one pass per change and
 * cached per list, so a click renders its answer in the same frame.
 */
export function useDashboard() {
  const list = useDealList();
  const urlFilter = useUrlFilter();
  const [params, setParams] = useSearchParams();
  const currency = readUrlPart('currency', params).value;
  const setCurrency = (next: Currency) =>
    setParams((current) => writeUrlState({ currency: next }, current), { replace: true });
  // Not deferred: the one-pass aggregation takes a few ms at 100,000 deals, and a deferred filter cost a
  // second, time-sliced render of every chart after the first.
  const filter = urlFilter.filter;
  const { collection } = list;
  const all = collection?.deals;
  // The unfiltered dashboard needs no filter index; the first chart click would pay for building it.
  useEffect(() => {
    if (!collection) return;
    const prepare = () => void collection.index();
    if ('requestIdleCallback' in window) {
      const handle = window.requestIdleCallback(prepare, { timeout: 1000 });
      return () => window.cancelIdleCallback(handle);
    }
    const handle = setTimeout(prepare, 50);
    return () => clearTimeout(handle);
  }, [collection]);
  // With no filter the collection's list itself is used, not a copy. A filtered list is the
  // collection's query, which hands the aggregations its rows of the collection's fact table (built
  // first, so a page opened with a filter reads facts of the whole list).
  const deals = useMemo(() => {
    if (!collection) return [];
    collection.view();
    return isEmptyFilter(filter) ? collection.deals : collection.query(filter).deals;
  }, [collection, filter]);
  const figures = useMemo(() => {
    const services = filter.service;
    const key = viewKey(filter, currency);
    const compute = () => {
      const inputs: FigureInputs = {
        deals,
        // The units chart keeps every service's bar beside the chosen one, as facet counts do.
        unitsDeals:
          services && collection ? collection.query({ ...filter, service: undefined }).deals : undefined,
        seriesFrom: all,
      };
      return figuresOf(key, inputs, (reuse) =>
        aggregateDashboard(deals, currency, { services, ...inputs, reuse }),
      );
    };
    return collection ? cached(collection, key, compute) : compute();
  }, [collection, all, deals, currency, filter]);
  // Of the whole data set, not the view: a filter does not make the data older.
  const dataAsOf = useMemo(
    () => dataAsOfLabel(all ? latestSourceDate(all) : undefined, figures.synthetic),
    [all, figures.synthetic],
  );
  // A string, so the context keeps its identity while the imported data's rights do not change.
  const rights = rightsLines(figures.imported).join('; ');
  const exportContext = useMemo(
    () => ({
      sources: figures.sources,
      synthetic: figures.synthetic,
      filters: describeFilter(filter),
      dataAsOf,
      ...(rights ? { rights } : {}),
    }),
    [figures.sources, figures.synthetic, filter, dataAsOf, rights],
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
