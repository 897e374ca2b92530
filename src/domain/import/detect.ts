/**
 * What a file is (docs/import.md, "Detecting a file"), said before anything else: "SIPRI trade
 * register, classic layout, 764 rows, data generated 13 Mar 2025, windows-1252". JSON is told apart
 * by its shape (OCDS packages by `releases` / `records`, the tracker's own export by `data` or
 * `format: "dpt-backup"`), CSV by its header (SIPRI's two layouts, searched for below their
 * preamble; the tracker's own export; anything else is a CSV that needs a column mapping). A file that
 * is none of these is an `UnreadableFile` whose message says what it does hold.
 *
 * `parseFile` is the one entry point for the import page: bytes in, a parse result (or, for a CSV of
 * unknown columns, its table for the mapping step) out.
 */
import Papa from 'papaparse';
import { formatPartialDate, parsePartialDate } from '../money-dates/partial-date';
import { readCsvTable, type CsvTable } from './csv-mapping';
import { decodeBytes } from './decode';
import { parseOcds } from './ocds';
import { isOwnCsvHeader, parseOwnCsv } from './own-csv';
import { isOwnJson, parseOwnJson } from './own-json';
import { parseSipri2025 } from './sipri-2025';
import { parseSipriClassic } from './sipri-classic';
import { CLASSIC_HEADER_START, describeSipri, LAYOUT_2025_HEADER_START, readPreamble } from './sipri-common';
import {
  UnreadableFile,
  type DetectedFile,
  type ImportFormat,
  type ParseContext,
  type ParseResult,
} from './types';

export type ParseOutcome =
  | { kind: 'parsed'; result: ParseResult }
  | { kind: 'needs-mapping'; detected: DetectedFile; table: CsvTable };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const looksLikeDeal = (value: unknown) =>
  isObject(value) && 'id' in value && 'title' in value && 'sources' in value;

/** "line 3, column 14" for a character offset. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

/** Does this prefix of a JSON text already hold an error (not merely end too early)? */
function brokenPrefix(text: string, length: number): boolean {
  try {
    JSON.parse(text.slice(0, length));
    return false;
  } catch (error) {
    const message = (error as Error).message;
    if (/end of JSON input|Unexpected end/i.test(message)) return false;
    // "… at position 8" where 8 is the prefix's length: it stops too early, nothing is wrong yet.
    const position = /position (\d+)/.exec(message);
    return !(position && Number(position[1]) >= length);
  }
}

/**
 * Where a JSON text first goes wrong: the shortest prefix that is already broken, found by halving
 * (engines' messages do not all give a position: V8 quotes the text around an unexpected token).
 */
function errorOffset(text: string): number {
  let ok = 0;
  let broken = text.length;
  if (!brokenPrefix(text, broken)) return text.length;
  while (broken - ok > 1) {
    const mid = (ok + broken) >>> 1;
    if (brokenPrefix(text, mid)) broken = mid;
    else ok = mid;
  }
  return broken - 1;
}

/** JSON.parse, with a syntax error turned into a message that names the line and column. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const what = message
      .replace(/^JSON\.parse: /, '')
      .replace(/, (?:\.\.\.)?".*$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/ at line \d+ column \d+.*$/s, '');
    throw new UnreadableFile(
      `This file is not valid JSON (${lineAndColumn(text, errorOffset(text))}): ${what}. Nothing was imported.`,
    );
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

function described(
  format: ImportFormat,
  label: string,
  encoding: string,
  rowCount: number,
  unit: string,
  extra: { publisher?: string; generated?: string; words?: string[] } = {},
): DetectedFile {
  const parts = [label, plural(rowCount, unit), ...(extra.words ?? []), encoding];
  const detected: DetectedFile = { format, label, encoding, rowCount, description: parts.join(', ') };
  if (extra.publisher) detected.publisher = extra.publisher;
  if (extra.generated) detected.generated = extra.generated;
  return detected;
}

function describeJson(value: unknown, encoding: string): DetectedFile {
  if (isObject(value) && Array.isArray(value.releases)) {
    return describeOcds(
      value,
      'ocds-release-package',
      'OCDS release package',
      value.releases.length,
      'release',
      encoding,
    );
  }
  if (isObject(value) && Array.isArray(value.records)) {
    return describeOcds(
      value,
      'ocds-record-package',
      'OCDS record package',
      value.records.length,
      'record',
      encoding,
    );
  }
  if (isOwnJson(value) && isObject(value)) {
    const backup = Array.isArray(value.deals) && !Array.isArray(value.data);
    const count = ((backup ? value.deals : value.data) as unknown[]).length;
    return described(
      'dpt-json',
      backup ? 'Backup of this tracker (JSON)' : 'Deals export of this tracker (JSON)',
      encoding,
      count,
      'deal',
    );
  }
  if (Array.isArray(value) && value.length > 0 && value.every(looksLikeDeal)) {
    return described('dpt-json', 'Deals of this tracker (JSON array)', encoding, value.length, 'deal');
  }
  throw new UnreadableFile(
    `${whatJsonHolds(value)} is not an export of this tracker or an OCDS package, so it cannot be imported.`,
  );
}

/** "A JSON object with keys a, b, c", "A JSON array of 3 items", "A JSON number". */
function whatJsonHolds(value: unknown): string {
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) return 'An empty JSON object';
    const shown = keys.slice(0, 8).join(', ');
    return `A JSON object with ${keys.length === 1 ? 'key' : 'keys'} ${shown}${keys.length > 8 ? ` and ${keys.length - 8} more` : ''}`;
  }
  if (Array.isArray(value))
    return value.length === 0
      ? 'An empty JSON array'
      : `A JSON array of ${plural(value.length, 'item')} that are not deals`;
  return `A JSON ${value === null ? 'null' : typeof value}`;
}

function describeOcds(
  pkg: Record<string, unknown>,
  format: ImportFormat,
  label: string,
  count: number,
  unit: string,
  encoding: string,
): DetectedFile {
  const publisher =
    isObject(pkg.publisher) && typeof pkg.publisher.name === 'string' ? pkg.publisher.name : undefined;
  const date = typeof pkg.publishedDate === 'string' ? pkg.publishedDate.slice(0, 10) : undefined;
  const generated = date && parsePartialDate(date) ? date : undefined;
  const words: string[] = [];
  if (publisher) words.push(`published by ${publisher}`);
  if (generated) words.push(`on ${formatPartialDate(generated)}`);
  const extra: { publisher?: string; generated?: string; words: string[] } = { words };
  if (publisher) extra.publisher = publisher;
  if (generated) extra.generated = generated;
  return described(format, label, encoding, count, unit, extra);
}

/** Non-blank lines after `offset`, not counting the first (the header): the data rows, near enough. */
function rowsAfterHeader(text: string, offset: number): number {
  let count = 0;
  let start = offset;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 13) {
        count++;
        break;
      }
    }
    start = end + 1;
  }
  return Math.max(0, count - 1);
}

function firstLine(text: string): string {
  const end = text.indexOf('\n');
  return (end === -1 ? text : text.slice(0, end)).replace(/\r$/, '');
}

/**
 * Which format the text is, and the sentence that says so. Row counts here are lines (a quoted cell
 * that spans lines counts more than once); the parser's result carries the exact count.
 */
export function detectFormat(text: string, encoding: string, fileName: string): DetectedFile {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart()[0];
  if (start === '{' || start === '[' || /\.json$/i.test(fileName))
    return describeJson(parseJson(body), encoding);

  const classic = readPreamble(body, CLASSIC_HEADER_START);
  if (classic)
    return describeSipri(
      'sipri-classic',
      encoding,
      rowsAfterHeader(body, classic.headerOffset),
      classic.generated,
    );
  const layout2025 = readPreamble(body, LAYOUT_2025_HEADER_START);
  if (layout2025) {
    return describeSipri(
      'sipri-2025',
      encoding,
      rowsAfterHeader(body, layout2025.headerOffset),
      layout2025.generated,
    );
  }

  const headerLine = firstLine(body);
  const header = Papa.parse<string[]>(headerLine).data[0] ?? [];
  const rows = rowsAfterHeader(body, 0);
  if (isOwnCsvHeader(header))
    return described('dpt-csv', 'Deals export of this tracker (CSV)', encoding, rows, 'row');
  if (header.length >= 2)
    return described('csv', 'CSV file', encoding, rows, 'row', { words: [`${header.length} columns`] });
  const shown = headerLine.length > 60 ? `${headerLine.slice(0, 60)}…` : headerLine;
  throw new UnreadableFile(
    `This file is neither JSON nor a CSV with a header row: its first line, “${shown}”, has no columns. The tracker reads SIPRI trade registers, OCDS packages, its own exports and CSV files.`,
  );
}

/** Decodes, detects and reads a file; throws UnreadableFile (nothing readable) or ImportCancelled. */
export function parseFile(bytes: Uint8Array, context: ParseContext): ParseOutcome {
  const { text, encoding } = decodeBytes(bytes);
  const detected = detectFormat(text, encoding, context.fileName);
  const parsed = (result: ParseResult): ParseOutcome => ({ kind: 'parsed', result });
  switch (detected.format) {
    case 'sipri-classic':
      return parsed(parseSipriClassic(text, encoding, context));
    case 'sipri-2025':
      return parsed(parseSipri2025(text, encoding, context));
    case 'ocds-release-package':
    case 'ocds-record-package':
      return parsed(parseOcds(text, encoding, context));
    case 'dpt-json': {
      // A bare array of deals is read as the export it would be inside `{ "data": … }`.
      const body = text.replace(/^\uFEFF/, '');
      const wrapped = body.trimStart().startsWith('[') ? `{"data":${body}}` : text;
      return parsed(parseOwnJson(wrapped, encoding, context));
    }
    case 'dpt-csv':
      return parsed(parseOwnCsv(text, encoding, context));
    case 'csv':
      return { kind: 'needs-mapping', detected, table: readCsvTable(text, context) };
  }
}
