export * from './deal-schema';
export * from './parse-deals';
export * from './partial-date';
export * from './vocabulary';
