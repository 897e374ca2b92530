import type { Deal } from '../model/deal-schema';
import type { DashboardFigures } from './dashboard';

/**
 * What each figure reads of a deal (its top-level fields): a save that changes none of them leaves the
 * figure as it was, so it is carried over instead of worked out again over every deal. A figure not
 * listed here (or a field not known here) is always worked out again; `largest` and `featured` name
 * deals, which a save replaces, so they are always worked out again too (one cheap pass each).
 */
const READS: Partial<Record<keyof DashboardFigures, readonly (keyof Deal)[]>> = {
  kpis: ['status', 'figures', 'headlineFigureId', 'quantity', 'system', 'endUser', 'origin'],
  units: ['status', 'quantity', 'system', 'endUser', 'origin'],
  stages: ['status'],
  sources: ['sources'],
  synthetic: ['synthetic'],
  timeline: ['id', 'title', 'milestones', 'figures', 'headlineFigureId'],
  value: ['id', 'title', 'milestones', 'figures', 'headlineFigureId', 'sources'],
  byDomain: ['domains', 'figures', 'headlineFigureId'],
  byKind: ['kind', 'figures', 'headlineFigureId'],
  orders: ['supplierCountries', 'tiv', 'system', 'milestones'],
  imported: ['origin'],
};

/** Past this many replaced deals, working every figure out again costs about as much as comparing. */
const MAX_CHANGED = 64;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ between two lists that hold the same number of deals, deal by deal (compared
 * by reference, one walk: a fraction of a millisecond at 100,000 deals), or undefined when the lists
 * differ otherwise (a deal added or removed, or more than `MAX_CHANGED` replaced): then nothing can
 * be carried over.
 */
export function changedFields(before: readonly Deal[], after: readonly Deal[]): Set<string> | undefined {
  if (before === after) return new Set();
  if (before.length !== after.length) return undefined;
  const fields = new Set<string>();
  let changed = 0;
  for (let i = 0; i < after.length; i++) {
    const old = before[i]!;
    const next = after[i]!;
    if (old === next) continue;
    if (++changed > MAX_CHANGED) return undefined;
    for (const key of new Set([...Object.keys(old), ...Object.keys(next)]))
      if (!same(old[key as keyof Deal], next[key as keyof Deal])) fields.add(key);
  }
  return fields;
}

/** The lists a dashboard's figures were worked out from (see `DashboardOptions`). */
export interface FigureInputs {
  deals: readonly Deal[];
  unitsDeals?: readonly Deal[] | undefined;
  seriesFrom?: readonly Deal[] | undefined;
}

/**
 * The figures of `before` that still hold for the lists of `after` (the same view, currency and
 * options, with some deals saved): those whose fields no replaced deal changed. Empty when the lists
 * cannot be compared deal by deal.
 */
export function reusableFigures(
  before: { inputs: FigureInputs; figures: DashboardFigures },
  after: FigureInputs,
): Partial<DashboardFigures> {
  const changed = new Set<string>();
  const pairs: [readonly Deal[] | undefined, readonly Deal[] | undefined][] = [
    [before.inputs.deals, after.deals],
    [before.inputs.unitsDeals, after.unitsDeals],
    [before.inputs.seriesFrom, after.seriesFrom],
  ];
  for (const [old, next] of pairs) {
    if ((old === undefined) !== (next === undefined)) return {};
    if (!old || !next) continue;
    const fields = changedFields(old, next);
    if (!fields) return {};
    for (const field of fields) changed.add(field);
  }
  const reuse: Partial<Record<keyof DashboardFigures, unknown>> = {};
  for (const [figure, reads] of Object.entries(READS) as [keyof DashboardFigures, (keyof Deal)[]][]) {
    if ([...changed].every((field) => KNOWN.has(field) && !reads.includes(field as keyof Deal)))
      reuse[figure] = before.figures[figure];
  }
  return reuse as Partial<DashboardFigures>;
}

// Fields this module knows: a change to any other (a field added to the schema later) carries nothing over.
const KNOWN = new Set<string>([
  'id',
  'title',
  'summary',
  'kind',
  'status',
  'buyerCountries',
  'supplierCountries',
  'parties',
  'routes',
  'domains',
  'system',
  'quantity',
  'endUser',
  'figures',
  'headlineFigureId',
  'milestones',
  'sources',
  'tiv',
  'origin',
  'synthetic',
]);
