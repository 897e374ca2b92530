import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { headlineFigure } from '../money-dates/money';
import {
  applyMapping,
  guessMapping,
  guessValueUnit,
  mappingProblems,
  parseGenericCsv,
  readCsvTable,
} from './csv-mapping';
import { decodeBytes } from './decode';
import { ImportCancelled, UnreadableFile, type ColumnMapping, type ParseContext } from './types';

const context: ParseContext = { fileName: 'orders.csv', importedAt: '2026-12-02T07:00:00.000Z' };

const ORDERS = [
  'Deal,Seller,Recipient,Weapon designation,Weapon description,Number ordered,Value (USD m),Year of order,Notes',
  'Drones for the navy,United States,India,MQ-9B,UAV,31,3990,2024,"Signed in New Delhi, October"',
  'Engines,United States,India,F414,Engine,99,,2023-06,',
  'Patrol aircraft,USA,India,P-8I,Maritime patrol aircraft,6,"2,420",2021-05-03,',
].join('\n');

describe('readCsvTable', () => {
  it('gives the header and each row with its 1-based file line, skipping blank lines', () => {
    const table = readCsvTable('\uFEFFa,b\n1,"two\nlines"\n\n3,4\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'two\nlines'] },
      { line: 5, cells: ['3', '4'] },
    ]);
    expect(table.rejected).toEqual([]);
    expect(table.delimiter).toBe(',');
  });

  it('finds a semicolon delimiter', () => {
    const table = readCsvTable('Supplier;Buyer\nFrance;India\n');
    expect(table.delimiter).toBe(';');
    expect(table.rows[0]!.cells).toEqual(['France', 'India']);
  });

  it('rejects a ragged row and an unbalanced quote with the line and the reason', () => {
    const table = readCsvTable('a,b\n1,2\n3\n4,5,6\n7,"open\n8,9\n');
    expect(table.rows.map((r) => r.line)).toEqual([2]);
    expect(table.rejected.map((r) => r.place)).toEqual([3, 4, 5]);
    expect(table.rejected[0]!.reason).toBe(
      'line 3 has 1 cell, the header has 2: the row is ragged, so its cells cannot be matched to columns',
    );
    expect(table.rejected[0]!.raw).toBe('3');
    expect(table.rejected[2]!.reason).toMatch(
      /^line 5: Quoted field unterminated: a quote opened on this line is never closed/,
    );
  });

  it('reports rows read, with the rows in all estimated from how far in it is, and stops when cancelled', () => {
    const text = ['a,b', ...Array.from({ length: 1199 }, (_, i) => `${i},x`)].join('\n');
    const progress: [number, number][] = [];
    readCsvTable(text, { onProgress: (done, total) => progress.push([done, total]) });
    expect(progress.map(([done]) => done)).toEqual([500, 1000]);
    for (const [, total] of progress) expect(Math.abs(total - 1200)).toBeLessThan(120);
    expect(() => readCsvTable(text, { cancelled: () => true })).toThrow(ImportCancelled);
  });

  it.each([
    ['an empty file', '', /empty/],
    ['blank lines only', '\n\n  \n', /empty/],
    ['a header and no rows', 'Supplier,Buyer\n', /header \(2 columns\) and no data rows/],
  ])('refuses %s with a clear message', (_what, text, message) => {
    expect(() => readCsvTable(text)).toThrow(UnreadableFile);
    expect(() => readCsvTable(text)).toThrow(message);
  });
});

describe('guessMapping', () => {
  it('reads the usual header names', () => {
    const table = readCsvTable(ORDERS);
    expect(guessMapping(table)).toEqual({
      title: 0,
      supplier: 1,
      buyer: 2,
      system: 3,
      category: 4,
      quantity: 5,
      value: 6,
      orderYear: 7,
      summary: 8,
    });
    expect(guessValueUnit(table, guessMapping(table))).toEqual({
      scale: 1e6,
      currency: 'USD',
      kind: 'estimate',
    });
  });

  it.each([
    [
      'Vendor,Buyer country,System,Order date,Source URL,Source title',
      'France,India,Rafale,2016-09-23,https://example.org,Le Monde',
      { supplier: 0, buyer: 1, system: 2, orderYear: 3, sourceUrl: 4, sourceTitle: 5 },
    ],
    [
      'Supplier,Customer,Title,Status,Currency,Amount',
      'France,India,Rafale deal,Contract signed,EUR,7870000000',
      { supplier: 0, buyer: 1, title: 2, status: 3, currency: 4, value: 5 },
    ],
    [
      'ID,Exporter,Importer,Qty,Price',
      'r-1,France,India,36,7.87',
      { id: 0, supplier: 1, buyer: 2, quantity: 3, value: 4 },
    ],
  ])('%s', (header, row, expected) => {
    expect(guessMapping(readCsvTable(`${header}\n${row}\n`))).toEqual(expected);
  });

  it('does not take a column for the status or kind when its values are not statuses or kinds', () => {
    // SIPRI's "status" says whether the weapons were new, not the deal's stage.
    const table = readCsvTable(
      'Supplier,Recipient,Deal,status,Type\nFrance,India,X,New,Fighter\nRussia,India,Y,Second hand,Tank\n',
    );
    const mapping = guessMapping(table);
    expect(mapping.status).toBeUndefined();
    expect(mapping.kind).toBeUndefined();
    expect(
      guessMapping(readCsvTable('Supplier,Recipient,Deal,Status\nFrance,India,X,Contract signed\n')).status,
    ).toBe(3);
  });

  it('finds a year column by its values when its header says nothing', () => {
    const table = readCsvTable('Supplier,Buyer,When\nFrance,India,2016\nRussia,India,2018-02\n');
    expect(guessMapping(table).orderYear).toBe(2);
  });

  it.each([
    ['Value (USD m)', '12', { scale: 1e6, currency: 'USD' }],
    ['Price €bn', '1.5', { scale: 1e9, currency: 'EUR' }],
    ['Cost (GBP thousands)', '12', { scale: 1e3, currency: 'GBP' }],
    ['Amount', '$12', { scale: 1, currency: 'USD' }],
    ['Value', '12', { scale: 1 }],
    ['Value (INR crore)', '3,500', { scale: 1e7, currency: 'INR' }],
    ['Cost (Rs lakh)', '40', { scale: 1e5, currency: 'INR' }],
    ['Outlay (₹ lakh crore)', '1.5', { scale: 1e12, currency: 'INR' }],
  ])('reads the scale and currency of %s', (header, sample, expected) => {
    const table = readCsvTable(`${header}\n"${sample}"\n`);
    expect(guessValueUnit(table, { value: 0 })).toEqual({ kind: 'estimate', ...expected });
  });
});

describe('applyMapping', () => {
  const table = readCsvTable(ORDERS);
  const mapping = guessMapping(table);
  const result = applyMapping(table, mapping, context);

  it('builds a valid deal from each row, citing the file and its line', () => {
    expect(result.rejected).toEqual([]);
    expect(result.deals.map((d) => d.places)).toEqual([[2], [3], [4]]);
    const drones = result.deals[0]!.deal;
    expect(drones).toMatchObject({
      title: 'Drones for the navy',
      summary: 'Signed in New Delhi, October',
      supplierCountries: ['US'],
      buyerCountries: ['IN'],
      system: { name: 'MQ-9B', category: 'uav' },
      quantity: { total: 31 },
      sources: [{ id: 'csv-row', publisher: 'orders.csv', title: 'orders.csv line 2' }],
      origin: { format: 'csv', file: 'orders.csv', rows: [2], importedAt: context.importedAt },
    });
    expect(drones.milestones).toEqual([expect.objectContaining({ kind: 'signature', date: '2024' })]);
    expect(result.deals[0]!.matchKeys).toEqual(['deal:US|IN|mq9b|2024']);
    expect(result.deals[1]!.deal.system?.category).toBe('engine');
    expect(result.deals[2]!.deal.system?.category).toBe('maritime-patrol-aircraft');
  });

  it('reads values in the header’s scale as estimates, and an empty value as unknown', () => {
    expect(headlineFigure(result.deals[0]!.deal)).toMatchObject({
      amount: 3_990_000_000,
      currency: 'USD',
      kind: 'estimate',
      asOf: '2024',
    });
    expect(result.deals[1]!.deal.figures).toEqual([]);
    expect(headlineFigure(result.deals[2]!.deal)?.amount).toBe(2_420_000_000);
  });

  it('says what it assumed and what it left out', () => {
    expect(result.warnings).toEqual(['3 rows have no status: they are imported as Announced']);
  });

  it('takes the figure kind and currency the user chooses', () => {
    const chosen = applyMapping(table, mapping, context, {
      valueUnit: { scale: 1e6, currency: 'EUR', kind: 'signed' },
    });
    expect(headlineFigure(chosen.deals[0]!.deal)).toMatchObject({ currency: 'EUR', kind: 'signed' });
  });

  it.each([
    [
      'an unknown country',
      'Deal,Seller,Recipient\nX,Narnia,India\n',
      'line 2: column "Seller": "Narnia" is not a country the tracker knows',
    ],
    [
      'a quantity with words',
      'Deal,Seller,Recipient,Quantity\nX,France,India,12 aircraft\n',
      'line 2: column "Quantity": "12 aircraft" is not a whole number of units',
    ],
    [
      'a value that is no number',
      'Deal,Seller,Recipient,Value (USD m),Year\nX,France,India,about 40,2020\n',
      'line 2: column "Value (USD m)": "about 40" is not a number',
    ],
    [
      'a year that is no date',
      'Deal,Seller,Recipient,Year\nX,France,India,circa 2019\n',
      'line 2: column "Year": "circa 2019" is not a year or a date (YYYY, YYYY-MM or YYYY-MM-DD)',
    ],
    [
      'a value with no currency',
      'Deal,Seller,Recipient,Value,Year\nX,France,India,40,2020\n',
      'line 2: column "Value": "40" has no currency: map a currency column or choose the currency of the values',
    ],
    [
      'an empty buyer',
      'Deal,Seller,Recipient\nX,France,\n',
      'line 2: column "Recipient" is empty: the buyer country is required',
    ],
    [
      'no title and no system',
      'Deal,Seller,Recipient\n,France,India\n',
      'line 2: no title and no system: the title (or system) column is empty',
    ],
  ])('rejects a row with %s, naming the column and the cell', (_what, csv, reason) => {
    const t = readCsvTable(csv);
    const r = applyMapping(t, guessMapping(t), context);
    expect(r.deals).toEqual([]);
    expect(r.rejected).toEqual([expect.objectContaining({ place: 2, reason })]);
  });

  it('keeps a formula-looking cell as plain text', () => {
    const r = parseGenericCsv(
      'Deal,Seller,Recipient\n"=HYPERLINK(""http://evil"",""x"")",France,India\n',
      'UTF-8',
      context,
    );
    expect(r.deals[0]!.deal.title).toBe('=HYPERLINK("http://evil","x")');
  });

  it('uses the mapped source title and address instead of the file line', () => {
    const r = parseGenericCsv(
      'Deal,Seller,Recipient,Source,URL\nX,France,India,Le Monde,javascript:alert(1)\n',
      'UTF-8',
      context,
    );
    expect(r.deals[0]!.deal.sources).toEqual([
      { id: 'csv-row', publisher: 'orders.csv', title: 'Le Monde', url: 'javascript:alert(1)' },
    ]);
  });

  it('refuses a mapping without a title or system, supplier and buyer', () => {
    const incomplete: ColumnMapping = { supplier: 0 };
    expect(mappingProblems(incomplete)).toEqual([
      'map a column to the title or the system',
      'map a column to the buyer country',
    ]);
    expect(() => applyMapping(table, incomplete, context)).toThrow(UnreadableFile);
  });

  it('keeps the table’s own rejects, gives repeated titles their own ids, reports progress and stops when cancelled', () => {
    const rows = Array.from({ length: 1100 }, (_, i) => `Deal ${i % 3},France,India`);
    const t = readCsvTable(['Deal,Seller,Recipient', ...rows, 'ragged'].join('\n'));
    const progress: number[] = [];
    const r = applyMapping(t, guessMapping(t), { ...context, onProgress: (done) => progress.push(done) });
    expect(r.deals).toHaveLength(1100);
    expect(new Set(r.deals.map((d) => d.deal.id)).size).toBe(1100);
    expect(r.rejected.map((x) => x.place)).toEqual([1102]);
    expect(progress).toEqual([0, 500, 1000, 1100]);
    expect(() => applyMapping(t, guessMapping(t), { ...context, cancelled: () => true })).toThrow(
      ImportCancelled,
    );
  });
});

describe('a real register through the mapping step', () => {
  // SIPRI's India file with its 11-line preamble cut off: a CSV the tracker has no parser for.
  const { text } = decodeBytes(
    readFileSync(new URL('./fixtures/sipri_trade_register_india_recipient.csv', import.meta.url)),
  );
  const body = text.split('\n').slice(11).join('\n');
  const rows = Papa.parse<string[]>(body, { skipEmptyLines: true }).data.slice(1);
  const table = readCsvTable(body);
  const mapping = guessMapping(table);
  const result = applyMapping(table, mapping, context);

  it('guesses SIPRI’s columns, leaving its "status" (New, Second hand) unmapped', () => {
    const names = Object.fromEntries(Object.entries(mapping).map(([field, i]) => [field, table.header[i]]));
    expect(names).toEqual({
      supplier: 'Supplier',
      buyer: 'Recipient',
      system: 'Weapon designation',
      category: 'Weapon description',
      quantity: 'Number ordered',
      orderYear: 'Year of order',
      summary: 'Comments',
    });
  });

  it('imports every row but those whose supplier SIPRI does not know', () => {
    const unknown = rows.filter((r) => r[1] === 'unknown supplier(s)').length;
    expect(unknown).toBeGreaterThan(0);
    expect(result.deals).toHaveLength(rows.length - unknown);
    expect(result.rejected).toHaveLength(unknown);
    for (const r of result.rejected)
      expect(r.reason).toContain('"unknown supplier(s)" is not a country the tracker knows');
    // The Soviet Union is a supplier in the file: a historical state, with its own code.
    expect(result.deals.some((d) => d.deal.supplierCountries.includes('SU'))).toBe(true);
  });
});
