export * from './breakdown';
export * from './kpis';
export * from './stages';
export * from './timeline';
export * from './units-by-service';
export * from './value-by-year';
export * from './largest';
