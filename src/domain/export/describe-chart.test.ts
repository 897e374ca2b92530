import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { SEED } from '../../../seeds/expected';
import { aggregateDashboard } from '../aggregations/dashboard';
import { parseDeals } from '../model/parse-deals';
import { formatCount } from '../money-dates/money';
import { dashboardChartData, type ChartData } from './chart-data';
import { describeChart } from './describe-chart';

const seeds = parseDeals(seedRecords).deals;
const charts = dashboardChartData({
  figures: aggregateDashboard(seeds, 'USD'),
  deals: seeds,
  currency: 'USD',
  filters: 'All deals',
  dataAsOf: 'Data as of Dec 2025 (newest source)',
});

/** A chart of one series over the given categories. */
function chart(values: (number | null)[], over: Partial<ChartData> = {}): ChartData {
  const categories = over.categories ?? values.map((_, i) => `Service ${i + 1}`);
  return {
    id: 'test',
    title: 'Units by service',
    subtitle: 'Navy',
    filters: 'Navy',
    kind: 'bar',
    categoryName: 'Service',
    categories,
    series: [{ key: 'units', name: 'Units', colourKey: 'slot:0', values }],
    table: [],
    valueFormat: 'count',
    unit: 'ordered drones',
    notes: [],
    sources: [],
    synthetic: false,
    dataAsOf: '',
    ...over,
  };
}

describe('describeChart', () => {
  it('says the MQ-9B split, the largest share and the tie below it', () => {
    const text = describeChart(charts.find((c) => c.id === 'featured-allocation')!);
    expect(text).toContain(
      `Navy ${formatCount(SEED.mq9b.navy)}, Army ${formatCount(SEED.mq9b.army)}, Air Force ${formatCount(SEED.mq9b.airForce)}`,
    );
    expect(text).toContain('MQ-9B');
    expect(text).toContain('the most: Navy');
    expect(text).toContain('Army and Air Force tie for the fewest');
    expect(text).toContain('All deals, no filter.');
    expect(text).not.toMatch(/synthetic/i);
  });

  it('says a tie for the most as a tie', () => {
    const text = describeChart(chart([8, 8, 3], { categories: ['Army', 'Air Force', 'Navy'] }));
    expect(text).toContain('Ordered drones: Army 8, Air Force 8, Navy 3');
    expect(text).toContain('Army and Air Force tie for the most (8 each)');
    expect(text).toContain('the fewest: Navy (3)');
    expect(text).toContain('Filters: Navy.');
  });

  it('says a chart of unknown figures is unknown, and never zero', () => {
    const text = describeChart(chart([null, null], { categories: ['Navy', 'Service not known'] }));
    expect(text).toContain('no figure is known (Navy and Service not known not known)');
    expect(text).not.toMatch(/\b0\b/);
  });

  it('names the unknown beside the known', () => {
    const text = describeChart(chart([5, null], { categories: ['Navy', 'Army'] }));
    expect(text).toContain('Navy 5');
    expect(text).toContain('not known for Army');
  });

  it('says synthetic data is synthetic', () => {
    expect(describeChart(chart([1, 2], { synthetic: true }))).toContain('Synthetic data, not real deals.');
  });

  it('writes money in the chart’s currency and names the years with most value', () => {
    const value = charts.find((c) => c.id === 'value-by-year')!;
    const text = describeChart(value);
    expect(text).toMatch(/^Headline contract value in US dollars: /);
    expect(text).toContain('the most: ');
    expect(text).toContain('$');
    // Years with no deal are counted, not listed one by one.
    expect(text).not.toContain(`${SEED.valueYears.emptyYear} $0`);
  });

  it('describes every dashboard chart in one paragraph', () => {
    for (const c of charts) {
      const text = describeChart(c);
      expect(text.length).toBeGreaterThan(20);
      expect(text).not.toContain('\n');
      expect(text).not.toContain('undefined');
      expect(text).not.toContain('NaN');
    }
    expect(describeChart(charts.find((c) => c.id === 'timeline')!)).toMatch(
      /^Timeline of \d+ deals from \d{4} to \d{4}/,
    );
  });
});
