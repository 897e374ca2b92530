import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { parseDeals } from './parse-deals';

const base = {
  id: 'mq-9b',
  title: '31 MQ-9B drones',
  summary: 'Purchase of 31 drones.',
  kind: 'purchase',
  status: 'contract-signed',
  buyerCountries: ['IN'],
  supplierCountries: ['US'],
  sources: [{ id: 'dsca', title: 'DSCA notification', publisher: 'DSCA' }],
  quantity: {
    total: 31,
    unit: 'drones',
    allocations: [
      { service: 'navy', count: 15 },
      { service: 'army', count: 8 },
      { service: 'air-force', count: 8 },
    ],
    sourceIds: ['dsca'],
  },
  figures: [
    {
      id: 'dsca-usd',
      amount: 3.99e9,
      currency: 'USD',
      kind: 'notified',
      asOf: '2024-02-01',
      sourceIds: ['dsca'],
    },
  ],
  headlineFigureId: 'dsca-usd',
  milestones: [{ kind: 'signature', date: '2024-10-15', label: 'Contract signed', sourceIds: ['dsca'] }],
};

describe('the deal schema', () => {
  it('accepts a complete record and fills in defaults', () => {
    const { deals, rejected } = parseDeals([base]);
    expect(rejected).toEqual([]);
    expect(deals[0]!.figures[0]).toMatchObject({ approximate: false, confidence: 'confirmed' });
    expect(deals[0]!.routes).toEqual([]);
  });

  it.each([
    [
      'allocations above the total',
      { quantity: { ...base.quantity, total: 30 } },
      'quantity.allocations: allocations add up to 31, more than the total of 30',
    ],
    [
      'a headline figure that is not listed',
      { headlineFigureId: 'nope' },
      'headlineFigureId: headline figure "nope"',
    ],
    [
      'figures without a headline',
      { headlineFigureId: undefined },
      'headlineFigureId: a deal with money figures must name its headline figure',
    ],
    [
      'a figure citing an unknown source',
      { figures: [{ ...base.figures[0], sourceIds: ['ghost'] }] },
      'figures[0].sourceIds[0]: cites source "ghost"',
    ],
    [
      'a figure with no source',
      { figures: [{ ...base.figures[0], sourceIds: [] }] },
      'figures[0].sourceIds: cite at least one source',
    ],
    ['a zero amount', { figures: [{ ...base.figures[0], amount: 0 }] }, 'figures[0].amount'],
    [
      'an impossible date',
      { milestones: [{ ...base.milestones[0], date: '2023-02-29' }] },
      'milestones[0].date: expected a date',
    ],
    ['a month 13', { milestones: [{ ...base.milestones[0], date: '2023-13' }] }, 'milestones[0].date'],
    ['no sources', { sources: [] }, 'sources: every deal needs at least one source'],
    ['an unknown status', { status: 'signed-ish' }, 'status:'],
    [
      'a lowercase country code',
      { buyerCountries: ['in'] },
      'buyerCountries[0]: expected an ISO 3166-1 alpha-2',
    ],
    [
      'a service listed twice',
      {
        quantity: {
          ...base.quantity,
          allocations: [
            { service: 'navy', count: 1 },
            { service: 'navy', count: 2 },
          ],
        },
      },
      'quantity.allocations[1].service: "navy" is listed twice',
    ],
  ])('rejects %s, naming the record and the field', (_, change, expected) => {
    const { deals, rejected } = parseDeals([{ ...base, ...change }]);
    expect(deals).toEqual([]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.id).toBe('mq-9b');
    expect(rejected[0]!.reason).toContain(expected);
  });

  // Schema-valid numbers that no procurement record can hold: they rendered "$∞ trillion", a 300-digit
  // figure or "$0", and summed to garbage. JSON text, because that is how they arrive (1e400 is Infinity).
  const withAmount = (amount: string) =>
    `{"figures":[{"id":"f","amount":${amount},"currency":"INR","kind":"signed","asOf":"2024","sourceIds":["dsca"]}],"headlineFigureId":"f"}`;
  it.each([
    ['an infinite amount', withAmount('1e400'), 'figures[0].amount: '],
    ['a 300-digit amount', withAmount('1e300'), 'figures[0].amount: at most 1e13'],
    ['a denormal amount', withAmount('5e-324'), 'figures[0].amount: at least 1 unit of its currency'],
    ['half a rupee', withAmount('0.5'), 'figures[0].amount: at least 1'],
    ['more than ₹10 lakh crore', withAmount('10000000000001'), 'figures[0].amount: at most 1e13'],
    [
      'a quantity of 2^53 − 1',
      `{"quantity":{"total":9007199254740991,"unit":"drones","sourceIds":["dsca"]}}`,
      'quantity.total: a whole number from 1 to 1,000,000',
    ],
    [
      'an allocation above a million',
      `{"quantity":{"total":31,"unit":"drones","allocations":[{"service":"navy","count":1000001}],"sourceIds":["dsca"]}}`,
      'quantity.allocations[0].count: a whole number from 1 to 1,000,000',
    ],
    [
      'a year before 1900',
      `{"milestones":[{"kind":"signature","date":"1899-12-31","label":"x","sourceIds":["dsca"]}]}`,
      'milestones[0].date: expected a date',
    ],
    [
      'a year after 2100',
      `{"milestones":[{"kind":"signature","date":"9999","label":"x","sourceIds":["dsca"]}]}`,
      'a year from 1900 to 2100',
    ],
  ])('rejects %s as malformed, with the reason', (_, json, expected) => {
    const { deals, rejected } = parseDeals([{ ...base, ...(JSON.parse(json) as object) }]);
    expect(deals).toEqual([]);
    expect(rejected[0]?.reason).toContain(expected);
  });

  it('accepts the bounds themselves: 1 unit, ₹10 lakh crore, a million units, 1900 and 2100', () => {
    const { rejected } = parseDeals([
      {
        ...base,
        quantity: { ...base.quantity, total: 1_000_000 },
        figures: [
          { ...base.figures[0], amount: 1e13, currency: 'INR' },
          { ...base.figures[0], id: 'one', amount: 1 },
        ],
        milestones: [
          { ...base.milestones[0], date: '1900' },
          { ...base.milestones[0], date: '2100-12-31' },
        ],
      },
    ]);
    expect(rejected).toEqual([]);
  });

  it('skips a bad record and keeps the good ones, reporting the bad one by position when it has no id', () => {
    const { deals, rejected } = parseDeals([base, null, { ...base, id: 'second' }, { title: 7 }]);
    expect(deals.map((d) => d.id)).toEqual(['mq-9b', 'second']);
    expect(rejected.map((r) => [r.index, r.id])).toEqual([
      [1, undefined],
      [3, undefined],
    ]);
  });

  it('keeps a deal with no money figure as unknown, not zero', () => {
    const deal = makeDeal();
    expect(deal.figures).toEqual([]);
    expect(deal.headlineFigureId).toBeUndefined();
  });
});
