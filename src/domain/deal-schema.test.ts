import { describe, expect, it } from 'vitest';
import { makeDeal } from '../test/deal-fixtures';
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
