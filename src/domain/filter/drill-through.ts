import type { Deal } from '../model/deal-schema';
import { filterDeals } from './filter-engine';
import type { DealFilter, FacetKey } from './filter-model';

/** What one bar of a chart stands for, as a filter: one facet value, or one year. */
export function facetBar(facet: FacetKey, value: string): DealFilter {
  return { [facet]: [value] };
}

export function yearBar(year: number): DealFilter {
  return { yearMin: year, yearMax: year };
}

/**
 * The deals behind a bar: those in view (already under the page's filter) that the bar's own filter
 * matches. Filtering the view, not the whole list with the bar's value put in place of the page's,
 * keeps a deal in two domains under "Air" when the page is filtered to "Maritime".
 */
export function dealsOfBar(visible: readonly Deal[], bar: DealFilter): Deal[] {
  return filterDeals(visible, bar);
}

// Facets where a deal has exactly one value: narrowing "Completed or In delivery" to "Completed" is
// exact. A deal can have several domains or services, so narrowing those would drop some of the view.
const ONE_VALUE_A_DEAL: readonly FacetKey[] = ['status', 'kind'];

/**
 * The page's filter narrowed to one bar, for a link to the same deals in the table; undefined where
 * the URL filter cannot say it exactly (the bar's facet already holds other values of a facet a deal
 * can have several of), so no link promises deals the table would not show.
 */
export function tableFilterOfBar(filter: DealFilter, bar: DealFilter): DealFilter | undefined {
  const next: DealFilter = { ...filter };
  for (const [key, value] of Object.entries(bar) as [keyof DealFilter, unknown][]) {
    if (key === 'yearMin' || key === 'yearMax' || key === 'valueMin' || key === 'valueMax') continue;
    if (key === 'q') return undefined;
    const values = value as string[];
    const current: readonly string[] | undefined = filter[key];
    const same = current?.length === values.length && current.every((v) => values.includes(v));
    if (current && !same && !(ONE_VALUE_A_DEAL.includes(key) && values.every((v) => current.includes(v))))
      return undefined;
    (next as Record<string, unknown>)[key] = values;
  }
  if (bar.yearMin !== undefined) next.yearMin = Math.max(bar.yearMin, filter.yearMin ?? -Infinity);
  if (bar.yearMax !== undefined) next.yearMax = Math.min(bar.yearMax, filter.yearMax ?? Infinity);
  return next;
}
