// The public aggregations; the fact table and the `…Of(view)` variants behind them stay inside.
export { byDomain, byKind, type BreakdownRow } from './breakdown';
export {
  aggregateDashboard,
  prepareAggregations,
  type DashboardFigures,
  type DashboardOptions,
} from './dashboard';
export { kpis, type Kpis, type ServiceShare } from './kpis';
export { largestDeals } from './largest';
export { dealsByStage, type StageCount } from './stages';
export {
  dateToYearFraction,
  timeline,
  type Timeline,
  type TimelineMarker,
  type TimelineRow,
} from './timeline';
export {
  NO_SERVICE_SPLIT,
  OTHER_SYSTEMS,
  serviceFilterOf,
  unitsByService,
  type FamilyTotals,
  type ServiceKey,
  type UnitsSeries,
  type UnitsByService,
  type UnitsByServiceRow,
} from './units-by-service';
export {
  valueBasis,
  valueByYear,
  type ValueBasis,
  type ValueByYear,
  type ValueYear,
  type YearDeal,
} from './value-by-year';
export { latestSourceDate } from './data-date';
export { MULTI_VALUED_FACETS, overlapsOn, type KeyFigure } from './figure-rules';
export { withEmptyYears } from './value-by-year';
export {
  importedGroups,
  importedGroupsInList,
  NO_SYSTEM_KEY,
  NO_SYSTEM_LABEL,
  ordersBreakdown,
  rightsLines,
  type ImportedGroup,
  type OrderGroupRow,
  type OrdersBreakdown,
} from './by-supplier';
export { formatImportDay, importedSentences, importedSource } from './imported-label';
