import type { FacetKey } from '../filter/filter-model';

/**
 * Facets on which one deal can hold several values (the MQ-9B is Navy, Army and Air Force; air,
 * maritime and ISR): a figure of whole deals summed over such a facet's values counts that deal once
 * per value, so the sum can exceed the whole. The views say so wherever such a filter is set.
 */
export const MULTI_VALUED_FACETS = [
  'domain',
  'service',
  'route',
  'supplier',
  'buyer',
  'party',
] as const satisfies readonly FacetKey[];

/** The key figures, as docs/figures.md names them. */
export type KeyFigure = 'deals' | 'signedValue' | 'unitsOrdered' | 'unitsPlanned' | 'serviceShare';

/**
 * Whether summing `figure` over the values of `facet` may exceed the unfiltered figure. Units and the
 * value share under a service filter are that service's own, so services never overlap for them.
 */
export function overlapsOn(figure: KeyFigure, facet: FacetKey): boolean {
  if (!(MULTI_VALUED_FACETS as readonly string[]).includes(facet)) return false;
  if (facet !== 'service') return true;
  return figure === 'deals' || figure === 'signedValue';
}
