import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { featuredAllocationDeal } from '../model/allocation';
import type { Deal } from '../model/deal-schema';
import { sourceSummary } from '../export/export-names';
import { filterDeals } from '../filter/filter-engine';
import { parseDeals } from '../model/parse-deals';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import { byDomain, byKind } from './breakdown';
import { importedGroups, ordersBreakdown } from './by-supplier';
import { aggregateDashboard, prepareAggregations } from './dashboard';
import { kpis } from './kpis';
import { largestDeals } from './largest';
import { dealsByStage } from './stages';
import { timeline } from './timeline';
import { unitsByService } from './units-by-service';
import { UNIT_FAMILIES } from '../model/vocabulary';

const unitsByFamily = (deals: readonly Deal[]) =>
  Object.fromEntries(UNIT_FAMILIES.map((family) => [family, unitsByService(deals, 8, family)]));
import { valueByYear } from './value-by-year';

const seeds = parseDeals(seedRecords).deals;
const synthetic = generateSyntheticDeals({ size: 2_000 });

/** What the dashboard computed with one call per chart. */
function separately(deals: readonly Deal[], currency: string, largest = 8) {
  return {
    kpis: kpis(deals),
    units: unitsByFamily(deals),
    stages: dealsByStage(deals),
    timeline: timeline(deals),
    featured: featuredAllocationDeal(deals),
    sources: sourceSummary(deals),
    synthetic: deals.some((d) => d.synthetic === true),
    value: valueByYear(deals, currency),
    byDomain: byDomain(deals, currency),
    byKind: byKind(deals, currency),
    largest: largestDeals(deals, currency, largest),
    orders: ordersBreakdown(deals),
    imported: importedGroups(deals),
  };
}

describe('aggregateDashboard', () => {
  it.each([
    ['the seeds', seeds],
    ['2,000 synthetic deals', synthetic],
    ['deals filtered from them', filterDeals(synthetic, { domain: ['air'], status: ['completed'] })],
    ['no deals', []],
  ])('gives what the separate functions give on %s, in dollars and in rupees', (_, deals) => {
    for (const currency of ['USD', 'INR']) {
      const combined = aggregateDashboard(deals, currency);
      const expected = separately(deals, currency);
      expect(combined).toStrictEqual(expected);
      expect(JSON.stringify(combined)).toBe(JSON.stringify(expected));
      expect(combined.featured).toBe(expected.featured);
      combined.largest.forEach((deal, i) => expect(deal).toBe(expected.largest[i]));
    }
  });

  it('lists as many of the largest deals as asked', () => {
    expect(aggregateDashboard(synthetic, 'USD', { largest: 3 }).largest).toEqual(
      largestDeals(synthetic, 'USD', 3),
    );
  });

  it('answers the same for a list prepared ahead and for its parts', () => {
    const list = generateSyntheticDeals({ size: 1_000, seed: 7 });
    prepareAggregations(list);
    const part = list.filter((d) => d.kind === 'purchase');
    expect(aggregateDashboard(part, 'USD')).toStrictEqual(separately(part, 'USD'));
  });
});
