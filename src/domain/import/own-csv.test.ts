import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { CSV_COLUMNS, dealsToCsv } from '../export/csv-export';
import { isOwnCsvHeader, parseOwnCsv } from './own-csv';
import { ImportCancelled, UnreadableFile, type ParseContext } from './types';

const context: ParseContext = { fileName: 'deals.csv', importedAt: '2026-12-02T07:00:00.000Z' };
const parse = (csv: string) => parseOwnCsv(csv, 'UTF-8 with BOM', context);
const at = (column: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(column);

const a = makeDeal({ id: 'a', title: 'First', summary: 'Line one\nline two, "quoted"' });
const b = makeDeal({ id: 'b', title: '=HYPERLINK("http://evil")', status: 'approved' });

/** The export as rows, edited as a spreadsheet user would, and written back. */
function edit(csv: string, change: (rows: string[][]) => void): string {
  const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
  change(rows);
  return `\uFEFF${Papa.unparse(rows, { newline: '\r\n' })}\r\n`;
}

describe('the app’s CSV export read back', () => {
  it('gives back the deals, each with the file line it starts on (a cell can span lines)', () => {
    const result = parse(dealsToCsv([a, b]));
    expect(result.detected).toMatchObject({ format: 'dpt-csv', rowCount: 2 });
    expect(result.deals.map((d) => d.deal)).toEqual([a, b]);
    // Line 1 is the header; a's summary holds a line break, so b starts on line 4.
    expect(result.deals.map((d) => d.places)).toEqual([[2], [4]]);
    expect(result.deals.map((d) => d.matchKeys[0])).toEqual(['id:a', 'id:b']);
  });

  it('writes readable columns after the existing ones, the record last', () => {
    const [header] = Papa.parse<string[]>(dealsToCsv([a]).slice(1)).data;
    expect(header!.slice(-6)).toEqual([
      'summary',
      'parties',
      'milestones',
      'end_user',
      'source_details',
      'record_json',
    ]);
    expect(isOwnCsvHeader(header!)).toBe(true);
  });

  it('imports a title, status or summary edited in a spreadsheet, undoing only the exporter’s apostrophe', () => {
    const csv = edit(dealsToCsv([a, b]), (rows) => {
      rows[1]![at('title')] = 'First, renamed';
      rows[1]![at('status')] = 'Completed';
      // The exporter wrote b's title as '=HYPERLINK(…); the user typed a new formula-looking title.
      rows[2]![at('title')] = "'=SUM(1)";
      rows[2]![at('summary')] = "'Tis a summary";
    });
    const result = parse(csv);
    expect(result.rejected).toEqual([]);
    const [first, second] = result.deals.map((d) => d.deal);
    expect(first).toEqual({ ...a, title: 'First, renamed', status: 'completed' });
    expect(second!.title).toBe('=SUM(1)');
    expect(second!.summary).toBe("'Tis a summary");
    expect(result.warnings).toEqual([
      'The title was edited after the export on lines 2, 4: the edited value is read (a deal already in the tracker keeps its own unless the preview lists the change).',
      'The status was edited after the export on line 2: the edited value is read (a deal already in the tracker keeps its own unless the preview lists the change).',
      'The summary was edited after the export on line 4: the edited value is read (a deal already in the tracker keeps its own unless the preview lists the change).',
    ]);
  });

  it('says which edits it cannot read back rather than dropping them silently', () => {
    const csv = edit(dealsToCsv([a]), (rows) => {
      rows[1]![at('buyer')] = 'France';
    });
    const result = parse(csv);
    expect(result.deals[0]!.deal.buyerCountries).toEqual(['IN']);
    expect(result.warnings).toEqual([
      expect.stringMatching(/^The buyer column was edited after the export on line 2: that edit is not read/),
    ]);
  });

  it('rejects a row whose record is broken or invalid, by its line, and reads the rest', () => {
    const csv = edit(dealsToCsv([a, b, makeDeal({ id: 'c' })]), (rows) => {
      rows[2]![at('record_json')] = '{"id": "b", ';
      rows[3]![at('record_json')] = JSON.stringify({ ...makeDeal({ id: 'c' }), supplierCountries: [] });
    });
    const result = parse(csv);
    expect(result.deals.map((d) => d.deal.id)).toEqual(['a']);
    expect(result.rejected.map((r) => r.place)).toEqual([4, 5]);
    expect(result.rejected[0]!.reason).toMatch(/^line 4: the record_json cell is not valid JSON/);
    expect(result.rejected[1]!.reason).toMatch(/^line 5: supplierCountries/);
  });

  it('rejects a ragged row with its line', () => {
    const csv = dealsToCsv([a, b]).replace(/\r\n$/, '\r\nonly,three,cells\r\n');
    const result = parse(csv);
    expect(result.deals).toHaveLength(2);
    expect(result.rejected.map((r) => r.place)).toEqual([5]);
    expect(result.rejected[0]!.reason).toContain('line 5 has 3 cells, the header has');
  });

  it('reports progress every 500 rows and stops when cancelled', () => {
    const csv = dealsToCsv(Array.from({ length: 1100 }, (_, i) => makeDeal({ id: `d-${i}` })));
    const progress: [number, number][] = [];
    const result = parseOwnCsv(csv, 'UTF-8', {
      ...context,
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result.deals).toHaveLength(1100);
    // The table's reading reports characters read; the rows' reading then reports rows.
    expect(progress.filter(([, total]) => total === 1100).map(([done]) => done)).toEqual([
      0, 500, 1000, 1100,
    ]);
    expect(() => parseOwnCsv(csv, 'UTF-8', { ...context, cancelled: () => true })).toThrow(ImportCancelled);
  });

  it('refuses a CSV that is not its export, pointing to the column mapping', () => {
    expect(() => parse('Supplier,Recipient\nUnited States,India\n')).toThrow(UnreadableFile);
    expect(() => parse('Supplier,Recipient\nUnited States,India\n')).toThrow(/column mapping/);
  });
});

describe('isOwnCsvHeader', () => {
  it.each([
    ['the export’s header', [...CSV_COLUMNS], true],
    ['with the BOM left on', [`\uFEFF${CSV_COLUMNS[0]}`, ...CSV_COLUMNS.slice(1)], true],
    ['an export from before record_json', CSV_COLUMNS.slice(0, at('summary')), false],
    ['columns reordered', [...CSV_COLUMNS].reverse(), false],
    ['another file', ['Supplier', 'Recipient'], false],
  ])('%s', (_what, header, expected) => {
    expect(isOwnCsvHeader(header)).toBe(expected);
  });
});
