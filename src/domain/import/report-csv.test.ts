import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  importReportCsv,
  importReportName,
  importSummary,
  reasonBesidePlace,
  refusedRows,
} from './report-csv';

const read = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('the import report', () => {
  it('lists each row that could not be imported by line, with the reason and the row, in line order', () => {
    const csv = importReportCsv([
      { place: 40, reason: 'no supplier', raw: 'x,,"y, z"' },
      { place: 12, reason: 'year "20x4" is not a year', raw: 'India,United States,20x4' },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(read(csv)).toEqual([
      ['line', 'reason', 'row'],
      ['12', 'year "20x4" is not a year', 'India,United States,20x4'],
      ['40', 'no supplier', 'x,,"y, z"'],
    ]);
  });

  it('names JSON paths as paths, and neutralises formula-looking cells', () => {
    const csv = importReportCsv([
      { place: 'releases[3].awards[0]', reason: '=HYPERLINK("http://evil")', raw: '@SUM(A1)' },
    ]);
    expect(read(csv)).toEqual([
      ['path', 'reason', 'row'],
      ['releases[3].awards[0]', `'=HYPERLINK("http://evil")`, `'@SUM(A1)`],
    ]);
  });

  it('puts the rows the server refused under their file lines', () => {
    expect(
      refusedRows(
        [[5], [9, 10]],
        [{ index: 1, id: 'x', message: 'This deal was changed since revision 2.' }],
      ),
    ).toEqual([{ place: 9, reason: 'not saved: This deal was changed since revision 2.' }]);
  });

  it('has a file name from the imported file', () => {
    expect(importReportName('trade register (India).csv')).toBe('import-report-trade-register-India-.csv');
  });
});

describe('the import summary', () => {
  it('is one sentence with the three counts', () => {
    expect(importSummary({ created: 700, updated: 12, skipped: 52 })).toBe(
      'Imported 700 deals, updated 12, skipped 52',
    );
    expect(importSummary({ created: 1, updated: 0, skipped: 0 })).toBe(
      'Imported 1 deal, updated 0, skipped 0',
    );
    expect(importSummary({ created: 30000, updated: 0, skipped: 0 })).toBe(
      'Imported 30,000 deals, updated 0, skipped 0',
    );
  });
});

describe('a reason beside its line', () => {
  it('does not say the line twice, and keeps a reason that names another line', () => {
    expect(reasonBesidePlace({ place: 4, reason: 'line 4: supplierCountries: Required' })).toBe(
      'SupplierCountries: Required',
    );
    expect(reasonBesidePlace({ place: 14, reason: 'Line 14: a quoted cell opens and never closes' })).toBe(
      'A quoted cell opens and never closes',
    );
    expect(reasonBesidePlace({ place: 5, reason: 'line 4 has it too' })).toBe('line 4 has it too');
    expect(reasonBesidePlace({ place: 'data[3]', reason: 'line 3: x' })).toBe('line 3: x');
  });
});
