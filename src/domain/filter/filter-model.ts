import { z } from '../model/zod';
import { DealKind, DealStatus, Domain, Route, ServiceFilterValue, SystemCategory } from '../model/vocabulary';
import { DataOrigin } from '../model/data-origin';

const CountryCode = z.string().check(z.regex(/^[A-Z]{2}$/));
const Name = z.string().check(z.minLength(1));
const Dollars = z.number().check(z.nonnegative());

/**
 * One typed description of "which deals": the URL, the API's query string, the dashboard and the
 * table all speak it. Values within a facet are alternatives (OR); facets and ranges combine (AND).
 */
export const DealFilter = z.object({
  q: z.optional(z.string()),
  status: z.optional(z.array(DealStatus)),
  kind: z.optional(z.array(DealKind)),
  domain: z.optional(z.array(Domain)),
  /** By allocation or stated end user; "unknown" for deals tied to no service. */
  service: z.optional(z.array(ServiceFilterValue)),
  category: z.optional(z.array(SystemCategory)),
  /** System name as recorded, e.g. "MQ-9B". */
  system: z.optional(z.array(Name)),
  route: z.optional(z.array(Route)),
  supplier: z.optional(z.array(CountryCode)),
  buyer: z.optional(z.array(CountryCode)),
  party: z.optional(z.array(Name)),
  /** Entered in the tracker, generated, or imported (SIPRI, OCDS, an export, another CSV). */
  origin: z.optional(z.array(DataOrigin)),
  /** Year of signature, or of the first milestone for unsigned deals. */
  yearMin: z.optional(z.int()),
  yearMax: z.optional(z.int()),
  /** Headline value in US dollars; deals whose dollar value is unknown never match a value range. */
  valueMin: z.optional(Dollars),
  valueMax: z.optional(Dollars),
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
  'origin',
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
