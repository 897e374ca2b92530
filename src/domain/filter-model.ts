import { z } from 'zod';
import { DealKind, DealStatus, Domain, Route, Service, SystemCategory } from './vocabulary';

/**
 * One typed description of "which deals": the URL, the API's query string, the dashboard and the
 * table all speak it. Values within a facet are alternatives (OR); facets and ranges combine (AND).
 */
export const DealFilter = z.object({
  q: z.string().optional(),
  status: z.array(DealStatus).optional(),
  kind: z.array(DealKind).optional(),
  domain: z.array(Domain).optional(),
  service: z.array(Service).optional(),
  category: z.array(SystemCategory).optional(),
  /** System name as recorded, e.g. "MQ-9B". */
  system: z.array(z.string().min(1)).optional(),
  route: z.array(Route).optional(),
  supplier: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  buyer: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  party: z.array(z.string().min(1)).optional(),
  /** Year of signature, or of the first milestone for unsigned deals. */
  yearMin: z.number().int().optional(),
  yearMax: z.number().int().optional(),
  /** Headline value in US dollars; deals whose dollar value is unknown never match a value range. */
  valueMin: z.number().nonnegative().optional(),
  valueMax: z.number().nonnegative().optional(),
});
export type DealFilter = z.infer<typeof DealFilter>;

export const FACET_KEYS = [
  'status',
  'kind',
  'domain',
  'service',
  'category',
  'system',
  'route',
  'supplier',
  'buyer',
  'party',
] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export const RANGE_KEYS = ['yearMin', 'yearMax', 'valueMin', 'valueMax'] as const;
export type RangeKey = (typeof RANGE_KEYS)[number];

export const EMPTY_FILTER: DealFilter = {};

export function isEmptyFilter(filter: DealFilter): boolean {
  if (filter.q?.trim()) return false;
  if (FACET_KEYS.some((key) => (filter[key]?.length ?? 0) > 0)) return false;
  return RANGE_KEYS.every((key) => filter[key] === undefined);
}

/** Adds the value to the facet if absent, removes it if present: what a click on a chart bar does. */
export function toggleFacetValue(filter: DealFilter, facet: FacetKey, value: string): DealFilter {
  const current: readonly string[] = filter[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const copy: Record<string, unknown> = { ...filter };
  if (next.length === 0) delete copy[facet];
  else copy[facet] = next;
  return DealFilter.parse(copy);
}
