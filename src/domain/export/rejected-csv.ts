/**
 * The records the API sent that failed validation, as a file a data editor works through: one row
 * per record with its position in the API's list (`index`, from 0, as the rejection reasons count),
 * its id when it had a readable one, and why it was rejected. The same conventions as the deal
 * exports (`csv-export.ts`): RFC 4180 (CRLF, quotes doubled), a UTF-8 byte-order mark, and a cell a
 * spreadsheet would run as a formula starting with an apostrophe: an id or a reason quotes the feed.
 */
import Papa from 'papaparse';
import { neutraliseCell } from './csv-export';
import type { RejectedRecord } from '../model/parse-deals';

export const REJECTED_CSV_COLUMNS = ['index', 'id', 'reason'] as const;

export function rejectedRecordsCsv(rejected: readonly RejectedRecord[]): string {
  const rows = rejected.map((r) => [String(r.index), neutraliseCell(r.id ?? ''), neutraliseCell(r.reason)]);
  const csv = Papa.unparse(
    { fields: [...REJECTED_CSV_COLUMNS], data: rows },
    { newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"', escapeFormulae: false },
  );
  return `\uFEFF${csv}\r\n`;
}
