// Reading registers and exports into deals (docs/import.md). The parsers carry papaparse and chardet:
// import this folder by path (the import worker does), not through src/domain/index.ts.
export * from './types';
export * from './decode';
export * from './detect';
export * from './match-keys';
export * from './sipri-classic';
export * from './sipri-2025';
export * from './sipri-money';
export * from './sipri-countries';
export * from './sipri-categories';
export * from './generate-sipri';
export { SIPRI_SOURCE_ID, SIPRI_PUBLISHER, SIPRI_RIGHTS, SYNTHETIC_MARKER } from './sipri-common';
export * from './country-codes';
export * from './ocds';
export * from './own-json';
export * from './own-csv';
export * from './csv-mapping';
