import type { Deal } from '../model/deal-schema';
import { byDomainOf, byKindOf, type BreakdownRow } from './breakdown';
import { importedGroupsOf, ordersBreakdownOf, type ImportedGroup, type OrdersBreakdown } from './by-supplier';
import { viewOf } from './deal-view';
import { featuredAllocationDealOf } from './featured';
import { kpisOf, type Kpis } from './kpis';
import { largestDealsOf } from './largest';
import { anySyntheticOf, sourceSummaryOf } from './sources';
import { dealsByStageOf, type StageCount } from './stages';
import { timelineOf, type Timeline } from './timeline';
import { unitsByFamilyOf, type UnitsByService } from './units-by-service';
import type { ServiceFilterValue, UnitFamily } from '../model/vocabulary';
import { valueByYearOf, type ValueByYear } from './value-by-year';

/** Every figure the dashboard shows for one list of deals in one currency. */
export interface DashboardFigures {
  kpis: Kpis;
  /** Per family of units; over `options.unitsDeals` when given. */
  units: Record<UnitFamily, UnitsByService>;
  stages: StageCount[];
  timeline: Timeline;
  featured: Deal | undefined;
  /** `sourceSummary(deals)`. */
  sources: string;
  /** Some of the deals are generated. */
  synthetic: boolean;
  value: ValueByYear;
  byDomain: BreakdownRow[];
  byKind: BreakdownRow[];
  largest: Deal[];
  /** Deals and SIPRI TIV by supplier, system category and order year. */
  orders: OrdersBreakdown;
  /** The imported records in view, per publisher, rights and import day: what the labels say. */
  imported: ImportedGroup[];
}

export interface DashboardOptions {
  /** How many deals `largest` lists; 8 unless given. */
  largest?: number;
  /** The view's service filter: the key figures count these services' units and share. */
  services?: readonly ServiceFilterValue[] | undefined;
  /**
   * The list the units chart reads: the view without its service filter, so that every service's bar
   * stays to compare with the chosen one (which the chart highlights), as a facet's counts do.
   */
  unitsDeals?: readonly Deal[] | undefined;
  /** The whole data set, which fixes each system's series and colour; the list itself unless given. */
  seriesFrom?: readonly Deal[] | undefined;
  /**
   * Figures already worked out that still hold (`reusableFigures`: a save changed nothing they read):
   * returned as they are instead of worked out again.
   */
  reuse?: Partial<DashboardFigures> | undefined;
}

/**
 * The same figures as the separate functions (`kpis(deals)`, `valueByYear(deals, currency)`,
 * `largestDeals(deals, currency, 8)`…), with the list matched to its facts once instead of per chart.
 */
export function aggregateDashboard(
  deals: readonly Deal[],
  currency: string,
  options: DashboardOptions = {},
): DashboardFigures {
  const view = viewOf(deals);
  const reuse = options.reuse ?? {};
  return {
    kpis: reuse.kpis ?? kpisOf(view, options.services),
    units:
      reuse.units ??
      unitsByFamilyOf(options.unitsDeals ? viewOf(options.unitsDeals) : view, options.seriesFrom ?? deals),
    stages: reuse.stages ?? dealsByStageOf(view),
    timeline: reuse.timeline ?? timelineOf(view),
    featured: featuredAllocationDealOf(view),
    sources: reuse.sources ?? sourceSummaryOf(view),
    synthetic: reuse.synthetic ?? anySyntheticOf(view),
    value: reuse.value ?? valueByYearOf(view, currency),
    byDomain: reuse.byDomain ?? byDomainOf(view, currency),
    byKind: reuse.byKind ?? byKindOf(view, currency),
    largest: largestDealsOf(view, currency, options.largest ?? 8),
    orders: reuse.orders ?? ordersBreakdownOf(view),
    imported: reuse.imported ?? importedGroupsOf(view),
  };
}

/**
 * Reads a list's deals into the fact table ahead of its first aggregation, for instance when the list
 * has loaded: about 100 ms at 100,000 deals, which the first chart of the list would otherwise pay.
 * Lists later filtered from it reuse the table.
 */
export function prepareAggregations(deals: readonly Deal[]): void {
  viewOf(deals);
}
