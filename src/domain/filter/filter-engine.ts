import type { Deal } from '../model/deal-schema';
import type { DealFilter } from './filter-model';
import { indexOf, queryIndex, type FacetCounts } from './filter-index';

export { normaliseText } from './normalise-text';
export type { FacetCounts } from './filter-index';

/**
 * The deals that satisfy every part of the filter, in their original order. The list's index is built
 * on first use and reused while the same array lives: pass the same array to filter it again cheaply.
 */
export function filterDeals(deals: readonly Deal[], filter: DealFilter): Deal[] {
  return queryIndex(indexOf(deals), filter, false).deals;
}

/**
 * Filters and, in the same pass, counts each facet's values under all the *other* active filters,
 * so an option shows how many deals choosing it would give. A deal failing exactly one facet still
 * counts towards that facet's options.
 */
export function filterWithFacetCounts(
  deals: readonly Deal[],
  filter: DealFilter,
): { deals: Deal[]; counts: FacetCounts } {
  return queryIndex(indexOf(deals), filter, true);
}

/** Builds the list's index ahead of its first filter (about half a second at 100,000 deals). */
export function prepareFilter(deals: readonly Deal[]): void {
  indexOf(deals);
}
