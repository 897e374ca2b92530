import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { SEED } from '../../../seeds/expected';
import { aggregateDashboard } from '../aggregations/dashboard';
import { filterDeals } from '../filter/filter-engine';
import type { Deal } from '../model/deal-schema';
import { parseDeals } from '../model/parse-deals';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import {
  categoryTotals,
  chartSources,
  dashboardChartData,
  slotColourKey,
  type ChartData,
} from './chart-data';

const seeds = parseDeals(seedRecords).deals;

function chartsOf(deals: readonly Deal[], services?: ('navy' | 'army')[], currency = 'USD') {
  const view = services ? filterDeals(deals, { service: services }) : deals;
  const figures = aggregateDashboard(view, currency, {
    services,
    unitsDeals: services ? deals : undefined,
    seriesFrom: deals,
  });
  const charts = dashboardChartData({
    figures,
    deals: view,
    unitsDeals: services ? deals : undefined,
    currency,
    filters: services ? 'Navy' : 'All deals',
    dataAsOf: 'Data as of Dec 2025 (newest source)',
  });
  return { figures, charts, view };
}
const byId = (charts: ChartData[], id: string) => {
  const chart = charts.find((c) => c.id === id);
  if (!chart) throw new Error(`no chart ${id}: ${charts.map((c) => c.id).join(', ')}`);
  return chart;
};
const column = (chart: ChartData, name: string) => chart.table.find((c) => c.name === name)!.values;
const at = (chart: ChartData, category: string, values: readonly unknown[]) =>
  values[chart.categories.indexOf(category)];

describe('dashboardChartData on the seeds', () => {
  const { charts, figures } = chartsOf(seeds);

  it('has the slide show’s charts in its order', () => {
    expect(charts.map((c) => c.id)).toEqual([
      'units-platforms',
      'units-engines',
      'featured-allocation',
      'value-by-year',
      'stages',
      'by-domain',
      'by-kind',
      'orders-by-supplier',
      'orders-by-category',
      'orders-by-year',
      'timeline',
    ]);
    for (const chart of charts) {
      expect(chart.synthetic).toBe(false);
      for (const s of chart.series) expect(s.values).toHaveLength(chart.categories.length);
      for (const c of chart.table) expect(c.values).toHaveLength(chart.categories.length);
      expect(chart.sources.map((s) => s.category)).toEqual(chart.categories);
    }
  });

  it('gives each service its ordered platforms, stacked by system, with the table’s totals', () => {
    const units = byId(charts, 'units-platforms');
    const ordered = column(units, 'Ordered');
    expect(at(units, 'Navy', ordered)).toBe(SEED.services.navy.platformsOrdered);
    expect(at(units, 'Army', ordered)).toBe(SEED.services.army.platformsOrdered);
    expect(at(units, 'Air Force', ordered)).toBe(SEED.services['air-force'].platformsOrdered);
    expect(at(units, 'Navy', column(units, 'Planned, not ordered'))).toBe(
      SEED.services.navy.platformsPlanned,
    );
    // The stacks reach the table's "Ordered" column.
    expect(categoryTotals(units)).toEqual(ordered);
    expect(units.series.map((s) => s.colourKey)).toEqual(
      figures.units.platforms.series.map((s) => slotColourKey(s.slot)),
    );
    expect(units.valueFormat).toBe('count');
    expect(units.unit).toBe('ordered platforms');
    const engines = byId(charts, 'units-engines');
    expect(at(engines, 'Air Force', column(engines, 'Ordered'))).toBe(
      SEED.services['air-force'].enginesOrdered,
    );
  });

  it('gives the featured split as recorded, each service its own colour key', () => {
    const mq9b = byId(charts, 'featured-allocation');
    expect(mq9b.categories).toEqual(['Navy', 'Army', 'Air Force']);
    expect(mq9b.series[0]!.values).toEqual([SEED.mq9b.navy, SEED.mq9b.army, SEED.mq9b.airForce]);
    expect(mq9b.series[0]!.pointColourKeys).toEqual(['service:navy', 'service:army', 'service:air-force']);
    expect(mq9b.title).toContain('MQ-9B');
  });

  it('keeps every year on the value axis, an empty one at zero, with its deal count', () => {
    const value = byId(charts, 'value-by-year');
    expect(value.categories[0]).toBe(String(SEED.valueYears.first));
    expect(value.categories.at(-1)).toBe(String(SEED.valueYears.last));
    const years = SEED.valueYears.last - SEED.valueYears.first + 1;
    expect(value.categories).toHaveLength(years);
    const empty = value.categories.indexOf(String(SEED.valueYears.emptyYear));
    expect(value.series.map((s) => s.values[empty])).toEqual([0, 0, 0]);
    expect(column(value, 'Deals')[empty]).toBe(0);
    expect(value.series.map((s) => s.colourKey)).toEqual([
      'basis:signed',
      'basis:approved',
      'basis:estimate',
    ]);
    expect(value.valueFormat).toBe('money');
    expect(value.currency).toBe('USD');
    expect(categoryTotals(value)).toEqual(figures.value.years.map((y) => y.total));
  });

  it('counts every deal once over the lifecycle, stalled and cancelled in their own colour', () => {
    const stages = byId(charts, 'stages');
    const counts = stages.series[0]!.values as number[];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(SEED.deals);
    expect(at(stages, 'Completed', counts)).toBe(SEED.completedDeals);
    const keys = stages.series[0]!.pointColourKeys!;
    expect(at(stages, 'Cancelled', keys)).toBe('stage:off-path');
    expect(at(stages, 'Completed', keys)).toBe('stage:on-path');
  });

  it('names the sources behind each figure, each one a source of its deal', () => {
    const units = byId(charts, 'units-platforms');
    const navy = units.sources.find((s) => s.category === 'Navy')!.sources;
    // The row's ordered and planned units: the six more P-8I under negotiation too.
    expect(new Set(navy.map((s) => s.dealId))).toEqual(new Set(SEED.services.navy.dealIds));
    for (const chart of charts)
      for (const ref of chartSources(chart)) {
        const deal = seeds.find((d) => d.id === ref.dealId)!;
        expect(deal.sources.map((s) => s.id)).toContain(ref.id);
      }
    const timeline = byId(charts, 'timeline');
    expect(timeline.sources.every((s) => s.sources.length > 0)).toBe(true);
    expect(timeline.timeline!.rows).toHaveLength(timeline.categories.length);
  });
});

describe('dashboardChartData under the Navy filter', () => {
  const { charts, view } = chartsOf(seeds, ['navy']);

  it('keeps every service’s bar in the units chart, the Navy’s equal to its key figure', () => {
    const units = byId(charts, 'units-platforms');
    expect(units.categories).toEqual(expect.arrayContaining(['Navy', 'Army', 'Air Force']));
    expect(at(units, 'Navy', column(units, 'Ordered'))).toBe(SEED.services.navy.platformsOrdered);
    expect(units.filters).toBe('Navy');
    expect(units.subtitle.startsWith('Navy · ')).toBe(true);
  });

  it('counts the Navy’s deals in the lifecycle chart', () => {
    expect(view).toHaveLength(SEED.services.navy.deals);
    const stages = byId(charts, 'stages');
    expect((stages.series[0]!.values as number[]).reduce((a, b) => a + b, 0)).toBe(SEED.services.navy.deals);
    expect(at(stages, 'Completed', stages.series[0]!.values)).toBe(SEED.services.navy.completedDeals);
  });
});

describe('unknown values', () => {
  it('are null, never 0: a domain whose deals all lack a value has no known value', () => {
    const noValues = seeds.map((d) => ({ ...d, figures: [], headlineFigureId: undefined }));
    const { charts } = chartsOf(noValues);
    const domain = byId(charts, 'by-domain');
    const known = column(domain, 'Known value (USD)');
    const counts = column(domain, 'Deals') as number[];
    counts.forEach((n, i) => expect(known[i]).toBe(n > 0 ? null : 0));
    expect(charts.some((c) => c.id === 'value-by-year')).toBe(false);
  });

  it('mark generated data synthetic', () => {
    const { charts } = chartsOf(generateSyntheticDeals({ size: 300 }));
    expect(charts.length).toBeGreaterThan(3);
    expect(charts.every((c) => c.synthetic)).toBe(true);
  });
});
