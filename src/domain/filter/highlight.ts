import { searchTokens } from './filter-index';
import { normaliseText } from './normalise-text';

/** A matched span of the original text: UTF-16 offsets, `end` exclusive. */
export type MatchRange = readonly [start: number, end: number];

/** A search prepared once per query, so each highlighted cell only scans its own text. */
export type PreparedSearch = readonly { plain: string; compact: string }[];

export function prepareSearch(q: string): PreparedSearch {
  return searchTokens(q);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The text normalised as the search sees it, once with and once without separators, and for each
 * normalised character the span of the original text it came from. Normalising one code point at a
 * time keeps that map exact: NFKD and lower-casing may turn one character into several ("ﬁ" → "fi").
 */
function normalisedViews(text: string) {
  let plain = '';
  const plainFrom: number[] = [];
  const plainTo: number[] = [];
  let compact = '';
  const compactFrom: number[] = [];
  const compactTo: number[] = [];
  let at = 0;
  for (const char of text) {
    const end = at + char.length;
    for (const out of normaliseText(char)) {
      plain += out;
      for (let k = 0; k < out.length; k++) {
        plainFrom.push(at);
        plainTo.push(end);
      }
      if (LETTER_OR_DIGIT.test(out)) {
        compact += out;
        for (let k = 0; k < out.length; k++) {
          compactFrom.push(at);
          compactTo.push(end);
        }
      }
    }
    at = end;
  }
  return { plain, plainFrom, plainTo, compact, compactFrom, compactTo };
}

function occurrences(
  haystack: string,
  needle: string,
  from: number[],
  to: number[],
  into: [number, number][],
) {
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length))
    into.push([from[i]!, to[i + needle.length - 1]!]);
}

/**
 * Where the search matches `text`, as spans of the original text, sorted and merged. Matching follows
 * the domain search: case- and accent-insensitive, and a token the plain text does not contain is
 * tried again with separators ignored, so "MQ9B" marks "MQ-9B" whole.
 */
export function matchRanges(text: string, search: PreparedSearch): MatchRange[] {
  if (search.length === 0 || text.length === 0) return [];
  const views = normalisedViews(text);
  const found: [number, number][] = [];
  for (const { plain, compact } of search) {
    const before = found.length;
    occurrences(views.plain, plain, views.plainFrom, views.plainTo, found);
    if (found.length === before && compact.length > 0)
      occurrences(views.compact, compact, views.compactFrom, views.compactTo, found);
  }
  if (found.length === 0) return [];
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [found[0]!];
  for (const [start, end] of found.slice(1)) {
    const last = merged[merged.length - 1]!;
    if (start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The text cut into runs, each marked whether the search matched it: what a highlighter renders. */
export function highlightParts(text: string, search: PreparedSearch): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, search)) {
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}
