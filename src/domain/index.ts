// The deal model: schema, vocabularies, derived facts, the API's envelopes.
export * from './model/allocation';
export * from './model/api-contract';
export * from './model/deal-facts';
export * from './model/deal-schema';
export * from './model/parse-deals';
export * from './model/vocabulary';
// Filtering and sorting a list of deals.
export * from './filter/filter-engine';
export * from './filter/deal-collection';
export * from './filter/filter-model';
export * from './filter/sort';
// What a URL carries.
export * from './url-state/filter-params';
export * from './url-state/url-state';
// Money, dates and chart axes.
export * from './money-dates/money';
export * from './money-dates/partial-date';
export * from './money-dates/slippage';
export * from './money-dates/axis';
export * from './text/safe-url';
export * from './aggregations';
export * from './export/export-names';
// Not re-exported: './synthetic' (the embedded API's generator), './export/csv-export' (papaparse,
// loaded on export) and './import' (the importers: papaparse and chardet, run in the import worker;
// re-exporting it here grew the first-load domain chunk from 31 KB to 136 KB). Import them by path,
// so the app's first load does not carry them.
