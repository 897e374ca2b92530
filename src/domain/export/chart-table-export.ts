/**
 * The data behind one chart as files: the numbers of its "Show as table" (`ChartData.table`), one row
 * per category, as CSV and as an XLSX sheet. A number stays a number (raw, so a spreadsheet can add
 * it up: money in whole units of its currency); a figure that is not known stays an empty cell,
 * never 0. Each column header says what its numbers count. Below the table, after an empty row: the
 * chart, the filters, the data date, every source, and "SYNTHETIC DATA" when it is.
 *
 * Pure: the CSV goes through `csv-export.ts` (RFC 4180, BOM, formula cells neutralised); the sheet is
 * plain rows of cells that the UI hands to write-excel-file.
 */
import { formatExportDate } from './export-names';
import { neutraliseCell, toCsv } from './csv-export';
import { chartSources, type ChartData, type TableColumn } from './chart-data';
import { safeExternalUrl } from '../text/safe-url';
import { plainText } from '../text/text-safety';

/** One cell of a sheet: a number, a text, or empty (a figure not known). */
export interface SheetCell {
  value: number | string | null;
  bold?: boolean;
  /** Excel number format, for a number: `#,##0` and the like. */
  format?: string;
}

export interface ChartTable {
  header: string[];
  rows: (number | string | null)[][];
  /** Label and value pairs, written under the table. */
  about: [string, string][];
}

const MONEY_NAMES: Record<string, string> = { USD: 'US dollars', INR: 'rupees' };

/** "Signed (headline contract value in US dollars)": the column's name and what its numbers count. */
export function columnHeader(chart: ChartData, column: TableColumn): string {
  if (column.format === 'text') return column.name;
  let what: string;
  if (column.format === 'money') {
    const currency = chart.currency ?? 'USD';
    what =
      chart.valueFormat === 'money' ? chart.unit : `headline value in ${MONEY_NAMES[currency] ?? currency}`;
  } else if (/^deals$|value unknown/i.test(column.name)) {
    what = /^deals\b/.test(chart.unit) ? chart.unit : 'deals';
  } else if (/^planned/i.test(column.name)) {
    what = chart.unit.replace(/^ordered /, 'planned, not ordered, ');
  } else what = chart.unit;
  // One pair of brackets: "deals (a deal in several domains counts in each)" reads "deals; a deal …".
  what = what.replace(/\s*\(([^)]*)\)/g, '; $1');
  const name = column.name.replace(/\s*\((USD|INR)\)$/, '');
  return name.toLowerCase() === what.toLowerCase() ? name : `${name} (${what})`;
}

/** The chart's table with its header and the lines that say what, when and from whom. */
export function chartTable(chart: ChartData, exported: Date): ChartTable {
  // Synthetic data says so in the very first cell too, where whoever opens the file looks first.
  const first = chart.synthetic
    ? `${chart.categoryName} (SYNTHETIC DATA, not real deals)`
    : chart.categoryName;
  const header = [first, ...chart.table.map((c) => columnHeader(chart, c))];
  const rows = chart.categories.map((category, i) => [
    category,
    ...chart.table.map((c) => c.values[i] ?? null),
  ]);
  const about: [string, string][] = [];
  if (chart.synthetic)
    about.push(['SYNTHETIC DATA', 'generated for demos and tests; these are not real deals']);
  about.push(
    ['Chart', chart.title],
    ['Filters', chart.filters],
    ['What is counted', chart.unit + (chart.currency ? ` (${chart.currency}, no currency conversion)` : '')],
    ['Data date', chart.dataAsOf],
    ['Exported', `${formatExportDate(exported)}, Defence Procurement Tracker`],
    ['Empty cell', 'not known (never counted as zero)'],
  );
  for (const note of chart.notes) about.push(['Note', note]);
  const sources = chartSources(chart);
  if (sources.length === 0) about.push(['Sources', 'none recorded']);
  for (const s of sources) {
    const url = safeExternalUrl(s.url);
    about.push([
      'Source',
      `[${s.id}] ${s.publisher}: ${s.title}${s.date ? `, ${s.date}` : ''}${url ? ` <${url}>` : ''} (for ${s.dealTitle})`,
    ]);
  }
  return { header, rows, about };
}

const cellText = (value: number | string | null) =>
  value === null ? '' : typeof value === 'number' ? String(value) : neutraliseCell(value);

/**
 * The chart's data as RFC 4180 CSV with a UTF-8 BOM: the header, a row per category, an empty row,
 * then two-column lines saying what the table is. Every row has the same number of fields.
 */
export function chartToCsv(chart: ChartData, exported: Date): string {
  const table = chartTable(chart, exported);
  const width = Math.max(table.header.length, 2);
  const pad = (cells: string[]) => [...cells, ...Array<string>(width - cells.length).fill('')];
  const rows = [
    ...table.rows.map((r) => pad(r.map(cellText))),
    pad([]),
    ...table.about.map(([label, value]) => pad([neutraliseCell(label), neutraliseCell(value)])),
  ];
  return toCsv(pad(table.header.map(neutraliseCell)), rows);
}

const FORMATS = { count: '#,##0', money: '#,##0', text: '@' } as const;

/**
 * The chart's data as a sheet: a bold header row, a row per category with numbers as numbers
 * (grouped), empty where not known, then the lines that say what the table is. Text is plain: no
 * bidi or control characters, which an XML part may not hold; a cell of text is never run as a formula.
 */
export function chartToSheet(chart: ChartData, exported: Date): { name: string; rows: SheetCell[][] } {
  const table = chartTable(chart, exported);
  const text = (value: string, bold = false): SheetCell => ({
    value: plainText(value),
    ...(bold ? { bold } : {}),
  });
  const rows: SheetCell[][] = [
    table.header.map((h) => text(h, true)),
    ...table.rows.map((row) =>
      row.map((value, i): SheetCell => {
        if (i === 0 || typeof value === 'string') return text(String(value ?? ''));
        if (value === null) return { value: null };
        const column = chart.table[i - 1];
        return { value, format: FORMATS[column?.format ?? 'count'] };
      }),
    ),
    [],
    ...table.about.map(([label, value]) => [text(label, true), text(value)]),
  ];
  // Excel: at most 31 characters, none of : \ / ? * [ ].
  const name = plainText(chart.title)
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31);
  return { name: name || 'Chart', rows };
}
