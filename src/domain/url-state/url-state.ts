import { CONTEXT_PARAMS, type ApiContext } from '../model/api-contract';
import { FACET_KEYS, RANGE_KEYS, type DealFilter } from '../filter/filter-model';
import { formatSort, type SortSpec } from '../filter/sort';
import { parseContextParams, type ContextParamOptions } from './context-params';
import { filterToParams, parseFilterParams, parseSortParam, type ParamProblem } from './filter-params';

/*
 * Everything a link carries, in one schema: each part names its query parameters, reads them (a value
 * that does not fit is left out and reported) and writes them back in a stable order. Pages read
 * and write the URL through these, and `LINK_CARRIES` decides what each kind of link takes along.
 */

export const CURRENCIES = ['USD', 'INR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** The deals table's columns, in display order; `cols=` lists the visible ones. */
export const COLUMN_IDS = [
  'title',
  'system',
  'parties',
  'kind',
  'status',
  'quantity',
  'value',
  'signed',
  'domains',
  'route',
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];
export const DEFAULT_HIDDEN: readonly ColumnId[] = ['domains', 'route'];
export const DEFAULT_COLUMNS: readonly ColumnId[] = COLUMN_IDS.filter((c) => !DEFAULT_HIDDEN.includes(c));

/** The deal page's views; `overview` is the default and leaves no `tab` in the URL. */
export const DEAL_TABS = ['overview', 'history'] as const;
export type DealTab = (typeof DEAL_TABS)[number];

export interface UrlState {
  /** Data set and mock scenario (`dataset`, `size`, `seed`, `mock`, `mockTimes`, `delayMs`). */
  context: ApiContext;
  filter: DealFilter;
  /** `sort=value:desc,title:asc`. */
  sort: SortSpec[];
  /** Visible table columns (`cols=`); the default set leaves no parameter. */
  columns: ColumnId[];
  /** The dashboard's currency; dollars leave no parameter. */
  currency: Currency;
  /** The slide asked for, as written (`readSlideParam` checks it against the show). */
  slide: string | undefined;
  /** The deal page's tab. */
  tab: DealTab;
}
export type UrlPart = keyof UrlState;

export type UrlReadOptions = ContextParamOptions;

type Read<T> = (params: URLSearchParams, options: UrlReadOptions) => { value: T; problems: ParamProblem[] };
interface PartSchema<T> {
  /** The query parameters that make up the part. */
  params: readonly string[];
  read: Read<T>;
  /** Writes the part into `out`, which holds none of its parameters. */
  write: (value: T, out: URLSearchParams) => void;
}

const NONE: ParamProblem[] = [];
const single = (name: string, value: string | undefined, out: URLSearchParams) => {
  if (value !== undefined) out.set(name, value);
};

export function parseColumns(raw: string | null): { visible: ColumnId[]; problems: ParamProblem[] } {
  if (!raw) return { visible: [...DEFAULT_COLUMNS], problems: [] };
  const problems: ParamProblem[] = [];
  const wanted = new Set<ColumnId>(['title']);
  for (const part of raw.split(',')) {
    if ((COLUMN_IDS as readonly string[]).includes(part)) wanted.add(part as ColumnId);
    else problems.push({ param: 'cols', value: part, message: `"${part}" is not a column` });
  }
  return { visible: COLUMN_IDS.filter((c) => wanted.has(c)), problems };
}

function isDefaultColumns(columns: readonly ColumnId[]): boolean {
  return columns.length === DEFAULT_COLUMNS.length && columns.every((c) => DEFAULT_COLUMNS.includes(c));
}

export const URL_SCHEMA: { [P in UrlPart]: PartSchema<UrlState[P]> } = {
  context: {
    params: CONTEXT_PARAMS,
    read: (params, options) => {
      const { context, problems } = parseContextParams(params, options);
      return { value: context, problems };
    },
    write: (context, out) => {
      for (const name of CONTEXT_PARAMS) single(name, context[name], out);
    },
  },
  filter: {
    params: ['q', ...FACET_KEYS, ...RANGE_KEYS],
    read: (params) => {
      const { filter, problems } = parseFilterParams(params);
      return { value: filter, problems };
    },
    write: (filter, out) => void filterToParams(filter, out),
  },
  sort: {
    params: ['sort'],
    read: (params) => {
      const { sort, problems } = parseSortParam(params.get('sort'));
      return { value: sort, problems };
    },
    write: (sort, out) => single('sort', formatSort(sort) || undefined, out),
  },
  columns: {
    params: ['cols'],
    read: (params) => {
      const { visible, problems } = parseColumns(params.get('cols'));
      return { value: visible, problems };
    },
    write: (columns, out) =>
      single(
        'cols',
        isDefaultColumns(columns) ? undefined : COLUMN_IDS.filter((c) => columns.includes(c)).join(','),
        out,
      ),
  },
  // Currency, slide and tab report nothing, as before: any currency but rupees shows dollars, any tab
  // but history the overview, and the show names a slide it does not have (`readSlideParam`).
  currency: {
    params: ['currency'],
    read: (params) => ({ value: params.get('currency') === 'INR' ? 'INR' : 'USD', problems: NONE }),
    write: (currency, out) => single('currency', currency === 'USD' ? undefined : currency, out),
  },
  slide: {
    params: ['slide'],
    read: (params) => ({ value: params.get('slide') ?? undefined, problems: NONE }),
    write: (slide, out) => single('slide', slide, out),
  },
  tab: {
    params: ['tab'],
    read: (params) => ({ value: params.get('tab') === 'history' ? 'history' : 'overview', problems: NONE }),
    write: (tab, out) => single('tab', tab === 'overview' ? undefined : tab, out),
  },
};
export const URL_PARTS = Object.keys(URL_SCHEMA) as UrlPart[];

const BROWSER: UrlReadOptions = { realServer: false };

/** One part of the URL state, and what of it was ignored. */
export function readUrlPart<P extends UrlPart>(
  part: P,
  params: URLSearchParams,
  options: UrlReadOptions = BROWSER,
): { value: UrlState[P]; problems: ParamProblem[] } {
  return (URL_SCHEMA[part] as PartSchema<UrlState[P]>).read(params, options);
}

/** Everything the URL says, and every parameter that was ignored, part by part. */
export function parseUrlState(
  params: URLSearchParams,
  options: UrlReadOptions = BROWSER,
): { state: UrlState; problems: ParamProblem[] } {
  const state = {} as Record<UrlPart, unknown>;
  const problems: ParamProblem[] = [];
  for (const part of URL_PARTS) {
    const read = readUrlPart(part, params, options);
    state[part] = read.value;
    problems.push(...read.problems);
  }
  return { state: state as unknown as UrlState, problems };
}

/**
 * `base` with the given parts replaced and every other parameter kept as it was (unknown ones too).
 * A part of one parameter keeps its place; a part of several (filter, context) is written after the rest.
 */
export function writeUrlState(
  patch: Partial<UrlState>,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const patched = URL_PARTS.filter((part) => part in patch);
  const owned = new Set(patched.flatMap((part) => URL_SCHEMA[part].params));
  const next = new URLSearchParams();
  const pending: UrlPart[] = [];
  const written = new Set<UrlPart>();
  const writePart = <P extends UrlPart>(part: P) => {
    written.add(part);
    (URL_SCHEMA[part] as PartSchema<UrlState[P]>).write(patch[part] as UrlState[P], next);
  };
  for (const [name, value] of base) {
    if (!owned.has(name)) {
      next.append(name, value);
      continue;
    }
    const part = patched.find((p) => URL_SCHEMA[p].params.includes(name))!;
    if (URL_SCHEMA[part].params.length === 1 && !written.has(part)) writePart(part);
  }
  for (const part of patched) if (!written.has(part)) pending.push(part);
  for (const part of pending) writePart(part);
  return next;
}

/** What each kind of link takes from the page it is on. */
export const LINK_CARRIES = {
  /** Within the app, to a page of its own (the deal form, the data pages): the data set only. */
  context: ['context'],
  /** Main navigation: the data set and the filter, so the dashboard and the table show the same deals. */
  nav: ['context', 'filter'],
  /** A deal opened from a view (table, chart, neighbours): the whole view, so the page can step within it. */
  deal: ['context', 'filter', 'sort', 'columns', 'currency'],
  /** A chart's link to its deals in the table: the view's data set and filter (the bar's filter replaces it). */
  chart: ['context', 'filter', 'sort', 'columns'],
} as const satisfies Record<string, readonly UrlPart[]>;
export type LinkKind = keyof typeof LINK_CARRIES;

/**
 * The query string ("?…" or "") of a link of this kind from a page at `current`: the carried parts'
 * parameters as they stand (a value the target ignores is named there, as on this page), with
 * `override` written over them. The data set is carried as checked, so a bad one is not spread.
 */
export function linkSearch(
  kind: LinkKind,
  current: URLSearchParams,
  override: Partial<UrlState> = {},
  options: UrlReadOptions = BROWSER,
): string {
  const carried: readonly UrlPart[] = LINK_CARRIES[kind];
  const next = new URLSearchParams();
  for (const part of URL_PARTS) {
    if (!carried.includes(part) || part in override) continue;
    if (part === 'context') {
      URL_SCHEMA.context.write(readUrlPart('context', current, options).value, next);
      continue;
    }
    const names = URL_SCHEMA[part].params;
    for (const [name, value] of current) if (names.includes(name)) next.append(name, value);
  }
  const search = readableSearch(writeUrlState(override, next));
  return search ? `?${search}` : '';
}

/**
 * The query string with `:` and `,` left as typed (`sort=value:desc,title:asc`): both are allowed in
 * a query (RFC 3986) and read back the same, and a link a user can read is one they can edit.
 */
export function readableSearch(params: URLSearchParams): string {
  return params.toString().replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}
