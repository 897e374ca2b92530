/**
 * The app's own JSON read back (docs/import.md, "The app's own CSV and JSON"): the deals export
 * (`dealsToJson`, `{ data: Deal[] }`) and the backup (`format: 'dpt-backup'`). Each record is
 * validated with the Deal schema on its own, so one bad record is a rejected row with its path and the
 * schema's message, and the rest import. The records come back as they were exported: no origin is
 * stamped on them (a deal that came from SIPRI keeps its SIPRI origin), so export → import is the
 * identity.
 */
import { BACKUP_FORMAT } from '../model/api-contract';
import type { Deal } from '../model/deal-schema';
import { parseDeal } from '../model/parse-deals';
import { compositeKey } from './match-keys';
import {
  ImportCancelled,
  UnreadableFile,
  type ParseContext,
  type ParsedDeal,
  type Parser,
  type RejectedRow,
} from './types';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Looks like a deal record: the fields every deal has. */
const looksLikeDeal = (value: unknown) =>
  isObject(value) && 'id' in value && 'title' in value && 'sources' in value;

/** A deals export (`{ data: [...] }` of deal-shaped records) or a backup (`format: 'dpt-backup'`). */
export function isOwnJson(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.format === BACKUP_FORMAT && Array.isArray(value.deals)) return true;
  return Array.isArray(value.data) && (value.data.length === 0 || looksLikeDeal(value.data[0]));
}

/** Keys that find the deal in the tracker: its id, the register's key it came with, the composite key. */
export function ownMatchKeys(deal: Deal): string[] {
  const keys = [`id:${deal.id}`];
  const external = deal.origin?.externalId;
  if (external && deal.origin?.format.startsWith('sipri')) keys.push(`sipri:${external}`);
  if (external && deal.origin?.format.startsWith('ocds')) keys.push(`ocds:${external}`);
  const key = compositeKey(deal);
  if (key) keys.push(key);
  return keys;
}

const PROGRESS_EVERY = 500;

/** Validates each record, rejecting a bad one or a repeated id with its place; the first of an id is kept. */
export function readOwnRecords(
  /** Each record with its place; `valid` when the caller has validated it already. */
  records: readonly { record: unknown; place: string | number; valid?: Deal }[],
  context: ParseContext,
): { deals: ParsedDeal[]; rejected: RejectedRow[] } {
  const deals: ParsedDeal[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, string | number>();
  records.forEach(({ record, place, valid }, i) => {
    if (i % PROGRESS_EVERY === 0) {
      if (context.cancelled?.()) throw new ImportCancelled();
      context.onProgress?.(i, records.length);
    }
    const parsed = valid ? { ok: true as const, data: valid } : parseDeal(record);
    if (!parsed.ok) {
      rejected.push({ place, reason: parsed.reason });
      return;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      rejected.push({
        place,
        reason: `duplicate id "${parsed.data.id}": ${typeof first === 'number' ? `line ${first}` : first} has it and is imported`,
      });
      return;
    }
    seen.set(parsed.data.id, place);
    deals.push({ deal: parsed.data, places: [place], matchKeys: ownMatchKeys(parsed.data) });
  });
  context.onProgress?.(records.length, records.length);
  return { deals, rejected };
}

export const parseOwnJson: Parser = (text, encoding, context) => {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UnreadableFile(`This file is not valid JSON: ${(error as Error).message}`);
  }
  if (!isOwnJson(value) || !isObject(value)) {
    throw new UnreadableFile(
      'This JSON is not an export of this tracker: it has neither a "data" array of deals nor format "dpt-backup".',
    );
  }
  const warnings: string[] = [];
  const backup = value.format === BACKUP_FORMAT;
  let records: { record: unknown; place: string }[];
  if (backup) {
    const entries = value.deals as unknown[];
    records = [];
    const deleted: string[] = [];
    entries.forEach((entry, i) => {
      const place = `deals[${i}]`;
      if (isObject(entry) && entry.deleted === true) deleted.push(place);
      else records.push({ record: isObject(entry) ? entry.data : entry, place: `${place}.data` });
    });
    if (deleted.length > 0) {
      warnings.push(
        `${deleted.length} deleted deal${deleted.length === 1 ? ' was' : 's were'} skipped (${deleted.slice(0, 5).join(', ')}${deleted.length > 5 ? ', …' : ''}): a backup keeps them, an import does not bring them back`,
      );
    }
  } else {
    records = (value.data as unknown[]).map((record, i) => ({ record, place: `data[${i}]` }));
  }
  const { deals, rejected } = readOwnRecords(records, context);
  const label = backup ? 'Defence Procurement Tracker backup' : 'Defence Procurement Tracker JSON export';
  const n = records.length;
  const exportedAt =
    backup && typeof value.exportedAt === 'string' ? value.exportedAt.slice(0, 10) : undefined;
  return {
    detected: {
      format: 'dpt-json',
      label,
      encoding,
      rowCount: n,
      description: [
        label,
        `${n.toLocaleString('en')} deal${n === 1 ? '' : 's'}`,
        ...(exportedAt ? [`exported ${exportedAt}`] : []),
        encoding,
      ].join(', '),
    },
    deals,
    rejected,
    warnings,
  };
};
