import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { aggregateDashboard, parseDeals } from '../../domain';
import { dashboardChartData } from '../../domain/export/chart-data';
import { SERVICE_COLOURS } from '../../components/charts/palette';
import { BASIS_COLOURS, SERIES_COLOURS } from './chart-theme';
import { chartColours, colourOfKey } from './chart-colours';
import { OTHER_COLOUR } from './series-colours';

describe('colourOfKey', () => {
  it('gives the fills the charts draw', () => {
    expect(colourOfKey('slot:0')).toBe(SERIES_COLOURS[0]);
    expect(colourOfKey('slot:7')).toBe(SERIES_COLOURS[7]);
    expect(colourOfKey('slot:other')).toBe(OTHER_COLOUR);
    expect(colourOfKey('basis:estimate')).toBe(BASIS_COLOURS.estimate);
    expect(colourOfKey('service:air-force')).toBe(SERVICE_COLOURS['air-force']);
    expect(colourOfKey('no-such-key')).toBe(OTHER_COLOUR);
  });

  it('resolves every key of the dashboard’s charts to a hex colour', () => {
    const deals = parseDeals(seedRecords).deals;
    const charts = dashboardChartData({
      figures: aggregateDashboard(deals, 'USD'),
      deals,
      currency: 'USD',
      filters: 'All deals',
      dataAsOf: '',
    });
    const colours = chartColours(charts);
    for (const chart of charts)
      for (const s of chart.series) {
        expect(colours[s.colourKey]).toMatch(/^#[0-9A-Fa-f]{6}$/);
        for (const k of s.pointColourKeys ?? []) expect(colours[k]).toMatch(/^#[0-9A-Fa-f]{6}$/);
      }
  });
});
