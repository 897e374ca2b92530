import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { CRORE } from '../money-dates/money';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import { byDomain, byKind } from './breakdown';
import { kpis } from './kpis';
import { largestDeals } from './largest';
import { dealsByStage } from './stages';
import { dateToYearFraction, timeline } from './timeline';
import { OTHER_SYSTEMS, unitsByService } from './units-by-service';
import { valueByYear } from './value-by-year';

const src = ['src'];
const fig = (id: string, amount: number, currency: string, kind: string, extra: object = {}) => ({
  id,
  amount,
  currency,
  kind,
  asOf: '2024',
  sourceIds: src,
  ...extra,
});
const deal = (overrides: Record<string, unknown>) => makeDeal(overrides);

const mq9b = deal({
  id: 'mq9b',
  title: '31 MQ-9B',
  system: { name: 'MQ-9B', category: 'uav' },
  domains: ['air', 'maritime'],
  quantity: {
    total: 31,
    unit: 'drones',
    allocations: [
      { service: 'navy', count: 15 },
      { service: 'army', count: 8 },
      { service: 'air-force', count: 8 },
    ],
    sourceIds: src,
  },
  figures: [
    fig('pti', 4e9, 'USD', 'signed', { approximate: true }),
    fig('dsca', 3.99e9, 'USD', 'notified'),
    fig('article', 3.5e9, 'USD', 'signed', { confidence: 'unconfirmed' }),
    fig('inr', 32_000 * CRORE, 'INR', 'signed'),
  ],
  headlineFigureId: 'pti',
  milestones: [
    { kind: 'first-request', date: '2016', label: 'Request', sourceIds: src },
    { kind: 'signature', date: '2024-10-15', label: 'Signed', sourceIds: src },
    { kind: 'first-delivery', date: '2029-01', label: 'Delivery', sourceIds: src },
  ],
});
const howitzers = deal({
  id: 'm777',
  title: '145 M777',
  kind: 'purchase',
  status: 'completed',
  system: { name: 'M777', category: 'artillery' },
  domains: ['land'],
  quantity: { total: 145, unit: 'guns', sourceIds: src },
  figures: [fig('usd', 737e6, 'USD', 'signed')],
  headlineFigureId: 'usd',
  milestones: [{ kind: 'signature', date: '2016-11-30', label: 'Signed', sourceIds: src }],
});
const mou = deal({
  id: 'f414',
  title: 'F414 MoU',
  kind: 'mou',
  status: 'mou-signed',
  system: { name: 'F414', category: 'engine' },
  domains: ['air'],
  quantity: {
    total: 99,
    unit: 'engines',
    allocations: [{ service: 'air-force', count: 99 }],
    sourceIds: src,
  },
  milestones: [{ kind: 'mou', date: '2023-06-22', label: 'MoU', sourceIds: src }],
});
const estimateOnly = deal({
  id: 'est',
  title: 'Estimated deal',
  status: 'negotiating',
  figures: [fig('e', 1e9, 'USD', 'estimate')],
  headlineFigureId: 'e',
  milestones: [{ kind: 'talks', date: '2016-03', label: 'Talks', sourceIds: src }],
});
const seeds = [mq9b, howitzers, mou, estimateOnly];

describe('unitsByService', () => {
  it('stacks ordered units by system per service, with units of no known service a row of their own', () => {
    const result = unitsByService(seeds);
    expect(result.rows.map((r) => [r.label, r.total])).toEqual([
      ['Navy', 15],
      ['Army', 8],
      ['Air Force', 8],
      ['Service not known', 145],
    ]);
    expect(result.totalUnits).toBe(31 + 145);
    expect(result.dealsWithoutQuantity).toBe(1);
  });

  it('keeps engines apart from platforms, and a MoU’s units planned, not ordered', () => {
    const engines = unitsByService(seeds, 8, 'engines');
    expect(engines.rows).toEqual([
      { service: 'air-force', label: 'Air Force', total: 0, bySeries: {}, planned: 99 },
    ]);
    expect(engines.totalUnits).toBe(0);
    expect(engines.plannedUnits).toBe(99);
    expect(unitsByService(seeds).rows.find((r) => r.service === 'air-force')?.bySeries).toEqual({
      'MQ-9B': 8,
    });
  });

  it('pools small systems beyond the series limit without losing units', () => {
    expect(unitsByService(seeds, 2).series.map((s) => s.key)).toEqual(['M777', 'MQ-9B']);
    const result = unitsByService(seeds, 1);
    expect(result.series.map((s) => [s.key, s.label])).toEqual([[OTHER_SYSTEMS, `${OTHER_SYSTEMS} (2)`]]);
    const total = result.rows.reduce((sum, r) => sum + r.total, 0);
    expect(total).toBe(result.totalUnits);
  });

  it('is empty for no deals', () => {
    expect(unitsByService([])).toMatchObject({
      rows: [],
      series: [],
      dealsWithoutQuantity: 0,
      totalUnits: 0,
    });
  });
});

describe('valueByYear', () => {
  it('plots the headline in its currency by signature year, with signed and estimates apart', () => {
    const usd = valueByYear(seeds, 'USD');
    expect(usd.years.map((y) => [y.year, y.signed, y.approved, y.estimate])).toEqual([
      [2016, 737e6, 0, 1e9],
      ...[2017, 2018, 2019, 2020, 2021, 2022, 2023].map((year) => [year, 0, 0, 0]),
      [2024, 4e9, 0, 0],
    ]);
    expect(usd.unknownValue).toBe(1);
  });

  it('shows where sources disagree and which figure is used', () => {
    const top = valueByYear([mq9b], 'USD').years[0]!.top[0]!;
    expect(top).toMatchObject({ amount: 4e9, approximate: true, range: { min: 3.5e9, max: 4e9, count: 3 } });
  });

  it('switches currency without converting: a deal without rupee figures is of unknown rupee value', () => {
    const inr = valueByYear(seeds, 'INR');
    expect(inr.years).toEqual([
      expect.objectContaining({ year: 2024, signed: 32_000 * CRORE, dealCount: 1 }),
    ]);
    expect(inr.unknownValue).toBe(3);
  });

  it('has nothing to plot for no deals', () => {
    expect(valueByYear([], 'USD')).toEqual({ currency: 'USD', years: [], unknownValue: 0, undated: 0 });
  });
});

describe('dealsByStage, byDomain, byKind and kpis', () => {
  it('counts every lifecycle stage in order with stalled and cancelled apart', () => {
    const stages = dealsByStage(seeds);
    expect(stages.map((s) => s.status).slice(0, 3)).toEqual(['announced', 'negotiating', 'mou-signed']);
    expect(stages.filter((s) => s.count > 0).map((s) => [s.status, s.count])).toEqual([
      ['negotiating', 1],
      ['mou-signed', 1],
      ['contract-signed', 1],
      ['completed', 1],
    ]);
    expect(stages.filter((s) => s.offPath).map((s) => s.status)).toEqual(['stalled', 'cancelled']);
  });

  it('counts a multi-domain deal in each domain and keeps unknown values apart from the sum', () => {
    const air = byDomain(seeds, 'USD').find((r) => r.key === 'air')!;
    expect(air).toMatchObject({ count: 2, value: 4e9, unknownValue: 1 });
    expect(byKind(seeds, 'USD').find((r) => r.key === 'mou')).toMatchObject({
      count: 1,
      value: 0,
      unknownValue: 1,
    });
  });

  it('sums only signed, supported figures and counts ordered units apart from planned ones', () => {
    expect(kpis(seeds)).toEqual({
      deals: 4,
      signedUsd: 4e9 + 737e6,
      signedUsdDeals: 2,
      signedInr: 32_000 * CRORE,
      signedInrDeals: 1,
      unitsOrdered: { platforms: 31 + 145, engines: 0, munitions: 0 },
      unitsOrderedDeals: 2,
      unitsPlanned: { platforms: 0, engines: 99, munitions: 0 },
      unitsPlannedDeals: 1,
      inNegotiation: 2,
    });
  });
});

describe('timeline', () => {
  it('runs each deal from first milestone through signature to delivery', () => {
    const row = timeline([mq9b]).rows[0]!;
    expect(row.start).toBe(2016.5);
    expect(row.signed).toBeCloseTo(2024 + 9 / 12 + 14.5 / 365);
    expect(row.delivered).toBeCloseTo(2029 + 0.5 / 12);
    expect(row.markers.map((m) => m.kind)).toEqual(['first-request', 'signature', 'first-delivery']);
  });

  it('orders by start, keeps the largest deals when over the limit and counts the rest', () => {
    const result = timeline(seeds, 2);
    expect(result.rows.map((r) => r.id)).toEqual(['est', 'mq9b']);
    expect(result.omitted).toBe(2);
    expect(timeline([makeDeal()]).undated).toBe(1);
  });

  it('places partial dates in the middle of what they name', () => {
    expect(dateToYearFraction('2011')).toBe(2011.5);
    expect(dateToYearFraction('2023-01')).toBeCloseTo(2023 + 0.5 / 12);
  });
});

describe('at 100,000 synthetic deals', () => {
  const many = generateSyntheticDeals({ size: 100_000 });

  it('aggregates into a handful of chart elements, consistent with the deal count', () => {
    const units = unitsByService(many);
    expect(units.series.length).toBeLessThanOrEqual(8);
    const charted = units.rows.reduce(
      (sum, r) => sum + Object.values(r.bySeries).reduce((a, b) => a + b, 0),
      0,
    );
    expect(charted).toBe(units.totalUnits);
    const usd = valueByYear(many, 'USD');
    expect(usd.years.length).toBeLessThan(40);
    expect(usd.years.reduce((n, y) => n + y.dealCount, 0) + usd.unknownValue + usd.undated).toBe(100_000);
    expect(dealsByStage(many).reduce((n, s) => n + s.count, 0)).toBe(100_000);
    expect(timeline(many).rows).toHaveLength(50);
  });
});

describe('largestDeals', () => {
  it('lists the highest known values first and leaves out unknown ones', () => {
    expect(largestDeals(seeds, 'USD', 2).map((d) => d.id)).toEqual(['mq9b', 'est']);
    expect(largestDeals(seeds, 'USD', 10).map((d) => d.id)).toEqual(['mq9b', 'est', 'm777']);
    expect(largestDeals([], 'USD', 3)).toEqual([]);
  });
});
