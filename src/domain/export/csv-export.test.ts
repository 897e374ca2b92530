import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import {
  CSV_COLUMNS,
  dealsToCsv,
  dealsToJson,
  describeSource,
  FIGURE_CSV_COLUMNS,
  figuresToCsv,
  neutraliseCell,
} from './csv-export';

const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
/** The rows as objects keyed by the header, as a spreadsheet user reads them. */
const records = (csv: string) => {
  const [header, ...rows] = parse(csv);
  return rows.map(
    (r) => Object.fromEntries(header!.map((name, i) => [name, r[i]])) as Record<string, string>,
  );
};

const sources = [
  { id: 'dsca', title: 'Major arms sale notified', publisher: 'DSCA', url: 'https://dsca.mil/x' },
  { id: 'paper', title: 'Deal signed', publisher: 'A Paper', url: 'javascript:alert(1)' },
  { id: 'wire', title: 'Navy to get 15', publisher: 'Wire' },
];
const drones = () =>
  makeDeal({
    id: 'drones',
    sources,
    quantity: {
      total: 31,
      unit: 'drones',
      sourceIds: ['paper'],
      allocations: [
        { service: 'navy', count: 15, sourceIds: ['wire'] },
        { service: 'army', count: 8 },
      ],
    },
    endUser: { services: ['navy', 'army', 'air-force'], sourceIds: ['wire'] },
    figures: [
      {
        id: 'notified',
        amount: 3.99e9,
        currency: 'USD',
        kind: 'notified',
        asOf: '2024-02-01',
        sourceIds: ['dsca'],
      },
      {
        id: 'signed',
        amount: 4e9,
        currency: 'USD',
        kind: 'signed',
        approximate: true,
        asOf: '2024-10-15',
        sourceIds: ['paper', 'wire'],
      },
      {
        id: 'inr',
        amount: 32_000e7,
        currency: 'INR',
        kind: 'signed',
        asOf: '2024-10',
        confidence: 'partly-confirmed',
        sourceIds: ['paper'],
        note: '-2 crore either way',
      },
    ],
    headlineFigureId: 'signed',
  });

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

  it('writes no NUL or backspace, and no override that runs on into the next cell', () => {
    const [, row] = parse(dealsToCsv([makeDeal({ title: 'MQ\u0000-9B \u202Edrone\b', summary: 'x' })]));
    expect(row![1]).toBe('MQ-9B \u202Edrone\u202C');
    for (const control of ['\u0000', '\b']) expect(row!.join('')).not.toContain(control);
  });

  it('round-trips hostile text through the CSV library unchanged (apart from formula neutralising)', () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
      .filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), (titles) => {
        const deals = titles.map((title, i) =>
          makeDeal({
            id: `d-${i}`,
            title: `${title}, "quoted"\n${title} ₹ 数据 🚀`,
            sources: [{ id: 'src', title: `${title} | "x"`, publisher: title, url: 'https://e.org/"a,b"' }],
          }),
        );
        const rows = records(dealsToCsv(deals));
        expect(rows.map((r) => r.title)).toEqual(deals.map((d) => neutraliseCell(d.title)));
        expect(rows.map((r) => r.sources)).toEqual(deals.map((d) => describeSource(d.sources[0]!)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('CSV export: every figure, the services and the sources', () => {
  it('lists every reported figure, the headline first, with its kind, date, confidence and sources', () => {
    const [row] = records(dealsToCsv([drones()]));
    expect(row!.all_figures!.split(' | ')).toEqual([
      'about $4 billion = USD 4000000000, signed 2024-10-15, confirmed [paper, wire]',
      '$3.99 billion = USD 3990000000, notified 2024-02-01, confirmed [dsca]',
      '₹32,000 crore = INR 320000000000, signed 2024-10, partly confirmed [paper]',
    ]);
    expect(row!.headline_value).toBe('4000000000');
    expect(records(dealsToCsv([makeDeal()]))[0]!.all_figures).toBe('');
  });

  it('gives the units per service as numbers, each allocation with its own sources or the quantity’s', () => {
    const [row] = records(dealsToCsv([drones()]));
    expect(row!.units_navy).toBe('15');
    expect(row!.units_army).toBe('8');
    // The Air Force receives some of the drones, but no source gives a count: empty, not 0.
    expect(row!.units_air_force).toBe('');
    expect(row!.allocations).toBe('Navy 15 [wire]; Army 8 [paper]');
    expect(row!.receiving_services).toBe('Navy; Army; Air Force');
    expect(records(dealsToCsv([makeDeal()]))[0]!.receiving_services).toBe('');
  });

  it('names each source by id, publisher and title, with its address only when it is http(s)', () => {
    const [row] = records(dealsToCsv([drones()]));
    expect(row!.sources!.split(' | ')).toEqual([
      '[dsca] DSCA: Major arms sale notified <https://dsca.mil/x>',
      '[paper] A Paper: Deal signed',
      '[wire] Wire: Navy to get 15',
    ]);
  });

  it('writes one row per figure in the figures file, sources written out, formulas neutralised', () => {
    const csv = figuresToCsv([drones(), makeDeal({ id: 'none' })]);
    expect(parse(csv)[0]).toEqual([...FIGURE_CSV_COLUMNS]);
    const rows = records(csv);
    expect(rows.map((r) => [r.figure_id, r.headline, r.amount, r.currency])).toEqual([
      ['signed', 'yes', '4000000000', 'USD'],
      ['notified', 'no', '3990000000', 'USD'],
      ['inr', 'no', '320000000000', 'INR'],
    ]);
    expect(rows[0]!.sources).toBe('[paper] A Paper: Deal signed | [wire] Wire: Navy to get 15');
    expect(rows[2]!.note).toBe("'-2 crore either way");
    expect(csv.startsWith('\uFEFFdeal_id,')).toBe(true);
  });
});

describe('CSV export: the whole record', () => {
  const full = () =>
    makeDeal({
      ...drones(),
      summary: 'Thirty-one drones.',
      parties: [
        { name: 'General Atomics', role: 'prime-contractor', country: 'US' },
        { name: 'Indian Navy', role: 'end-user' },
      ],
      milestones: [
        {
          kind: 'first-delivery',
          date: '2029-01',
          label: 'Supply to begin',
          confidence: 'partly-confirmed',
          sourceIds: ['wire'],
          planned: { date: '2028-06', sourceIds: ['paper'] },
        },
      ],
      sources: [{ ...sources[0]!, date: '2024-02-01', quote: 'up to 31 "MQ-9B"' }, ...sources.slice(1)],
    });

  it('writes summary, parties, milestones, end user and source dates and quotes readably', () => {
    const [row] = records(dealsToCsv([full()]));
    expect(row!.summary).toBe('Thirty-one drones.');
    expect(row!.parties).toBe('General Atomics (Prime contractor, United States) | Indian Navy (End user)');
    expect(row!.milestones).toBe(
      '2029-01 First delivery: Supply to begin, partly confirmed [wire] (planned 2028-06 [paper])',
    );
    expect(row!.end_user).toBe('Navy; Army; Air Force [wire]');
    expect(row!.source_details).toBe('[dsca] 2024-02-01 “up to 31 "MQ-9B"”');
  });

  it('ends each row with the record as JSON, with bidi and C1 controls escaped', () => {
    const deal = makeDeal({ title: 'x \u202Eevil\u0085' });
    const [row] = records(dealsToCsv([deal]));
    expect(row!.record_json).not.toMatch(/[\u202e\u0085]/);
    expect(JSON.parse(row!.record_json!)).toEqual(deal);
    expect(CSV_COLUMNS.at(-1)).toBe('record_json');
  });
});

describe('JSON export', () => {
  it('is the validated records in the API envelope', () => {
    const deal = makeDeal({ id: 'x' });
    expect(JSON.parse(dealsToJson([deal]))).toEqual({ data: [deal] });
  });
});
