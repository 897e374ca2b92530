import { describe, expect, it, vi } from 'vitest';
import { countryName } from '../model/vocabulary';
import { decodeBytes } from './decode';
import { compositeKey } from './match-keys';
import { buildImportPlan } from './plan';
import { parseSipriClassic } from './sipri-classic';
import { sipriCountryCode } from './sipri-countries';
import { FIXTURES, fixtureBytes, fixtureRows } from './sipri-test-helpers';
import { ImportCancelled, type ParseContext } from './types';

const context: ParseContext = { fileName: FIXTURES.indiaRecipient, importedAt: '2026-12-02T08:00:00.000Z' };

function parseFixture(name: string, extra: Partial<ParseContext> = {}) {
  const { text, encoding } = decodeBytes(fixtureBytes(name));
  return parseSipriClassic(text, encoding, { ...context, fileName: name, ...extra });
}

const rowsOf = (name: string) => fixtureRows(name);
/** A classic-layout file with the real preamble and header, and these data lines. */
function classicFile(...dataLines: string[]): string {
  const { text } = decodeBytes(fixtureBytes(FIXTURES.indiaFromUs));
  const lines = text.split('\n');
  return [...lines.slice(0, 12), ...dataLines, ''].join('\n');
}

describe('the India-recipient trade register (764 rows, Windows-1252)', () => {
  const result = parseFixture(FIXTURES.indiaRecipient);
  const rows = rowsOf(FIXTURES.indiaRecipient);
  const dealByLine = new Map(result.deals.map((d) => [d.places[0], d]));

  it('says what the file is', () => {
    expect(result.detected.description).toBe(
      'SIPRI trade register, classic layout, 764 rows, data generated 13 Mar 2025, windows-1252',
    );
    expect(result.detected.generated).toBe('2025-03-13');
    expect(result.detected.rowCount).toBe(rows.length);
  });

  it('accounts for every row: each is a deal or a rejected row with its reason', () => {
    const rejectedLines = new Set(result.rejected.map((r) => r.place));
    for (const row of rows) {
      const dealt = dealByLine.has(row.line);
      expect(dealt !== rejectedLines.has(row.line), `line ${row.line}`).toBe(true);
    }
    expect(result.deals.length + result.rejected.length).toBe(764);
  });

  it('rejects exactly the rows whose countries it cannot name, and names them', () => {
    const unnamed = rows.filter(
      (row) => !sipriCountryCode(row.cells[0]!) || !sipriCountryCode(row.cells[1]!),
    );
    expect(unnamed.length).toBeGreaterThan(0);
    expect(result.rejected.map((r) => r.place)).toEqual(unnamed.map((row) => row.line));
    for (const rejected of result.rejected) {
      const row = rows.find((r) => r.line === rejected.place)!;
      expect(rejected.reason).toContain(`"${row.cells[1]}"`);
      expect(rejected.reason).toMatch(new RegExp(`^Line ${rejected.place}:`));
    }
  });

  it('gives every deal a unique id, one SIPRI source, an origin naming the file and row, and a name for each country', () => {
    expect(new Set(result.deals.map((d) => d.deal.id)).size).toBe(result.deals.length);
    for (const { deal, places } of result.deals) {
      expect(deal.sources).toHaveLength(1);
      expect(deal.sources[0]).toMatchObject({ id: 'sipri-at-db', publisher: 'SIPRI', date: '2025-03-13' });
      expect(deal.origin).toMatchObject({
        format: 'sipri-classic',
        publisher: 'SIPRI',
        file: FIXTURES.indiaRecipient,
        rows: places,
        generated: '2025-03-13',
        rights: '(c) SIPRI',
      });
      for (const code of [...deal.buyerCountries, ...deal.supplierCountries])
        expect(countryName(code)).not.toBe(code);
    }
  });

  it('keeps each comment verbatim as the quote, and makes money figures only from it (TIV is never money)', () => {
    for (const row of rows) {
      const parsed = dealByLine.get(row.line);
      if (!parsed) continue;
      const comment = row.cells[12]!;
      const { deal } = parsed;
      expect(deal.sources[0]!.quote).toBe(comment === '' ? undefined : comment);
      if (comment === '') expect(deal.figures).toEqual([]);
      for (const figure of deal.figures) {
        expect(figure.note).toMatch(/^From SIPRI's comment: "/);
        expect(comment).toContain(/"([^"]+)"/.exec(figure.note!)![1]);
      }
      // TIV stays TIV: the three columns, in millions, never a currency amount.
      const tivCells = row.cells.slice(13, 16).map((c) => (c === '' ? undefined : Number(c)));
      expect(deal.tiv?.perUnit).toBe(tivCells[0]);
      expect(deal.tiv?.delivered).toBe(tivCells[2]);
    }
  });

  it('turns a ? flag into "unconfirmed" on the field before it', () => {
    for (const row of rows) {
      const deal = dealByLine.get(row.line)?.deal;
      if (!deal) continue;
      const signature = deal.milestones.find((m) => m.kind === 'signature')!;
      expect(signature.confidence).toBe(row.cells[3] === '?' ? 'unconfirmed' : 'confirmed');
      if (deal.quantity) {
        expect(deal.quantity.confidence).toBe(row.cells[5] === '?' ? 'unconfirmed' : 'confirmed');
        expect(deal.quantity.delivered?.confidence).toBe(row.cells[9] === '?' ? 'unconfirmed' : 'confirmed');
      }
    }
    expect(rows.some((row) => row.cells[3] === '?' && dealByLine.has(row.line))).toBe(true);
  });

  it('leaves an empty "Number ordered" unknown, never 0, and reads "Number delivered" 0 as a count', () => {
    const noNumber = rows.filter((row) => row.cells[4] === '' && dealByLine.has(row.line));
    expect(noNumber.length).toBeGreaterThan(0);
    for (const row of noNumber) {
      const { deal } = dealByLine.get(row.line)!;
      expect(deal.quantity).toBeUndefined();
      expect(deal.summary).toContain('(number not given)');
      // SIPRI's order TIV is 0 there only because the number is unknown: it stays unknown too.
      expect(deal.tiv?.order).toBeUndefined();
    }
    const zeroDelivered = rows.filter(
      (row) => row.cells[8] === '0' && row.cells[4] !== '' && dealByLine.has(row.line),
    );
    for (const row of zeroDelivered) {
      const { deal } = dealByLine.get(row.line)!;
      expect(deal.quantity?.delivered?.count).toBe(0);
      expect(deal.status).toBe('contract-signed');
    }
  });

  it('says what a delivered TIV of 0 means where some were delivered', () => {
    const rowsWithNote = rows.filter(
      (row) => dealByLine.has(row.line) && row.cells[15] === '0' && row.cells[8] !== '0',
    );
    for (const row of rows) {
      const deal = dealByLine.get(row.line)?.deal;
      if (!deal) continue;
      expect(deal.summary.includes('between 0 and 0.5 million TIV'), `line ${row.line}`).toBe(
        rowsWithNote.includes(row),
      );
    }
  });

  it('reads the same deals, on the same lines, when the file has Windows line ends', () => {
    const { text, encoding } = decodeBytes(fixtureBytes(FIXTURES.indiaRecipient));
    const crlf = parseSipriClassic(text.replaceAll('\n', '\r\n'), encoding, {
      ...context,
      fileName: FIXTURES.indiaRecipient,
    });
    expect(crlf.deals).toEqual(result.deals);
    expect(crlf.rejected.map((r) => r.place)).toEqual(result.rejected.map((r) => r.place));
  });

  it('finds every deal it made when the file is read again, twins of one system and year included', () => {
    const existing = result.deals.map(({ deal }) => ({ deal, revision: 1 }));
    const plan = buildImportPlan(result, existing);
    expect(plan.added).toEqual([]);
    expect(plan.updated).toEqual([]);
    expect(plan.unchanged).toBe(result.deals.length);
    const keys = result.deals.map((d) => d.matchKeys[1]);
    expect(new Set(keys).size).toBeLessThan(keys.length); // the file does have twins
  });

  it('reads the accented Windows-1252 names as text', () => {
    expect(result.deals.some((d) => d.deal.system?.name === 'Alizé')).toBe(true);
  });

  it('derives the status from the deliveries', () => {
    for (const row of rows) {
      const deal = dealByLine.get(row.line)?.deal;
      if (!deal || row.cells[4] === '') continue;
      const ordered = Number(row.cells[4]);
      const delivered = Number(row.cells[8] || 0);
      const expected = delivered >= ordered ? 'completed' : delivered > 0 ? 'in-delivery' : 'contract-signed';
      expect(deal.status, `line ${row.line}`).toBe(expected);
    }
  });
});

describe('rows of the India-from-US file', () => {
  const result = parseFixture(FIXTURES.indiaFromUs);
  const find = (designation: string, year: string) =>
    result.deals.find((d) => d.deal.system?.name === designation && d.deal.milestones[0]?.date === year)!
      .deal;

  it('reads the C-17A order as SIPRI records it', () => {
    const deal = find('C-17A Globemaster-3', '2011');
    expect(deal.id).toBe('sipri-in-us-c-17a-globemaster-3-2011');
    expect(deal.title).toBe('C-17A Globemaster-3 for India (2011)');
    expect(deal.summary).toBe(
      'SIPRI records an order of 10 C-17A Globemaster-3 heavy transport aircraft from the United States in 2011; 10 delivered 2013–2014.',
    );
    expect(deal.status).toBe('completed');
    expect(deal.kind).toBe('purchase');
    expect(deal.system).toEqual({ name: 'C-17A Globemaster-3', category: 'transport-aircraft' });
    expect(deal.milestones.map((m) => [m.kind, m.date, m.label])).toEqual([
      ['signature', '2011', "Ordered (SIPRI's year of order)"],
      ['first-delivery', '2013', 'Deliveries in 2013'],
      ['final-delivery', '2014', 'Deliveries in 2014'],
    ]);
    // "$4.1 b deal (offsets $1.1 b)": the deal is the figure, the offsets are not.
    expect(deal.figures.map((f) => [f.currency, f.amount])).toEqual([['USD', 4.1e9]]);
    expect(deal.tiv).toEqual({ perUnit: 140, order: 1400, delivered: 1400, sourceIds: ['sipri-at-db'] });
    expect(deal.quantity).toMatchObject({ total: 10, delivered: { count: 10 } });
  });

  it('gives the MQ-9B order its rupee and dollar figures and 31 units, none delivered', () => {
    const deal = find('MQ-9 Reaper', '2024');
    expect(deal.figures.map((f) => [f.currency, f.amount])).toEqual([
      ['INR', 320e9],
      ['USD', 3.8e9],
    ]);
    expect(deal.figures.find((f) => f.id === deal.headlineFigureId)?.currency).toBe('USD');
    expect(deal.quantity).toMatchObject({ total: 31, delivered: { count: 0 } });
    expect(deal.system?.category).toBe('uav');
    // "incl assembly or production under licence" is kept in the comment, not turned into the kind.
    expect(deal.kind).toBe('purchase');
    expect(deal.sources[0]!.quote).toContain('production under licence of 21 in India');
    // Nothing delivered: SIPRI's delivered TIV of 0 is plainly 0, with no note.
    expect(deal.tiv?.delivered).toBe(0);
    expect(deal.summary).not.toContain('0.5 million TIV');
  });

  it('is in delivery when some are delivered', () => {
    expect(find('AH-64E Apache', '2020').status).toBe('in-delivery');
  });

  it('keys each deal by its id, then by supplier, recipient, system and order year', () => {
    const deal = find('C-17A Globemaster-3', '2011');
    expect(result.deals.find((d) => d.deal === deal)?.matchKeys).toEqual([
      `id:${deal.id}`,
      compositeKey(deal),
    ]);
    expect(compositeKey(deal)).toBe('deal:US|IN|c17aglobemaster3|2011');
  });
});

describe('bad rows', () => {
  const good =
    'India,United States,2011,,10,,C-17A Globemaster-3,heavy transport aircraft,10,,2013; 2014,New,,140,1400,1400';

  it('rejects a ragged row with its line and reads the rest', () => {
    const result = parseSipriClassic(
      classicFile(good, 'India,United States,2011,,10', good.replace('2011', '2012')),
      'UTF-8',
      context,
    );
    expect(result.deals).toHaveLength(2);
    expect(result.rejected).toEqual([
      expect.objectContaining({
        place: 14,
        reason: 'Line 14: 5 cells where the header has 16, so the columns cannot be matched',
      }),
    ]);
  });

  it('rejects a line whose quote never closes and reads on from the next line', () => {
    const broken =
      'India,United States,2011,,10,,"C-17A,heavy transport aircraft,10,,2013,New,,140,1400,1400';
    const result = parseSipriClassic(
      classicFile(good, broken, good.replace('2011', '2012')),
      'UTF-8',
      context,
    );
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]).toMatchObject({ place: 14 });
    expect(result.rejected[0]!.reason).toMatch(/^Line 14: a quoted cell opens and never closes/);
    expect(result.deals.map((d) => d.places[0])).toEqual([13, 15]);
    expect(result.detected.rowCount).toBe(3);
  });

  it('keeps a formula-looking cell as plain text', () => {
    const formula = '=HYPERLINK("http://x","y")';
    const row = good.replace('C-17A Globemaster-3', `"${formula.replaceAll('"', '""')}"`);
    const [parsed] = parseSipriClassic(classicFile(row), 'UTF-8', context).deals;
    expect(parsed!.deal.system?.name).toBe(formula);
    expect(parsed!.deal.title).toBe(`${formula} for India (2011)`);
  });

  it('rejects a year that is not one and a count that is not a number, naming the cell', () => {
    const result = parseSipriClassic(
      classicFile(good.replace('2011', '20x1'), good.replace(',10,,C-17A', ',ten,,C-17A')),
      'UTF-8',
      context,
    );
    expect(result.rejected.map((r) => r.reason)).toEqual([
      'Line 13: the year of order "20x1" is not a year',
      'Line 14: the number ordered "ten" is not a whole number',
    ]);
  });

  it('says that a delivered TIV of 0 with units delivered is under 0.5 million TIV', () => {
    const small = 'India,France,2019,,2,,Small system,anti-tank missile,2,,2020,New,,0.01,0,0';
    const [parsed] = parseSipriClassic(classicFile(small), 'UTF-8', context).deals;
    expect(parsed!.deal.tiv?.delivered).toBe(0);
    expect(parsed!.deal.summary).toContain(
      "SIPRI's TIV of delivered weapons is 0, which SIPRI uses for between 0 and 0.5 million TIV.",
    );
  });

  it('gives two identical orders different ids', () => {
    const ids = parseSipriClassic(classicFile(good, good), 'UTF-8', context).deals.map((d) => d.deal.id);
    expect(ids).toEqual(['sipri-in-us-c-17a-globemaster-3-2011', 'sipri-in-us-c-17a-globemaster-3-2011-2']);
  });
});

describe('progress and cancel', () => {
  it('reports progress every 500 rows and at the end', () => {
    const onProgress = vi.fn();
    parseFixture(FIXTURES.indiaRecipient, { onProgress });
    expect(onProgress).toHaveBeenCalledWith(500, expect.any(Number));
    expect(onProgress).toHaveBeenLastCalledWith(764, 764);
  });

  it('throws ImportCancelled when cancelled', () => {
    expect(() => parseFixture(FIXTURES.indiaRecipient, { cancelled: () => true })).toThrow(ImportCancelled);
    expect(() => parseFixture(FIXTURES.indiaFromUs, { cancelled: () => true })).toThrow(ImportCancelled);
  });
});
