import {
  BackupBody,
  ImportPreviewBody,
  ResetBody,
  RevisionListBody,
  describeIssues,
  parseDeal,
  type ApiContext,
  type Deal,
  type RevisionEntry,
} from '../domain';
import type { z } from 'zod/mini';
import { ApiError, type StoredDeal } from './api-error';
import { clip } from './clip';
import { apiUrl, getJson, sendJson, type JsonAnswer } from './http';
import { expectStoredDeal } from './stored-deal';

/*
 * The write path of docs/api.md ("Tracking"). Every function sends once: nothing here, and no
 * mutation built on it, retries a write (one that timed out may have been applied).
 */

function dealPath(id: string, tail = ''): string {
  return `/api/deals/${encodeURIComponent(id)}${tail}`;
}

function stored({ body, etag }: JsonAnswer, what: string): StoredDeal {
  return expectStoredDeal(body, etag, what);
}

function expect<T>(schema: z.ZodMiniType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(
      'invalid-response',
      `The deal API's ${what} is not in the expected shape (${clip(describeIssues(parsed.error))}).`,
    );
  return parsed.data;
}

const withNote = (note: string | undefined) => (note === undefined || note === '' ? {} : { note });

/** `POST /api/deals`: a new deal, revision 1. */
export async function createDeal(
  context: ApiContext,
  record: Deal,
  note?: string,
  signal?: AbortSignal,
): Promise<StoredDeal> {
  const answer = await sendJson(apiUrl('/api/deals', context), {
    method: 'POST',
    body: { data: record, ...withNote(note) },
    signal,
  });
  return stored(answer, 'answer to the new deal');
}

/** `PUT /api/deals/:id` with `If-Match: "ifMatch"`: the whole record, as revision ifMatch + 1. */
export async function updateDeal(
  context: ApiContext,
  id: string,
  record: Deal,
  ifMatch: number,
  note?: string,
  signal?: AbortSignal,
): Promise<StoredDeal> {
  const answer = await sendJson(apiUrl(dealPath(id), context), {
    method: 'PUT',
    body: { data: record, ...withNote(note) },
    ifMatch,
    signal,
  });
  return stored(answer, 'answer to the saved deal');
}

/** `DELETE /api/deals/:id`: kept as deleted (listed under `deleted=only`), restorable. */
export async function deleteDeal(
  context: ApiContext,
  id: string,
  ifMatch: number,
  signal?: AbortSignal,
): Promise<StoredDeal> {
  const answer = await sendJson(apiUrl(dealPath(id), context), { method: 'DELETE', ifMatch, signal });
  return stored(answer, 'answer to the deleted deal');
}

/** `POST /api/deals/:id/restore`: a deleted deal back, as a new revision. */
export async function restoreDeal(
  context: ApiContext,
  id: string,
  { ifMatch, note, signal }: { ifMatch?: number; note?: string; signal?: AbortSignal } = {},
): Promise<StoredDeal> {
  const answer = await sendJson(apiUrl(dealPath(id, '/restore'), context), {
    method: 'POST',
    body: withNote(note),
    ...(ifMatch !== undefined ? { ifMatch } : {}),
    signal,
  });
  return stored(answer, 'answer to the restored deal');
}

/** One revision of a deal's history; `deal` is its record validated, when it still validates. */
export interface DealRevision extends RevisionEntry {
  deal: Deal | undefined;
  /** Why `deal` is undefined: the stored record fails today's schema. */
  invalidReason?: string;
}

/** `GET /api/deals/:id/revisions`: newest first. A revision that no longer validates is kept, with why. */
export async function fetchRevisions(
  context: ApiContext,
  id: string,
  signal?: AbortSignal,
): Promise<DealRevision[]> {
  const body = expect(
    RevisionListBody,
    await getJson(apiUrl(dealPath(id, '/revisions'), context), signal),
    'history of the deal',
  );
  return body.data.map((entry) => {
    const record = parseDeal(entry.data);
    return record.ok
      ? { ...entry, deal: record.data }
      : { ...entry, deal: undefined, invalidReason: clip(record.reason) };
  });
}

/** `GET /api/export`: the whole data set with every history, as a backup file holds it. */
export async function fetchBackup(context: ApiContext, signal?: AbortSignal): Promise<BackupBody> {
  return expect(BackupBody, await getJson(apiUrl('/api/export', context), signal), 'backup');
}

/**
 * `POST /api/import`: what the backup changes, and with `dryRun` only that (nothing written). The
 * backup is sent as given; the server checks each record and lists the ones it rejects.
 */
export async function importBackup(
  context: ApiContext,
  backup: unknown,
  { dryRun, signal }: { dryRun: boolean; signal?: AbortSignal },
): Promise<ImportPreviewBody> {
  const params = dryRun ? new URLSearchParams({ dryRun: '1' }) : undefined;
  const answer = await sendJson(apiUrl('/api/import', context, params), {
    method: 'POST',
    body: backup,
    signal,
  });
  return expect(ImportPreviewBody, answer.body, 'import summary');
}

/** `POST /api/reset`: every edit of this data set dropped. Returns how many deals had edits. */
export async function resetData(context: ApiContext, signal?: AbortSignal): Promise<{ dropped: number }> {
  const answer = await sendJson(apiUrl('/api/reset', context), { method: 'POST', signal });
  return expect(ResetBody, answer.body, 'reset summary').data;
}
