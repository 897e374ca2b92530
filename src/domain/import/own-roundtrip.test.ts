import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { dealsToCsv, dealsToJson } from '../export/csv-export';
import { Deal, type DealInput } from '../model/deal-schema';
import { parseOwnCsv } from './own-csv';
import { parseOwnJson } from './own-json';
import type { ParseContext } from './types';

const seeds = (seedRecords as unknown[]).map((r) => Deal.parse(r));
const context: ParseContext = { fileName: 'deals.csv', importedAt: '2026-12-02T07:00:00.000Z' };

/** Text a spreadsheet, a CSV reader or a bidi renderer could mangle. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
      fc.constantFrom(
        '=HYPERLINK("http://evil","x")',
        '=cmd|/C calc!A0',
        '+1+1',
        '-2',
        '@SUM(A1)',
        "'=already quoted",
        '"quoted, with a comma"',
        'line one\nline two\r\nthree',
        'semi; colon | pipe [ids]',
        '\u202Eright-to-left override',
        '\u2067isolate',
        'NUL\u0000 and BS\b and C1\u0085',
        '₹ 数据 🚀 عربى',
        '  spaced  ',
        '{"json": true}',
      ),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((parts) => parts.join(' '))
  .filter((s) => s.trim().length > 0);

/** A seed deal with hostile text in every free-text field a user or a register can fill. */
const dealArbitrary = fc
  .record({
    seed: fc.constantFrom(...seeds),
    title: hostile,
    summary: hostile,
    sourceTitle: hostile,
    quote: fc.option(hostile, { nil: undefined }),
    label: hostile,
    partyName: hostile,
    note: fc.option(hostile, { nil: undefined }),
    url: fc.constantFrom(undefined, 'https://example.org/a,"b"', 'javascript:alert(1)', '=1+1'),
    synthetic: fc.boolean(),
  })
  .map(({ seed, title, summary, sourceTitle, quote, label, partyName, note, url, synthetic }): DealInput => {
    const [first, ...rest] = seed.sources;
    return {
      ...seed,
      title,
      summary,
      sources: [
        {
          ...first!,
          title: sourceTitle,
          ...(quote === undefined ? {} : { quote }),
          ...(url === undefined ? {} : { url }),
        },
        ...rest,
      ],
      milestones: seed.milestones.map((m, i) => (i === 0 ? { ...m, label } : m)),
      parties: seed.parties.map((p, i) => (i === 0 ? { ...p, name: partyName } : p)),
      figures: seed.figures.map((f, i) => (i === 0 && note !== undefined ? { ...f, note } : f)),
      ...(synthetic ? { synthetic } : {}),
    };
  });

const dealsArbitrary = fc
  .array(dealArbitrary, { minLength: 1, maxLength: 6 })
  .map((inputs) => inputs.map((input, i) => ({ ...input, id: `${input.id}-${i}` })))
  .map((inputs) =>
    inputs.flatMap((input) => {
      const result = Deal.safeParse(input);
      return result.success ? [result.data] : [];
    }),
  )
  .filter((deals) => deals.length > 0);

describe('export → import is the identity', () => {
  it('every seed comes back from the CSV and the JSON export as it was', () => {
    const csv = parseOwnCsv(dealsToCsv(seeds), 'UTF-8 with BOM', context);
    expect(csv.rejected).toEqual([]);
    expect(csv.warnings).toEqual([]);
    expect(csv.deals.map((d) => d.deal)).toEqual(seeds);
    const json = parseOwnJson(dealsToJson(seeds), 'UTF-8', context);
    expect(json.rejected).toEqual([]);
    expect(json.deals.map((d) => d.deal)).toEqual(seeds);
  });

  it('for arbitrary deals with hostile text, through the CSV export', () => {
    fc.assert(
      fc.property(dealsArbitrary, (deals) => {
        const result = parseOwnCsv(dealsToCsv(deals), 'UTF-8 with BOM', context);
        expect(result.rejected).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.deals.map((d) => d.deal)).toEqual(deals);
        expect(result.deals.map((d) => d.places[0])).toEqual(
          // One line for the header, then each row's own lines (a cell may hold line breaks).
          result.deals.map((d) => d.places[0]).toSorted((a, b) => Number(a) - Number(b)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('for arbitrary deals with hostile text, through the JSON export', () => {
    fc.assert(
      fc.property(dealsArbitrary, (deals) => {
        const result = parseOwnJson(dealsToJson(deals), 'UTF-8', context);
        expect(result.rejected).toEqual([]);
        expect(result.deals.map((d) => d.deal)).toEqual(deals);
        expect(result.deals.map((d) => d.places[0])).toEqual(deals.map((_, i) => `data[${i}]`));
      }),
      { numRuns: 150 },
    );
  });
});
