import { bench, describe } from 'vitest';
import { featuredAllocationDeal } from '../allocation';
import type { Deal } from '../deal-schema';
import { sourceSummary } from '../export-names';
import { filterDeals } from '../filter-engine';
import type { DealFilter } from '../filter-model';
import { generateSyntheticDeals } from '../synthetic';
import { byDomain, byKind } from './breakdown';
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

/** What `use-dashboard.ts` computes for one list in one currency. */
function everything(deals: readonly Deal[]): void {
  kpis(deals);
  unitsByService(deals);
  dealsByStage(deals);
  timeline(deals);
  featuredAllocationDeal(deals);
  sourceSummary(deals);
  for (const currency of ['USD', 'INR']) {
    valueByYear(deals, currency);
    byDomain(deals, currency);
    byKind(deals, currency);
    largestDeals(deals, currency, 8);
  }
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
    // A fresh array each time, as a filter change gives the dashboard; both currencies.
    bench('every function, both currencies, new array', () => everything(deals.slice()));
  });
}
