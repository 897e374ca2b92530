import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { sipriRecord } from '../../test/sipri-records';
import { aggregateDashboard } from '../aggregations/dashboard';
import { rightsLines } from '../aggregations/by-supplier';
import { parseDeals } from '../model/parse-deals';
import { dashboardChartData } from './chart-data';
import { deckSlides, type Briefing } from './deck-model';
import { exportFooter } from './export-names';

const seeds = parseDeals(seedRecords).deals;
const sipri = Array.from({ length: 12 }, (_, n) => sipriRecord(n));

function briefingOf(deals: typeof seeds): Briefing {
  const figures = aggregateDashboard(deals, 'USD');
  const rights = rightsLines(figures.imported).join('; ');
  const charts = dashboardChartData({
    figures,
    deals,
    currency: 'USD',
    filters: 'All deals',
    dataAsOf: 'Data as of Mar 2025',
  });
  return {
    title: 'Deals',
    filters: 'All deals',
    dataAsOf: 'Data as of Mar 2025',
    synthetic: false,
    ...(rights ? { rights } : {}),
    deals: deals.length,
    keyFigures: [],
    charts,
    colours: {},
  };
}

describe('the rights line of imported data', () => {
  it('is in every export footer when SIPRI data is in view, and absent without it', () => {
    const date = new Date('2026-12-02T08:00:00Z');
    const rights = rightsLines(aggregateDashboard([...seeds, ...sipri], 'USD').imported).join('; ');
    expect(rights).toBe('(c) SIPRI');
    expect(exportFooter({ sources: 'SIPRI; PIB', date, synthetic: false, rights })).toMatch(
      /^Source: SIPRI; PIB · \(c\) SIPRI · /,
    );
    expect(rightsLines(aggregateDashboard(seeds, 'USD').imported)).toEqual([]);
    expect(exportFooter({ sources: 'PIB', date, synthetic: false })).not.toContain('(c)');
  });

  it('is on the foot of every chart slide of a deck with SIPRI data', () => {
    const date = new Date('2026-12-02T08:00:00Z');
    const slides = deckSlides(briefingOf([...seeds, ...sipri]), date);
    const feet = slides.flatMap((s) => ('source' in s && typeof s.source === 'string' ? [s.source] : []));
    expect(feet.length).toBeGreaterThan(0);
    for (const foot of feet) expect(foot).toContain('(c) SIPRI');
    const plain = deckSlides(briefingOf(seeds), date).flatMap((s) =>
      'source' in s && typeof s.source === 'string' ? [s.source] : [],
    );
    for (const foot of plain) expect(foot).not.toContain('(c)');
  });
});
