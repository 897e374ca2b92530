import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import type { Deal } from '../model/deal-schema';
import { filterDeals } from '../filter/filter-engine';
import { parseDeals } from '../model/parse-deals';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import { aggregateDashboard, type DashboardFigures } from './dashboard';
import { changedFields, reusableFigures, type FigureInputs } from './dashboard-patch';
import { latestSourceDate } from './data-date';

const seeds = parseDeals(seedRecords).deals;
const synthetic = generateSyntheticDeals({ size: 600 });

// Fields a save may change, each taken from another deal of the list (so the values are real ones).
const FIELDS = [
  'title',
  'status',
  'kind',
  'domains',
  'system',
  'quantity',
  'endUser',
  'figures',
  'headlineFigureId',
  'milestones',
  'sources',
  'supplierCountries',
  'tiv',
  'origin',
  'synthetic',
] as const;

type Edit =
  | { op: 'field'; at: number; field: (typeof FIELDS)[number]; from: number }
  | { op: 'amount'; at: number; add: number }
  | { op: 'swap'; at: number; from: number }
  | { op: 'remove'; at: number };

const edit = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('field' as const),
      at: fc.nat(),
      field: fc.constantFrom(...FIELDS),
      from: fc.nat(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('amount' as const),
      at: fc.nat(),
      add: fc.constantFrom(1e14, 1, -1e6),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap' as const), at: fc.nat(), from: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), at: fc.nat() }) },
);

/** The list after one save: deals replaced (new objects), or one removed. */
function applyEdits(deals: readonly Deal[], edits: readonly Edit[]): Deal[] {
  const next = deals.slice();
  for (const e of edits) {
    const at = e.at % next.length;
    const deal = next[at]!;
    if (e.op === 'remove') {
      if (next.length > 2) next.splice(at, 1);
    } else if (e.op === 'swap') next[at] = { ...next[e.from % next.length]! };
    else if (e.op === 'amount')
      next[at] = {
        ...deal,
        figures: deal.figures.map((f, i) => (i === 0 ? { ...f, amount: f.amount + e.add } : f)),
      };
    else next[at] = { ...deal, [e.field]: next[e.from % next.length]![e.field] };
  }
  return next;
}

const VIEWS = [
  { name: 'the whole list', filter: undefined },
  { name: 'a filtered view', filter: { domain: ['air'] } },
  { name: 'a service filter', filter: { service: ['navy'] } },
] as const;

describe('figures carried over a save', () => {
  for (const [name, list] of [
    ['seeds', seeds],
    ['synthetic', synthetic],
  ] as const) {
    for (const view of VIEWS) {
      it(`equal the figures worked out from scratch after random saves (${name}, ${view.name})`, () => {
        fc.assert(
          fc.property(
            fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
            fc.constantFrom('USD', 'INR'),
            (saves, currency) => {
              const inputsOf = (all: readonly Deal[]): FigureInputs => {
                const filter = view.filter ?? {};
                const deals = view.filter ? filterDeals(all, filter) : all;
                const services = 'service' in filter ? filter.service : undefined;
                return {
                  deals,
                  unitsDeals: services ? filterDeals(all, { ...filter, service: undefined }) : undefined,
                  seriesFrom: all,
                };
              };
              const figuresOf = (inputs: FigureInputs, reuse: Partial<DashboardFigures> = {}) =>
                aggregateDashboard(inputs.deals, currency, {
                  services: view.filter && 'service' in view.filter ? view.filter.service : undefined,
                  ...inputs,
                  reuse,
                });
              let all: readonly Deal[] = list;
              let last = { inputs: inputsOf(all), figures: figuresOf(inputsOf(all)) };
              for (const save of saves) {
                all = applyEdits(all, save);
                const inputs = inputsOf(all);
                const patched = figuresOf(inputs, reusableFigures(last, inputs));
                expect(patched).toEqual(figuresOf(inputs));
                last = { inputs, figures: patched };
              }
            },
          ),
          { numRuns: 40 },
        );
      });
    }
  }

  it('carries over what a change of title and value does not touch, and nothing after a removal', () => {
    const deal = synthetic[3]!;
    const saved = synthetic.slice();
    saved[3] = { ...deal, title: `saved · ${deal.title}` };
    const before = {
      inputs: { deals: synthetic, seriesFrom: synthetic },
      figures: aggregateDashboard(synthetic, 'USD'),
    };
    const reuse = reusableFigures(before, { deals: saved, seriesFrom: saved });
    expect(Object.keys(reuse).sort()).toEqual([
      'byDomain',
      'byKind',
      'imported',
      'kpis',
      'orders',
      'sources',
      'stages',
      'synthetic',
      'units',
    ]);
    expect(reuse.units).toBe(before.figures.units);
    expect(reusableFigures(before, { deals: synthetic.slice(1), seriesFrom: synthetic.slice(1) })).toEqual(
      {},
    );
  });

  it('tells which fields of which deals changed, or that the lists differ otherwise', () => {
    const copy = seeds.slice();
    copy[0] = { ...seeds[0]!, status: 'cancelled' };
    expect(changedFields(seeds, copy)).toEqual(new Set(['status']));
    expect(changedFields(seeds, seeds.slice(1))).toBeUndefined();
    expect(changedFields(seeds, seeds.slice())).toEqual(new Set());
  });
});

describe('latestSourceDate after a save', () => {
  it('equals the newest date read from every source', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(edit, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
        (saves) => {
          let all: readonly Deal[] = seeds;
          latestSourceDate(all);
          for (const save of saves) {
            all = applyEdits(all, save);
            const fresh = all
              .flatMap((d) => d.sources.flatMap((s) => (s.date ? [s.date] : [])))
              .sort()
              .at(-1);
            expect(latestSourceDate(all)).toBe(fresh);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

// Synthetic sources carry no date; the dated copy gives each deal's sources a month of its own.
const dated = synthetic.map((deal, i) => ({
  ...deal,
  sources: deal.sources.map((source) => ({ ...source, date: `20${10 + (i % 15)}-0${1 + (i % 9)}` })),
}));

describe.each([
  ['undated sources', synthetic],
  ['dated sources', dated],
])('latestSourceDate of a long list between saves (%s)', (_, deals) => {
  it('reads only the saved deal, after a one-deal list was asked for in between', () => {
    const reads = new Set<string>();
    // Each deal reports when its sources are read, so a full walk shows as every deal read.
    const watched = deals.map((deal): Deal => {
      const sources = deal.sources;
      return Object.defineProperty<Deal>({ ...deal }, 'sources', {
        get: () => (reads.add(deal.id), sources),
        enumerable: true,
      });
    });
    latestSourceDate(watched);
    const saved = { ...deals[1]!, title: `${deals[1]!.title} (edited)` };
    const after = watched.map((deal, i) => (i === 1 ? saved : deal));
    latestSourceDate([watched[0]!]); // a deal's own card, drawn between the two saves
    reads.clear();
    const fresh = deals
      .flatMap((d) => d.sources.flatMap((s) => (s.date ? [s.date] : [])))
      .sort()
      .at(-1);
    expect(latestSourceDate(after)).toBe(fresh);
    expect(reads.size).toBeLessThan(deals.length / 10);
  });
});
