/**
 * What the user is told after an import: one sentence ("Imported 700 deals, updated 12, skipped 52"),
 * and the downloadable report of the rows that could not be imported, as RFC 4180 CSV with every
 * cell neutralised as the exporter does (a row that read `=HYPERLINK(…)` is text in the report too).
 */
import type { BatchResultBody } from '../model/api-contract';
import { neutraliseCell, toCsv } from '../export/csv-export';
import type { FilePlace, RejectedRow } from './types';

/**
 * A reason as it reads beside its place: parsers write each reason so that it stands alone ("Line 14:
 * a quoted cell opens and never closes"), and where the line is already shown in its own column, the
 * same "line 14" again in front of the reason is only noise.
 */
export function reasonBesidePlace(row: RejectedRow): string {
  if (typeof row.place !== 'number') return row.reason;
  const lead = new RegExp(`^line ${row.place}:\\s*`, 'i');
  const rest = row.reason.replace(lead, '');
  return rest === row.reason ? rest : rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** The report of rows that could not be imported: line (or JSON path), reason, and the row as read. */
export function importReportCsv(rejected: readonly RejectedRow[]): string {
  const numbers = rejected.every((r) => typeof r.place === 'number');
  const paths = rejected.length > 0 && rejected.every((r) => typeof r.place === 'string');
  const place = numbers ? 'line' : paths ? 'path' : 'line or path';
  const rows = [...rejected]
    .sort(byPlace)
    .map((r) => [String(r.place), reasonBesidePlace(r), r.raw ?? ''].map(neutraliseCell));
  return toCsv([place, 'reason', 'row'], rows);
}

function byPlace(a: RejectedRow, b: RejectedRow): number {
  if (typeof a.place === 'number' && typeof b.place === 'number') return a.place - b.place;
  if (typeof a.place === 'number') return -1;
  if (typeof b.place === 'number') return 1;
  return 0;
}

/** The report's file name: `import-report-<file name without extension>.csv`. */
export function importReportName(fileName: string): string {
  const stem =
    fileName
      .replace(/\.[^.]*$/, '')
      .replace(/[^\w.-]+/g, '-')
      .slice(0, 80) || 'file';
  return `import-report-${stem}.csv`;
}

/**
 * The rows the batch write refused (stale, id taken, invalid), in the report's terms: `places[i]` are
 * the file places of item i of the batch.
 */
export function refusedRows(
  places: readonly (readonly FilePlace[])[],
  refused: BatchResultBody['rejected'],
): RejectedRow[] {
  return refused.map(({ index, message }) => ({
    place: places[index]?.[0] ?? `item ${index + 1}`,
    reason: `not saved: ${message}`,
  }));
}

export interface ImportCounts {
  created: number;
  updated: number;
  skipped: number;
}

const deals = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'deal' : 'deals'}`;

/** "Imported 700 deals, updated 12, skipped 52": the toast's and the page's one sentence. */
export function importSummary({ created, updated, skipped }: ImportCounts): string {
  return `Imported ${deals(created)}, updated ${updated.toLocaleString('en')}, skipped ${skipped.toLocaleString('en')}`;
}
