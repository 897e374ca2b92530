/**
 * The app's own deals CSV (`dealsToCsv`) read back (docs/import.md, "The app's own CSV and JSON").
 * The last column, `record_json`, is the record; the readable columns before it are for people. A
 * title, summary, status or kind edited in a spreadsheet after the export is imported (the cell is
 * compared with what the exporter would have written for the record, so only a real edit counts, and
 * the apostrophe the exporter put before a formula-looking value is taken off). Edits to any other
 * column cannot be read back and are reported, not imported.
 */
import { CSV_COLUMNS, csvRow, restoreCell, type CsvColumn } from '../export/csv-export';
import type { Deal, DealInput } from '../model/deal-schema';
import { parseDeal } from '../model/parse-deals';
import { DEAL_KINDS, DEAL_STATUSES, LABELS } from '../model/vocabulary';
import { readCsvTable } from './csv-mapping';
import { readOwnRecords } from './own-json';
import { ImportCancelled, UnreadableFile, type Parser, type RejectedRow } from './types';

const PROGRESS_EVERY = 500;

/** The header `dealsToCsv` writes, in its order (papaparse may leave the BOM on the first name). */
export function isOwnCsvHeader(header: readonly string[]): boolean {
  const names = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
  return names.length === CSV_COLUMNS.length && CSV_COLUMNS.every((column, i) => names[i] === column);
}

const at = (column: CsvColumn) => CSV_COLUMNS.indexOf(column);
/** The columns whose edits are imported, and how each is read back. */
const EDITABLE: { column: CsvColumn; apply: (record: DealInput, cell: string) => boolean }[] = [
  {
    column: 'title',
    apply: (record, cell) => {
      record.title = cell;
      return true;
    },
  },
  {
    column: 'summary',
    apply: (record, cell) => {
      record.summary = cell;
      return true;
    },
  },
  {
    column: 'status',
    apply: (record, cell) => {
      const status = DEAL_STATUSES.find(
        (s) => LABELS.status[s].toLowerCase() === cell.toLowerCase() || s === cell,
      );
      if (status) record.status = status;
      return status !== undefined;
    },
  },
  {
    column: 'kind',
    apply: (record, cell) => {
      const kind = DEAL_KINDS.find((k) => LABELS.kind[k].toLowerCase() === cell.toLowerCase() || k === cell);
      if (kind) record.kind = kind;
      return kind !== undefined;
    },
  },
];

export const parseOwnCsv: Parser = (text, encoding, context) => {
  // The rows' progress is reported below, where most of the time goes; reading only checks for a cancel.
  const table = readCsvTable(text, context.cancelled ? { cancelled: context.cancelled } : {}, ',');
  if (!isOwnCsvHeader(table.header)) {
    throw new UnreadableFile(
      'This CSV is not a deals export of this tracker (its header is not the export’s, ending in "record_json"): import it as any other CSV, with a column mapping.',
    );
  }
  const rejected: RejectedRow[] = [...table.rejected];
  const warnings: string[] = [];
  const edited = new Map<string, number[]>();
  const ignored = new Map<string, number[]>();
  const note = (map: Map<string, number[]>, column: string, line: number) =>
    map.set(column, [...(map.get(column) ?? []), line]);

  const records: { record: unknown; place: number; valid?: Deal }[] = [];
  table.rows.forEach(({ line, cells }, index) => {
    if (index % PROGRESS_EVERY === 0) {
      if (context.cancelled?.()) throw new ImportCancelled();
      context.onProgress?.(index, table.rows.length);
    }
    let record: unknown;
    try {
      record = JSON.parse(cells[at('record_json')] ?? '');
    } catch (error) {
      rejected.push({
        place: line,
        reason: `line ${line}: the record_json cell is not valid JSON (${(error as Error).message}); was it edited?`,
        raw: cells.join(','),
      });
      return;
    }
    const parsed = parseDeal(record);
    if (!parsed.ok) {
      // Rejected with the schema's message below.
      records.push({ record, place: line });
      return;
    }
    // Compare the row with what the exporter writes for the record; a difference is an edit.
    const original = csvRow(parsed.data);
    const input: DealInput = { ...parsed.data };
    let changed = false;
    for (const { column, apply } of EDITABLE) {
      const cell = cells[at(column)]!;
      if (cell !== original[at(column)] && apply(input, restoreCell(cell))) {
        note(edited, column, line);
        changed = true;
      }
    }
    CSV_COLUMNS.forEach((column, i) => {
      if (column === 'record_json' || EDITABLE.some((e) => e.column === column)) return;
      if (cells[i] !== original[i]) note(ignored, column, line);
    });
    // An edited record is validated again; an unedited one is the record already validated.
    records.push(changed ? { record: input, place: line } : { record, place: line, valid: parsed.data });
  });
  context.onProgress?.(table.rows.length, table.rows.length);
  // Progress was reported above; this pass only checks for a cancel.
  const { deals, rejected: invalid } = readOwnRecords(records, { ...context, onProgress: undefined });
  rejected.push(...invalid.map((r) => ({ ...r, reason: `line ${String(r.place)}: ${r.reason}` })));
  const lines = (list: number[]) =>
    `line${list.length === 1 ? '' : 's'} ${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}`;
  for (const [column, list] of edited) {
    warnings.push(
      `The ${column} was edited after the export on ${lines(list)}: the edited value is read (a deal already in the tracker keeps its own unless the preview lists the change).`,
    );
  }
  for (const [column, list] of ignored) {
    warnings.push(
      `The ${column} column was edited after the export on ${lines(list)}: that edit is not read (only title, summary, status and kind are read back; record_json holds the rest).`,
    );
  }
  const n = table.rows.length + table.rejected.length;
  return {
    detected: {
      format: 'dpt-csv',
      label: 'Defence Procurement Tracker CSV export',
      encoding,
      rowCount: n,
      description: `Defence Procurement Tracker CSV export, ${n.toLocaleString('en')} deal${n === 1 ? '' : 's'}, ${encoding}`,
    },
    deals,
    rejected: rejected.sort((a, b) => Number(a.place) - Number(b.place)),
    warnings,
  };
};
