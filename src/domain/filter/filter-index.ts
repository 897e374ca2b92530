import type { Deal } from '../model/deal-schema';
import { dealYear, serviceFacetValues } from '../model/deal-facts';
import { dataOriginOf } from '../model/data-origin';
import { FACET_KEYS, type DealFilter, type FacetKey } from './filter-model';
import { valueInCurrency } from '../money-dates/money';
import { compactText, normaliseText } from './normalise-text';
import { LABELS } from '../model/vocabulary';
import { editList, editRagged, editTyped, type EditMode, type RowEdit } from './row-edit';

/**
 * One facet as integers, so filtering and counting 100,000 deals walks typed arrays rather than
 * strings, Sets and Maps. Each distinct value gets a code. A facet with at most one value per row
 * keeps one code per row (-1: none), which skips an indirection in the hot loops; otherwise row i's
 * codes are `codes[offsets[i] .. offsets[i + 1]]`, de-duplicated so a row counts once per value.
 */
type FacetColumn =
  { values: string[]; single: Int32Array } | { values: string[]; offsets: Int32Array; codes: Int32Array };

/** What filtering reads of a list of deals, built once per list. */
export interface DealIndex {
  deals: readonly Deal[];
  /**
   * Each row's search fields normalised and without separators, so "MQ9B", "mq 9b" and "MQ-9B" meet.
   * A token with a letter or digit is looked for here only: wherever its plain form is in the plain
   * text, its compact form is in this (a token has no whitespace, so it lies within one field).
   * Built on the first search, or when the page is idle after the index (`prepareSearch`): the
   * dashboard's first paint needs the facets and years, not this (about 0.3 s at 100,000 deals).
   */
  compact?: string[];
  /**
   * The plain normalised text, needed only by a token with no letter or digit ("&", "-"): built on
   * the first such search, as keeping it for every list would cost about 40 MB at 200,000 deals.
   */
  text?: string[];
  /** NaN where unknown: NaN fails every comparison, so an unknown year or value never matches a range. */
  year: Float64Array;
  usd: Float64Array;
  facets: Record<FacetKey, FacetColumn>;
  /**
   * Per-row work space reused by every query: a keystroke then allocates no large buffers, whose
   * churn would otherwise bring on a full garbage collection (about 200 ms at 100,000 deals) every
   * few dozen queries. Queries run synchronously, so one set per list is enough.
   */
  scratch: { pass: Uint8Array; fails: Uint16Array; rows: Int32Array; near: Int32Array };
  /** The empty filter's counts, kept: the landing view asks for them and they are the costliest to tally. */
  allTallies?: Int32Array[];
}

function facetValues(deal: Deal, key: FacetKey): readonly string[] {
  switch (key) {
    case 'status':
      return [deal.status];
    case 'kind':
      return [deal.kind];
    case 'domain':
      return deal.domains;
    case 'service':
      return serviceFacetValues(deal);
    case 'category':
      return deal.system ? [deal.system.category] : [];
    case 'system':
      return deal.system ? [deal.system.name] : [];
    case 'route':
      return deal.routes;
    case 'supplier':
      return deal.supplierCountries;
    case 'buyer':
      return deal.buyerCountries;
    case 'party':
      return deal.parties.map((p) => p.name);
    case 'origin':
      return [dataOriginOf(deal)];
  }
}

function buildFacet(deals: readonly Deal[], key: FacetKey): FacetColumn {
  const lookup = new Map<string, number>();
  const values: string[] = [];
  const offsets = new Int32Array(deals.length + 1);
  const codes: number[] = [];
  deals.forEach((deal, i) => {
    const start = codes.length;
    for (const value of facetValues(deal, key)) {
      let code = lookup.get(value);
      if (code === undefined) {
        code = values.length;
        values.push(value);
        lookup.set(value, code);
      }
      if (codes.indexOf(code, start) === -1) codes.push(code);
    }
    offsets[i + 1] = codes.length;
  });
  if (offsets.some((end, i) => i > 0 && end - offsets[i - 1]! > 1))
    return { values, offsets, codes: Int32Array.from(codes) };
  const single = new Int32Array(deals.length).fill(-1);
  for (let row = 0; row < deals.length; row++)
    if (offsets[row + 1]! > offsets[row]!) single[row] = codes[offsets[row]!]!;
  return { values, single };
}

/** The fields a search reads, normalised. */
function searchFields(deal: Deal): string[] {
  const system = deal.system ? `${deal.system.name} ${deal.system.variant ?? ''}` : '';
  // The services a deal is tied to are searchable by name: "navy" finds the P-8I, whose summary may not say it.
  const services = serviceFacetValues(deal)
    .map((s) => LABELS.service[s])
    .join(' ');
  const parties = deal.parties.map((p) => p.name).join(' ');
  return [deal.title, system, parties, services, deal.summary, deal.id].map(normaliseText);
}

/** Search tokens, each with its compact form for the second try (empty when it has no letter or digit). */
export function searchTokens(q: string): { plain: string; compact: string }[] {
  return normaliseText(q)
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map((plain) => ({ plain, compact: compactText(plain) }));
}

export function buildIndex(deals: readonly Deal[]): DealIndex {
  const size = deals.length;
  const year = new Float64Array(size);
  const usd = new Float64Array(size);
  deals.forEach((deal, i) => {
    year[i] = dealYear(deal) ?? Number.NaN;
    usd[i] = valueInCurrency(deal, 'USD') ?? Number.NaN;
  });
  const facets = Object.fromEntries(FACET_KEYS.map((key) => [key, buildFacet(deals, key)])) as Record<
    FacetKey,
    FacetColumn
  >;
  const scratch = {
    pass: new Uint8Array(size),
    fails: new Uint16Array(size),
    rows: new Int32Array(size),
    near: new Int32Array(size),
  };
  return { deals, year, usd, facets, scratch };
}

/** A row's search text without separators; per field, so a match never spans two ("...gb" + "defence"). */
function compactRow(deal: Deal): string {
  return searchFields(deal).map(compactText).join('\n');
}

/** The index's compact search text, built now if no search has needed it yet. */
function compactOf(index: DealIndex): string[] {
  return (index.compact ??= index.deals.map(compactRow));
}

/**
 * Builds the search text once the page is idle, so that the first keystroke does not pay for it;
 * where there is no idle callback (Node, the tests), the first search builds it.
 */
export function prepareSearch(index: DealIndex): void {
  if (index.compact || typeof requestIdleCallback !== 'function') return;
  // No timeout: one that expired while the dashboard was still rendering ran this before its paint.
  requestIdleCallback(() => {
    // An index whose columns an edit handed on is no one's any more: the newer one builds its own.
    if (!retired.has(index)) compactOf(index);
  });
}

/** Each row's plain search text, as the few searches for punctuation need it. */
function plainText(deals: readonly Deal[]): string[] {
  return deals.map((deal) => searchFields(deal).join('\n'));
}

// Each active facet owns one bit of a row's failure mask in `scratch.fails`.
const MASK_BITS = Uint16Array.BYTES_PER_ELEMENT * 8;
if (FACET_KEYS.length > MASK_BITS)
  throw new Error(`${FACET_KEYS.length} facets do not fit the ${MASK_BITS}-bit failure mask`);

const indexes = new WeakMap<readonly Deal[], DealIndex>();

/** The index of this very list, built on first use and kept as long as the list lives. */
export function indexOf(deals: readonly Deal[]): DealIndex {
  let index = indexes.get(deals);
  if (!index || retired.has(index)) {
    index = buildIndex(deals);
    indexes.set(deals, index);
  }
  return index;
}

// Indexes whose columns an edit in place handed on to a newer index: no longer this list's.
const retired = new WeakSet<DealIndex>();

/** Registers an index worked out elsewhere (a deal collection's, patched per edit) as this list's. */
export function adoptIndex(deals: readonly Deal[], index: DealIndex): void {
  indexes.set(deals, index);
}

/** Marks an index whose columns now belong to a newer one: its list gets an index of its own on next use. */
export function retireIndex(index: DealIndex): void {
  retired.add(index);
}

/** The codes of one row of a facet column. */
function rowCodes(column: FacetColumn, row: number): number[] {
  if ('single' in column) {
    const code = column.single[row]!;
    return code < 0 ? [] : [code];
  }
  return Array.from(column.codes.subarray(column.offsets[row], column.offsets[row + 1]));
}

/**
 * The column with one row edited. A value not seen before is appended to the dictionary (a copy: the
 * old index keeps its own), so codes never change meaning; a value no row has any more keeps its code
 * and counts 0, which the counts leave out. A single-valued column that meets a row with two values
 * becomes a ragged one.
 */
function editFacet(
  column: FacetColumn,
  edit: RowEdit,
  rowValues: readonly string[],
  mode: EditMode,
): FacetColumn {
  let values = column.values;
  const codes: number[] = [];
  for (const value of rowValues) {
    let code = values.indexOf(value);
    if (code < 0) {
      // A copy even in place: a dictionary is small, and an older index may share it.
      if (values === column.values) values = values.slice();
      code = values.push(value) - 1;
    }
    if (!codes.includes(code)) codes.push(code);
  }
  if ('single' in column && codes.length <= 1)
    return { values, single: editTyped(column.single, edit, codes[0] ?? -1, mode) };
  let ragged = column;
  if ('single' in ragged) {
    const { single } = ragged;
    const offsets = new Int32Array(single.length + 1);
    const flat: number[] = [];
    for (let row = 0; row < single.length; row++) {
      if (single[row]! >= 0) flat.push(single[row]!);
      offsets[row + 1] = flat.length;
    }
    ragged = { values, offsets, codes: Int32Array.from(flat) };
  }
  const next = editRagged(ragged.offsets, ragged.codes, edit, codes, ragged === column ? mode : 'copy');
  return { values, offsets: next.offsets, codes: next.values };
}

/**
 * The index of the list with one row edited, worked out from this one without touching the other
 * rows: the columns are copied with the row replaced, inserted or removed (about 0.1 ms a column at
 * 100,000 deals), only the edited deal's search text is normalised, and the kept landing counts are
 * corrected by the row's old and new codes. With `copy` the old index stays valid for the old list;
 * `in-place` writes a replaced row into the old index's columns, which then belong to the new one.
 */
export function editIndex(
  index: DealIndex,
  edit: RowEdit,
  deals: readonly Deal[],
  mode: EditMode = 'copy',
): DealIndex {
  const deal = edit.op === 'delete' ? undefined : edit.deal;
  const one = deal ? buildIndex([deal]) : undefined;
  const plain = index.text && deal ? plainText([deal])[0]! : '';
  const oldCodes = edit.op === 'insert' ? [] : FACET_KEYS.map((key) => rowCodes(index.facets[key], edit.row));
  const facets = {} as Record<FacetKey, FacetColumn>;
  for (const key of FACET_KEYS)
    facets[key] = editFacet(index.facets[key], edit, deal ? facetValues(deal, key) : [], mode);
  const size = deals.length;
  const scratch =
    size === index.scratch.pass.length
      ? index.scratch
      : {
          pass: new Uint8Array(size),
          fails: new Uint16Array(size),
          rows: new Int32Array(size),
          near: new Int32Array(size),
        };
  let allTallies: Int32Array[] | undefined;
  if (index.allTallies) {
    allTallies = FACET_KEYS.map((key, slot) => {
      const kept = index.allTallies![slot]!;
      const grown = kept.length < facets[key].values.length;
      const tallies = mode === 'in-place' && !grown ? kept : new Int32Array(facets[key].values.length);
      if (tallies !== kept) tallies.set(kept);
      for (const code of oldCodes[slot] ?? []) tallies[code]!--;
      if (edit.op !== 'delete') for (const code of rowCodes(facets[key], edit.row)) tallies[code]!++;
      return tallies;
    });
  }
  return {
    deals,
    ...(index.text ? { text: editList(index.text, edit, plain, mode) } : {}),
    ...(index.compact ? { compact: editList(index.compact, edit, deal ? compactRow(deal) : '', mode) } : {}),
    year: editTyped(index.year, edit, one?.year[0] ?? Number.NaN, mode),
    usd: editTyped(index.usd, edit, one?.usd[0] ?? Number.NaN, mode),
    facets,
    scratch,
    ...(allTallies ? { allTallies } : {}),
  };
}

/**
 * Rows passing the search and the ranges, or undefined when neither is set, as every row passes.
 * Rows failing more facets than `maxFails` can neither match nor count, so they skip the costly search.
 */
function baseMatches(
  index: DealIndex,
  filter: DealFilter,
  fails: Uint16Array | undefined,
  maxFails: 0 | 1,
): Uint8Array | undefined {
  const tokens = searchTokens(filter.q ?? '');
  const { yearMin, yearMax, valueMin, valueMax } = filter;
  const byYear = yearMin !== undefined || yearMax !== undefined;
  const byValue = valueMin !== undefined || valueMax !== undefined;
  if (tokens.length === 0 && !byYear && !byValue) return undefined;
  const [y0, y1] = [yearMin ?? -Infinity, yearMax ?? Infinity];
  const [v0, v1] = [valueMin ?? -Infinity, valueMax ?? Infinity];
  const { year, usd } = index;
  const compact = tokens.some((t) => t.compact.length > 0) ? compactOf(index) : [];
  const text = tokens.some((t) => t.compact.length === 0) ? (index.text ??= plainText(index.deals)) : [];
  const pass = index.scratch.pass;
  rows: for (let row = 0; row < pass.length; row++) {
    pass[row] = 0;
    if (fails !== undefined) {
      const f = fails[row]!;
      if (maxFails === 0 ? f !== 0 : (f & (f - 1)) !== 0) continue;
    }
    if (byYear && !(year[row]! >= y0 && year[row]! <= y1)) continue;
    if (byValue && !(usd[row]! >= v0 && usd[row]! <= v1)) continue;
    for (let t = 0; t < tokens.length; t++) {
      const { plain, compact: bare } = tokens[t]!;
      if (bare.length > 0 ? compact[row]!.includes(bare) : text[row]!.includes(plain)) continue;
      continue rows;
    }
    pass[row] = 1;
  }
  return pass;
}

/** Sets `bit` in `fails` for every row with none of the selected codes. */
function markFailures(column: FacetColumn, selected: Uint8Array, bit: number, fails: Uint16Array): void {
  if ('single' in column) {
    const { single } = column;
    for (let row = 0; row < single.length; row++) {
      const code = single[row]!;
      if (code < 0 || selected[code] === 0) fails[row]! |= bit;
    }
    return;
  }
  const { offsets, codes } = column;
  for (let row = 0; row < fails.length; row++) {
    let hit = 0;
    for (let j = offsets[row]!; j < offsets[row + 1]! && hit === 0; j++) hit = selected[codes[j]!]!;
    if (hit === 0) fails[row]! |= bit;
  }
}

/** Writes into `out` the rows that pass the base and fail no facet outside `allowed`; returns how many. */
function collect(
  out: Int32Array,
  base: Uint8Array | undefined,
  fails: Uint16Array | undefined,
  allowed: number,
): number {
  const keep = ~allowed;
  let count = 0;
  for (let row = 0; row < out.length; row++)
    if ((base === undefined || base[row] === 1) && (fails === undefined || (fails[row]! & keep) === 0))
      out[count++] = row;
  return count;
}

/** `collect` visiting the rows in `order` (a permutation of them): the matches come out in that order. */
function collectInOrder(
  out: Int32Array,
  order: Int32Array,
  base: Uint8Array | undefined,
  fails: Uint16Array | undefined,
): number {
  let count = 0;
  for (let k = 0; k < order.length; k++) {
    const row = order[k]!;
    if ((base === undefined || base[row] === 1) && (fails === undefined || fails[row] === 0))
      out[count++] = row;
  }
  return count;
}

function tally(column: FacetColumn, rows: Int32Array, count: number): Int32Array {
  const tallies = new Int32Array(column.values.length);
  if ('single' in column) {
    const { single } = column;
    for (let k = 0; k < count; k++) {
      const code = single[rows[k]!]!;
      if (code >= 0) tallies[code]!++;
    }
    return tallies;
  }
  const { offsets, codes } = column;
  for (let k = 0; k < count; k++) {
    const row = rows[k]!;
    for (let j = offsets[row]!; j < offsets[row + 1]!; j++) tallies[codes[j]!]!++;
  }
  return tallies;
}

function pick(deals: readonly Deal[], rows: Int32Array, count: number, ordered: boolean): Deal[] {
  if (count === deals.length && !ordered) return deals.slice();
  const out = new Array<Deal>(count);
  for (let k = 0; k < count; k++) out[k] = deals[rows[k]!]!;
  return out;
}

function toMap(values: readonly string[], tallies: Int32Array): Map<string, number> {
  const map = new Map<string, number>();
  tallies.forEach((count, code) => {
    if (count > 0) map.set(values[code]!, count);
  });
  return map;
}

export type FacetCounts = Record<FacetKey, Map<string, number>>;

/**
 * The deals that match, in list order, and with `withCounts` each facet's counts under all the other
 * active filters: a row failing exactly one facet still counts towards that facet's options, so an
 * option shows how many deals choosing it would give. Each active facet owns a bit of a per-row
 * failure mask, so "fails none" and "fails only this one" are single integer tests.
 */
export function queryIndex(
  index: DealIndex,
  filter: DealFilter,
  withCounts: true,
): { deals: Deal[]; counts: FacetCounts };
export function queryIndex(index: DealIndex, filter: DealFilter, withCounts: false): { deals: Deal[] };
export function queryIndex(
  index: DealIndex,
  filter: DealFilter,
  withCounts: boolean,
): { deals: Deal[]; counts?: FacetCounts } {
  return queryIndexWith(index, filter, { counts: withCounts });
}

export interface QueryOptions {
  /** Count each facet's options under the other filters. */
  counts?: boolean;
  /** Visit the rows in this order (a permutation of the rows, such as a sort order): the deals come out in it. */
  order?: Int32Array | undefined;
  /** Also return the matching rows' numbers in the index, in the order of `deals`. */
  rows?: boolean;
}

export interface QueryResult {
  deals: Deal[];
  counts?: FacetCounts;
  rows?: Int32Array;
}

export function queryIndexWith(index: DealIndex, filter: DealFilter, options: QueryOptions): QueryResult {
  const withCounts = options.counts === true;
  const { facets, scratch } = index;
  const bits = new Map<FacetKey, number>();
  for (const key of FACET_KEYS) {
    const wanted = new Set<string>(filter[key] ?? []);
    if (wanted.size === 0) continue;
    if (bits.size === 0) scratch.fails.fill(0);
    const bit = 1 << bits.size;
    bits.set(key, bit);
    const selected = Uint8Array.from(facets[key].values, (value) => (wanted.has(value) ? 1 : 0));
    markFailures(facets[key], selected, bit, scratch.fails);
  }
  const fails = bits.size > 0 ? scratch.fails : undefined;
  const base = baseMatches(index, filter, fails, withCounts ? 1 : 0);
  const { rows, near } = scratch;
  const { order } = options;
  const matched = order ? collectInOrder(rows, order, base, fails) : collect(rows, base, fails, 0);
  const deals = pick(index.deals, rows, matched, order !== undefined);
  const result: QueryResult = { deals };
  if (options.rows) result.rows = rows.slice(0, matched);
  if (!withCounts) return result;
  const tallyAll = () => FACET_KEYS.map((key) => tally(facets[key], rows, matched));
  const tallies =
    base === undefined && fails === undefined
      ? (index.allTallies ??= tallyAll())
      : FACET_KEYS.map((key) => {
          const bit = bits.get(key);
          if (bit === undefined) return tally(facets[key], rows, matched);
          return tally(facets[key], near, collect(near, base, fails, bit));
        });
  result.counts = Object.fromEntries(
    FACET_KEYS.map((key, slot) => [key, toMap(facets[key].values, tallies[slot]!)]),
  ) as FacetCounts;
  return result;
}
