import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { SEED } from '../../../seeds/expected';
import { sipriRecord } from '../../test/sipri-records';
import { aggregateDashboard } from '../aggregations/dashboard';
import { parseDeals } from '../model/parse-deals';
import { dashboardChartData, type ChartData } from './chart-data';
import { describeChart } from './describe-chart';

const seeds = parseDeals(seedRecords).deals;
const sipri = Array.from({ length: 40 }, (_, n) =>
  sipriRecord(n, { supplier: n < 30 ? 'RU' : 'FR', tivOrder: n % 8 === 7 ? null : 20 }),
);

function chartsOf(deals: typeof seeds): ChartData[] {
  const figures = aggregateDashboard(deals, 'USD');
  return dashboardChartData({
    figures,
    deals,
    currency: 'USD',
    filters: 'All deals',
    dataAsOf: 'Data as of Mar 2025',
  });
}
const byId = (charts: ChartData[], id: string) => charts.find((c) => c.id === id)!;
const column = (chart: ChartData, name: string) => chart.table.find((c) => c.name === name)!.values;

describe('the orders charts’ data', () => {
  it('reads well on the seeds: one supplier, no TIV, and says so', () => {
    const chart = byId(chartsOf(seeds), 'orders-by-supplier');
    expect(chart.categories).toEqual(SEED.orders.suppliers.map(() => 'United States'));
    expect(chart.series[0]!.values).toEqual(SEED.orders.suppliers.map((s) => s.count));
    // Not known is not 0.
    expect(column(chart, 'SIPRI TIV (millions)')).toEqual([null]);
    expect(chart.notes).toContain('No deal in view has a SIPRI TIV (only SIPRI records carry one).');
    expect(chart.series[0]!.pointColourKeys).toEqual(['supplier:US']);
    expect(chart.sources[0]!.sources.length).toBeGreaterThan(0);
  });

  it('counts SIPRI deals and sums their TIV per supplier, saying how many have it', () => {
    const deals = [...sipri, ...seeds];
    const chart = byId(chartsOf(deals), 'orders-by-supplier');
    const tivOf = (country: string) =>
      sipri.filter((d) => d.supplierCountries.includes(country)).reduce((n, d) => n + (d.tiv?.order ?? 0), 0);
    expect(chart.categories).toEqual(['Russia', 'United States', 'France']);
    expect(chart.series[0]!.values).toEqual([30, SEED.deals, 10]);
    expect(column(chart, 'SIPRI TIV (millions)')).toEqual([tivOf('RU'), null, tivOf('FR')]);
    const withTiv = sipri.filter((d) => d.tiv?.order !== undefined).length;
    expect(chart.notes[0]).toBe(
      `SIPRI TIV known for ${withTiv} of ${deals.length} deals; deals without it are counted, not valued.`,
    );
    const text = describeChart(chart);
    expect(text).toContain('Russia');
    expect(text).toContain('not money');
    expect(text).not.toMatch(/\$|US\$|USD/);
  });

  it('groups by system type and by year, with the deals behind each bar', () => {
    const charts = chartsOf(sipri);
    const category = byId(charts, 'orders-by-category');
    expect(category.categories).toEqual(['Combat aircraft', 'Missile']);
    expect(category.series[0]!.values).toEqual([20, 20]);
    const years = byId(charts, 'orders-by-year');
    expect(years.categories).toEqual([...new Set(sipri.map((d) => d.milestones[0]!.date))].sort());
    expect(years.series[0]!.values.reduce((a, b) => a! + b!, 0)).toBe(sipri.length);
    for (const chart of [category, years])
      expect(chart.sources.map((s) => s.category)).toEqual(chart.categories);
  });
});
