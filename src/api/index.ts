export * from './api-error';
export * from './deals-api';
export * from './http';
export * from './queries';
export * from './retry';
export * from './retry-after';
