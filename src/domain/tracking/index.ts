// Tracking: what changed between two records, and merging two edits of one record.
export * from './diff';
export { merge, resolve, type Choices, type Conflict, type MergeResult, type Side } from './merge';
export * from './revision-log';
export * from './migrate';
