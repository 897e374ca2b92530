import { DealFilter, FACET_KEYS, RANGE_KEYS } from '../filter/filter-model';
import { SortKey, type SortSpec } from '../filter/sort';

/** A query parameter that could not be used, and why: shown to the user or returned as a 400. */
export interface ParamProblem {
  param: string;
  value: string;
  message: string;
}

const FACET_ELEMENT = Object.fromEntries(
  FACET_KEYS.map((key) => [key, DealFilter.shape[key].def.innerType.def.element]),
);

/**
 * Reads a filter from query parameters (`?status=approved&status=completed&q=drone&yearMin=2010`).
 * A value that does not fit is left out and reported; the rest of the filter still applies.
 */
export function parseFilterParams(params: URLSearchParams): { filter: DealFilter; problems: ParamProblem[] } {
  const filter: DealFilter = {};
  const problems: ParamProblem[] = [];
  const q = params.get('q');
  if (q !== null && q.trim() !== '') filter.q = q;

  for (const key of FACET_KEYS) {
    const values = [...new Set(params.getAll(key).filter((v) => v !== ''))];
    const accepted: string[] = [];
    for (const value of values) {
      if (FACET_ELEMENT[key]!.safeParse(value).success) accepted.push(value);
      else problems.push({ param: key, value, message: `"${value}" is not a known ${key}` });
    }
    if (accepted.length > 0) (filter as Record<string, unknown>)[key] = accepted;
  }

  for (const key of RANGE_KEYS) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const value = Number(raw);
    const wholeYear = key.startsWith('year') ? Number.isInteger(value) : true;
    if (Number.isFinite(value) && wholeYear && value >= 0) filter[key] = value;
    else problems.push({ param: key, value: raw, message: `"${raw}" is not a valid ${key}` });
  }
  for (const [min, max] of [
    ['yearMin', 'yearMax'],
    ['valueMin', 'valueMax'],
  ] as const) {
    const lo = filter[min];
    const hi = filter[max];
    if (lo !== undefined && hi !== undefined && lo > hi) {
      problems.push({ param: max, value: String(hi), message: `${max} is below ${min}` });
      delete filter[max];
    }
  }
  return { filter, problems };
}

/** Writes a filter as query parameters, in a stable order so equal filters give equal URLs. */
export function filterToParams(filter: DealFilter, params = new URLSearchParams()): URLSearchParams {
  if (filter.q?.trim()) params.set('q', filter.q);
  for (const key of FACET_KEYS) for (const value of filter[key] ?? []) params.append(key, value);
  for (const key of RANGE_KEYS) {
    const value = filter[key];
    if (value !== undefined) params.set(key, String(value));
  }
  return params;
}

/** Reads `sort=value:desc,title:asc`; unknown keys or directions are reported and skipped. */
export function parseSortParam(raw: string | null): { sort: SortSpec[]; problems: ParamProblem[] } {
  const sort: SortSpec[] = [];
  const problems: ParamProblem[] = [];
  if (!raw) return { sort, problems };
  for (const part of raw.split(',')) {
    const [key = '', dir = 'asc'] = part.split(':');
    const parsedKey = SortKey.safeParse(key);
    if (!parsedKey.success || (dir !== 'asc' && dir !== 'desc')) {
      problems.push({
        param: 'sort',
        value: part,
        message: `"${part}" is not a sort order (key:asc or key:desc)`,
      });
    } else if (!sort.some((s) => s.key === parsedKey.data)) {
      sort.push({ key: parsedKey.data, desc: dir === 'desc' });
    }
  }
  return { sort, problems };
}
