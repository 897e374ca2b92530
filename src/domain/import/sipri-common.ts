/**
 * What SIPRI's two layouts share (docs/import.md, "SIPRI"): the preamble above the header, the
 * CSV rows with their line numbers, the one source every record cites, the origin, ids and words.
 */
import Papa from 'papaparse';
import type { DealInput, Source } from '../model/deal-schema';
import { formatPartialDate, MAX_YEAR, MIN_YEAR, type PartialDate } from '../money-dates/partial-date';
import { slugify } from './slug';
import {
  ImportCancelled,
  type DetectedFile,
  type ImportFormat,
  type ParseContext,
  type RejectedRow,
} from './types';

export const SIPRI_SOURCE_ID = 'sipri-at-db';
export const SIPRI_PUBLISHER = 'SIPRI';
export const SIPRI_RIGHTS = '(c) SIPRI';
export const SIPRI_URL = 'https://www.sipri.org/databases/armstransfers';
/** The line the benchmark's generator writes into its preamble; every record of such a file is synthetic. */
export const SYNTHETIC_MARKER = 'Synthetic: generated for the benchmark';

export const SIPRI_LABELS: Record<'sipri-classic' | 'sipri-2025', string> = {
  'sipri-classic': 'SIPRI trade register, classic layout',
  'sipri-2025': 'SIPRI trade register, 2025 layout',
};

/** The first cells of each layout's header, by which the header line is found. */
export const CLASSIC_HEADER_START = ['Recipient', 'Supplier', 'Year of order'];
export const LAYOUT_2025_HEADER_START = ['SIPRI AT Database ID', 'Supplier', 'Recipient'];

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "13 Mar 2025 10:02:49 AM" → "2025-03-13"; undefined for anything else. */
export function parseGeneratedDate(value: string): PartialDate | undefined {
  const match = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})\b/.exec(value.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[2]!.toLowerCase()) + 1;
  const year = Number(match[3]);
  const day = Number(match[1]);
  if (month === 0 || year < MIN_YEAR || year > MAX_YEAR || day < 1 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Preamble {
  /** 1-based line of the header. */
  headerLine: number;
  /** Character offset where the header line starts. */
  headerOffset: number;
  /** "SIPRI Arms Transfers Database (c) SIPRI." */
  source?: string;
  generated?: PartialDate;
  synthetic: boolean;
}

/** Does this line start with these header cells (quoted or not, spaces around them ignored)? */
export function lineStartsWithCells(line: string, cells: readonly string[]): boolean {
  const found = line.split(',', cells.length).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
  return cells.every((cell, i) => found[i] === cell);
}

/**
 * Finds the header (the first line that starts with `headerStart`, within the first 200 lines) and
 * reads the "Source:" and "Data generated:" lines above it. Undefined when there is no such header.
 */
export function readPreamble(text: string, headerStart: readonly string[]): Preamble | undefined {
  let offset = 0;
  let source: string | undefined;
  let generated: PartialDate | undefined;
  let synthetic = false;
  for (let line = 1; line <= 200 && offset < text.length; line++) {
    const end = text.indexOf('\n', offset);
    const raw = text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
    if (lineStartsWithCells(raw, headerStart)) {
      const preamble: Preamble = { headerLine: line, headerOffset: offset, synthetic };
      if (source !== undefined) preamble.source = source;
      if (generated !== undefined) preamble.generated = generated;
      return preamble;
    }
    const trimmed = raw.trim();
    if (/^Source:/i.test(trimmed)) source = trimmed.replace(/^Source:\s*/i, '');
    if (/^Data generated:/i.test(trimmed))
      generated = parseGeneratedDate(trimmed.replace(/^Data generated:\s*/i, ''));
    if (trimmed === SYNTHETIC_MARKER) synthetic = true;
    if (end === -1) break;
    offset = end + 1;
  }
  return undefined;
}

export interface CsvRow {
  cells: string[];
  /** 1-based line the row starts on. */
  line: number;
}

/** How often, in rows, the parsers check `cancelled` and report progress. */
export const PROGRESS_EVERY = 500;

/**
 * The rows after the header, each with the line it starts on, read by papaparse. A row whose quotes
 * do not close is rejected with its line and reading goes on from the next line, so one stray quote
 * does not swallow the rest of the file. Blank lines are skipped. Checks `cancelled` every 500 rows;
 * progress is the parsers' to report, as they turn rows into deals (the slower half of the work).
 */
export function readRows(
  text: string,
  preamble: Preamble,
  context: Pick<ParseContext, 'cancelled'>,
  rejected: RejectedRow[],
): { header: string[]; rows: CsvRow[] } {
  const body = text.slice(preamble.headerOffset);
  const rows: CsvRow[] = [];
  let header: string[] | undefined;
  let start = 0; // offset in body where the current papaparse run began
  let startLine = preamble.headerLine;
  while (start < body.length) {
    let line = startLine;
    let consumed = 0; // offset in this run's text after the last complete row
    let brokenAt: number | undefined;
    const chunk = body.slice(start);
    Papa.parse<string[]>(chunk, {
      delimiter: ',',
      skipEmptyLines: false,
      step: (result, parser) => {
        const rowLine = line;
        const cursor = result.meta.cursor;
        const quoteError = result.errors.find(
          (e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes',
        );
        if (quoteError?.code === 'MissingQuotes') {
          brokenAt = rowLine;
          parser.abort();
          return;
        }
        line += newlinesBetween(chunk, consumed, cursor);
        consumed = cursor;
        const cells = result.data;
        if (cells.length === 1 && cells[0]!.trim() === '') return;
        if (header === undefined) {
          header = cells;
          return;
        }
        if (quoteError) {
          rejected.push({
            place: rowLine,
            reason: `Line ${rowLine}: a quote inside a cell is not doubled ("" is how CSV writes a quote), so the cells cannot be told apart`,
            raw: cells.join(','),
          });
        } else {
          rows.push({ cells, line: rowLine });
        }
        if ((rows.length + rejected.length) % PROGRESS_EVERY === 0 && context.cancelled?.()) {
          parser.abort();
          throw new ImportCancelled();
        }
      },
    });
    if (brokenAt === undefined) break;
    // Skip the line the open quote started on and read on from the next one.
    const lineStart = consumed;
    const lineEnd = chunk.indexOf('\n', lineStart);
    const rawLine = chunk.slice(lineStart, lineEnd === -1 ? chunk.length : lineEnd).replace(/\r$/, '');
    rejected.push({
      place: brokenAt,
      reason: `Line ${brokenAt}: a quoted cell opens and never closes, so this line was skipped; reading went on from the next line`,
      raw: rawLine,
    });
    if (lineEnd === -1) break;
    start += lineEnd + 1;
    startLine = brokenAt + 1;
  }
  if (context.cancelled?.()) throw new ImportCancelled();
  return { header: header ?? [], rows };
}

/** Line feeds in text[from, to), without copying it. */
function newlinesBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The source every SIPRI record cites: the database, as of the file's generation date. */
export function sipriSource(generated: PartialDate | undefined, comment: string | undefined): Source {
  const source: Source = {
    id: SIPRI_SOURCE_ID,
    publisher: SIPRI_PUBLISHER,
    title: 'SIPRI Arms Transfers Database, trade register',
    url: SIPRI_URL,
  };
  if (generated !== undefined) source.date = generated;
  if (comment !== undefined && comment.trim() !== '') source.quote = comment;
  return source;
}

export function sipriOrigin(
  format: 'sipri-classic' | 'sipri-2025',
  context: ParseContext,
  rows: number[],
  generated: PartialDate | undefined,
  externalId?: string,
): NonNullable<DealInput['origin']> {
  const origin: NonNullable<DealInput['origin']> = {
    format,
    publisher: SIPRI_PUBLISHER,
    file: context.fileName.trim() || 'unnamed file',
    rows,
    importedAt: context.importedAt,
    rights: SIPRI_RIGHTS,
  };
  if (generated !== undefined) origin.generated = generated;
  if (externalId !== undefined) origin.externalId = externalId;
  return origin;
}

/** Hands out `sipri-in-us-c-17a-globemaster-3-2011`, then `…-2011-2` for a second such row. */
export class IdAllocator {
  private readonly used = new Map<string, number>();
  next(parts: readonly string[]): string {
    const base = `sipri-${parts.map(slugify).filter(Boolean).join('-')}`.slice(0, 90).replace(/-+$/, '');
    const seen = this.used.get(base) ?? 0;
    this.used.set(base, seen + 1);
    return seen === 0 ? base : `${base}-${seen + 1}`;
  }
}

/** "the United States", "the Soviet Union", "France". */
export function countryPhrase(name: string): string {
  return /^(United |Soviet Union|Netherlands|Czech Republic|Philippines|UAE|USA)/.test(name)
    ? `the ${name}`
    : name;
}

/** "2013", "2013–2014". */
export function yearSpan(years: readonly number[]): string {
  if (years.length === 0) return '';
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : `${first}–${last}`;
}

/** A year cell: four digits within the years a record may name. */
export function parseYear(cell: string): number | undefined {
  const trimmed = cell.trim();
  if (!/^\d{4}$/.test(trimmed)) return undefined;
  const year = Number(trimmed);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : undefined;
}

/** A whole-number cell ("12", "1,200"); undefined when empty, NaN when it is not a whole number. */
export function parseCount(cell: string): number | undefined {
  const trimmed = cell.trim().replaceAll(',', '');
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** A TIV cell in millions ("7.5", "1400"); undefined when empty, NaN when not a number. */
export function parseTiv(cell: string): number | undefined {
  const trimmed = cell.trim().replaceAll(',', '');
  if (trimmed === '') return undefined;
  return /^\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** "Second hand" → "second-hand", "Second hand but modernized" → "second-hand (modernized)", "New" → "". */
export function conditionWords(status: string): string {
  const s = status.trim().toLowerCase();
  if (s === '' || s === 'new') return '';
  if (s.startsWith('second hand but modernized')) return 'second-hand (modernized)';
  if (s.startsWith('second hand')) return 'second-hand';
  return s;
}

export function describeSipri(
  format: 'sipri-classic' | 'sipri-2025',
  encoding: string,
  rowCount: number,
  generated: PartialDate | undefined,
): DetectedFile {
  const label = SIPRI_LABELS[format];
  const parts = [label, `${rowCount.toLocaleString('en')} ${rowCount === 1 ? 'row' : 'rows'}`];
  if (generated) parts.push(`data generated ${formatPartialDate(generated)}`);
  parts.push(encoding);
  const detected: DetectedFile = {
    format: format satisfies ImportFormat,
    label,
    encoding,
    rowCount,
    publisher: SIPRI_PUBLISHER,
    description: parts.join(', '),
  };
  if (generated) detected.generated = generated;
  return detected;
}
