import { useCallback } from 'react';
import { filterDeals } from '../../domain';
import { dashboardChartData } from '../../domain/export/chart-data';
import type { Briefing } from '../../domain/export/deck-model';
import { keyFigureItems } from '../../domain/export/key-figures';
import { chartColours } from './chart-colours';
import type { useDashboard } from './use-dashboard';

/** What the deck's title slide calls the data set when the server gives it no title. */
export const DEFAULT_TITLE = 'India–US defence deals';

/**
 * Everything a briefing deck says of the dashboard's view: its charts as data (the numbers of each
 * "Show as table"), the key figures as the strip words them, and the colour of every series as the
 * screen draws it. A function, so nothing is worked out until a deck is asked for.
 */
export function useBriefing(
  d: ReturnType<typeof useDashboard>,
  title: string = DEFAULT_TITLE,
): () => Briefing {
  const { all, deals, currency, dataAsOf, exportContext, kpis, urlFilter } = d;
  const { filter } = urlFilter;
  const figures = d;
  return useCallback(() => {
    const charts = dashboardChartData({
      figures,
      deals,
      // The units chart reads the view without its service filter, as on screen.
      unitsDeals: filter.service && all ? filterDeals(all, { ...filter, service: undefined }) : undefined,
      currency,
      filters: exportContext.filters,
      dataAsOf,
    });
    return {
      title,
      filters: exportContext.filters,
      dataAsOf,
      synthetic: exportContext.synthetic,
      ...(exportContext.rights ? { rights: exportContext.rights } : {}),
      deals: deals.length,
      keyFigures: keyFigureItems(kpis, filter),
      charts,
      colours: chartColours(charts),
    };
    // `figures` is the hook's result, new each render; the figures in it change with the list and filter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [all, deals, currency, dataAsOf, exportContext, kpis, filter, title, d.units, d.value, d.timeline]);
}
