import type { z } from 'zod/mini';
import { Deal } from './deal-schema';

/** A record that failed validation: which one, and why, in words a data editor can act on. */
export interface RejectedRecord {
  index: number;
  /** The record's id when it had a readable one. */
  id?: string;
  reason: string;
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
  const deals: Deal[] = [];
  const rejected: RejectedRecord[] = [];
  records.forEach((record, index) => {
    const result = parseDeal(record);
    if (result.ok) deals.push(result.data);
    else {
      const id = readableId(record);
      rejected.push(
        id === undefined ? { index, reason: result.reason } : { index, id, reason: result.reason },
      );
    }
  });
  return { deals, rejected };
}
