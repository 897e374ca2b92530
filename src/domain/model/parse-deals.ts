import type { z } from 'zod/mini';
import { Deal } from './deal-schema';

/** A record that failed validation: which one, and why, in words a data editor can act on. */
export interface RejectedRecord {
  index: number;
  /** The record's id when it had a readable one. */
  id?: string;
  reason: string;
  /** For a record that reuses an accepted id: the index of the record kept with it. */
  duplicateOf?: number;
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; reason: string };

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, '');
}

export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => {
      const where = formatPath(issue.path);
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

function readableId(record: unknown): string | undefined {
  if (typeof record === 'object' && record !== null && 'id' in record) {
    const id = record.id;
    if (typeof id === 'string' && id.length > 0 && id.length <= 200) return id;
  }
  return undefined;
}

export function parseDeal(record: unknown): ParseResult<Deal> {
  const result = Deal.safeParse(record);
  return result.success
    ? { ok: true, data: result.data }
    : { ok: false, reason: describeIssues(result.error) };
}

/** Validates each record on its own, so one bad record is reported and skipped, never fatal. */
export function parseDeals(records: readonly unknown[]): { deals: Deal[]; rejected: RejectedRecord[] } {
  return parseDealList(records, { checkIds: false });
}

export interface ParseDealListOptions {
  /** Where these records start in the whole list, when they arrive a page at a time. */
  offset?: number;
  /** Ids accepted so far, with the index of the record that has each; pass the same map for every page. */
  seen?: Map<string, number>;
  /** Reject a record whose id an earlier one has (default). The seed check reports those itself. */
  checkIds?: boolean;
}

/**
 * A list as the API sends it: each record validated on its own, and a record reusing an accepted id
 * rejected too (the first is kept). Kept, a duplicate would inflate every count, and its links would
 * open the other deal.
 */
export function parseDealList(
  records: readonly unknown[],
  { offset = 0, seen = new Map<string, number>(), checkIds = true }: ParseDealListOptions = {},
): { deals: Deal[]; rejected: RejectedRecord[] } {
  const deals: Deal[] = [];
  const rejected: RejectedRecord[] = [];
  records.forEach((record, i) => {
    const index = offset + i;
    const result = parseDeal(record);
    if (!result.ok) {
      const id = readableId(record);
      rejected.push(
        id === undefined ? { index, reason: result.reason } : { index, id, reason: result.reason },
      );
      return;
    }
    const { id } = result.data;
    const first = checkIds ? seen.get(id) : undefined;
    if (first === undefined) {
      if (checkIds) seen.set(id, index);
      deals.push(result.data);
    } else {
      const reason = `duplicate id "${id}": the record at index ${first} has it`;
      rejected.push({ index, id, reason, duplicateOf: first });
    }
  });
  return { deals, rejected };
}
