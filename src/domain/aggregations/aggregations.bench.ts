import { bench, describe } from 'vitest';
import { featuredAllocationDeal } from '../model/allocation';
import type { Deal } from '../model/deal-schema';
import { sourceSummary } from '../export/export-names';
import { filterDeals } from '../filter/filter-engine';
import type { DealFilter } from '../filter/filter-model';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import { byDomain, byKind } from './breakdown';
import { aggregateDashboard } from './dashboard';
import { buildFactTable } from './fact-table';
import { kpis } from './kpis';
import { largestDeals } from './largest';
import { dealsByStage } from './stages';
import { timeline } from './timeline';
import { unitsByService } from './units-by-service';
import { valueByYear } from './value-by-year';

// Figures for the record, not pass/fail: `npx vitest bench --run --project unit src/domain/aggregations`.
// Target: everything the dashboard computes per filter change, at 100,000 deals, in <= 30 ms.
const all = generateSyntheticDeals({ size: 100_000 });
// A cross-filter click on the domain and stage charts: about 9% of the deals.
const crossFilter: DealFilter = { domain: ['maritime'], status: ['contract-signed', 'in-delivery'] };
const some = filterDeals(all, crossFilter);

/** What `use-dashboard.ts` computes for one list in one currency, one function at a time. */
function everything(deals: readonly Deal[], currency: string): void {
  kpis(deals);
  unitsByService(deals);
  dealsByStage(deals);
  timeline(deals);
  featuredAllocationDeal(deals);
  sourceSummary(deals);
  deals.some((d) => d.synthetic === true);
  valueByYear(deals, currency);
  byDomain(deals, currency);
  byKind(deals, currency);
  largestDeals(deals, currency, 8);
}

for (const [name, deals] of [
  ['no filter', all],
  ['~9% of deals', some],
] as const) {
  describe(`${deals.length} of 100,000 synthetic deals (${name})`, () => {
    bench('kpis', () => void kpis(deals));
    bench('unitsByService', () => void unitsByService(deals));
    bench('dealsByStage', () => void dealsByStage(deals));
    bench('timeline', () => void timeline(deals));
    bench('featuredAllocationDeal', () => void featuredAllocationDeal(deals));
    bench('sourceSummary', () => void sourceSummary(deals));
    bench('valueByYear USD', () => void valueByYear(deals, 'USD'));
    bench('byDomain USD', () => void byDomain(deals, 'USD'));
    bench('byKind USD', () => void byKind(deals, 'USD'));
    bench('largestDeals USD 8', () => void largestDeals(deals, 'USD', 8));
    // A fresh array each time, as a filter change gives the dashboard; copying it is timed on its own.
    bench('copy of the list alone', () => void deals.slice());
    bench('every function, USD, new array', () => everything(deals.slice(), 'USD'));
    bench('every function, INR, new array', () => everything(deals.slice(), 'INR'));
    bench('aggregateDashboard USD, new array', () => void aggregateDashboard(deals.slice(), 'USD'));
    bench('aggregateDashboard INR, new array', () => void aggregateDashboard(deals.slice(), 'INR'));
  });
}

describe('first sight of a list of 100,000 deals', () => {
  // Paid once per list (the dashboard's first view, or `prepareAggregations` on load), not per filter.
  bench('build its fact table, dollars and rupees included', () => void buildFactTable(all), {
    iterations: 10,
  });
});
