import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeDeal } from '../test/deal-fixtures';
import { CSV_COLUMNS, dealsToCsv, dealsToJson, neutraliseCell } from './csv-export';

const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('CSV export', () => {
  it('starts with a byte-order mark and a header, one row per deal, CRLF line ends', () => {
    const csv = dealsToCsv([makeDeal({ id: 'a', title: 'First' }), makeDeal({ id: 'b', title: 'Second' })]);
    expect(csv.startsWith('\uFEFFid,title,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);
    const rows = parse(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['a', 'b']);
  });

  it('keeps an unknown value empty, never 0, and writes amounts in whole units', () => {
    const unknown = makeDeal({ id: 'u' });
    const known = makeDeal({
      id: 'k',
      figures: [
        { id: 'f', amount: 32_000e7, currency: 'INR', kind: 'signed', asOf: '2024', sourceIds: ['src'] },
      ],
      headlineFigureId: 'f',
    });
    const [, u, k] = parse(dealsToCsv([unknown, known]));
    const at = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(u![at('headline_value')]).toBe('');
    expect(k![at('headline_value')]).toBe('320000000000');
    expect(k![at('currency')]).toBe('INR');
  });

  it.each(['=HYPERLINK("http://evil")', '+1+1', '-2', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises a cell that a spreadsheet would run as a formula: %j',
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
      // Titles are trimmed on validation, so a leading tab or CR cannot reach a title cell; the rest can.
      const title = makeDeal({ title: value }).title;
      const [, row] = parse(dealsToCsv([makeDeal({ title: value })]));
      expect(row![1]).toBe(neutraliseCell(title));
      expect(row![1]).not.toMatch(/^[=+\-@]/);
    },
  );

  it('round-trips hostile text through the CSV library unchanged (apart from formula neutralising)', () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (titles) => {
        const deals = titles.map((title, i) =>
          makeDeal({ id: `d-${i}`, title: `${title}, "quoted"\n${title} ₹ 数据 🚀` }),
        );
        const rows = parse(dealsToCsv(deals)).slice(1);
        expect(rows.map((r) => r[1])).toEqual(deals.map((d) => neutraliseCell(d.title)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('JSON export', () => {
  it('is the validated records in the API envelope', () => {
    const deal = makeDeal({ id: 'x' });
    expect(JSON.parse(dealsToJson([deal]))).toEqual({ data: [deal] });
  });
});
