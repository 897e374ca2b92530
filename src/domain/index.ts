export * from './allocation';
export * from './api-contract';
export * from './deal-facts';
export * from './deal-schema';
export * from './filter-engine';
export * from './filter-model';
export * from './filter-params';
export * from './money';
export * from './parse-deals';
export * from './partial-date';
export * from './safe-url';
export * from './sort';
export * from './vocabulary';
export * from './aggregations';
export * from './export-names';
// Not re-exported: './synthetic' (the embedded API's generator) and './csv-export' (papaparse, loaded on
// export). Import them by path, so the app's first load does not carry them.
export * from './axis';
