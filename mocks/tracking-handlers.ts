import { http, HttpResponse } from 'msw';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupBody,
  type DealEnvelope,
  type ImportPreviewBody,
  type InvalidRecordBody,
  type ResetBody,
  type RevisionEntry,
  type RevisionListBody,
  type StaleWriteBody,
} from '../src/domain/model/api-contract';
import type { Deal } from '../src/domain/model/deal-schema';
import {
  backupIds,
  parseIfMatch,
  readBackup,
  seedEntry,
  type BaseRecords,
  type Head,
  type Outcome,
  type Refusal,
} from '../src/domain/tracking/revision-log';
import { chooseDataset, describeDataset, type DatasetDescription } from './datasets';
import { applyScenario, errorResponse } from './scenarios';
import { StoreError } from './store/errors';
import type { HeadRow, TrackingStore } from './store/tracking-store';

/** The key a data set's edits are kept under: `seed`, or `synthetic-<size>-<seed>`. */
export function datasetKeyOf(described: DatasetDescription & { ok: true }): string {
  const s = described.synthetic;
  return s ? `synthetic-${s.size}-${s.seed}` : 'seed';
}

function storeErrorResponse(error: StoreError): Response {
  return errorResponse(error.status, error.code, error.message);
}

/**
 * A data set's overlay for a read. A browser with no storage at all (IndexedDB off) has no edits to
 * show, so reads serve the shipped records; any other storage failure is answered as it is.
 */
export async function readOverlay(store: TrackingStore, key: string): Promise<HeadRow[] | Response> {
  try {
    return await store.overlay(key);
  } catch (error) {
    if (error instanceof StoreError) return error.reason === 'missing' ? [] : storeErrorResponse(error);
    throw error;
  }
}

/**
 * The base list with the overlay applied: an edited deal in its place, a created one appended, a
 * deleted one left out (or, for `deleted=only`, the deleted ones alone). With no overlay the base
 * array itself, so an unedited 100,000-deal load costs what it did.
 */
export function mergeOverlay(
  base: readonly Deal[],
  overlay: readonly HeadRow[],
  deletedOnly: boolean,
): Deal[] {
  if (deletedOnly) return overlay.filter((h) => h.deleted).map((h) => h.data);
  if (overlay.length === 0) return base as Deal[];
  const byId = new Map(overlay.map((h) => [h.dealId, h]));
  const out: Deal[] = [];
  for (const deal of base) {
    const head = byId.get(deal.id);
    if (!head) out.push(deal);
    else if (!head.deleted) out.push(head.data);
    byId.delete(deal.id);
  }
  for (const head of byId.values()) if (!head.deleted) out.push(head.data);
  return out;
}

function envelopeOf(head: Head): DealEnvelope {
  return { data: head.data, revision: head.revision, savedAt: head.savedAt, deleted: head.deleted };
}

function envelopeResponse(head: Head, status = 200, extra: Record<string, string> = {}): Response {
  return HttpResponse.json(envelopeOf(head), { status, headers: { ETag: `"${head.revision}"`, ...extra } });
}

function refusalResponse(refusal: Refusal): Response {
  switch (refusal.kind) {
    case 'not_found':
      return errorResponse(404, 'not_found', refusal.message);
    case 'if_match_required':
      return errorResponse(428, 'if_match_required', refusal.message);
    case 'id_taken':
      return errorResponse(409, 'id_taken', refusal.message);
    case 'stale':
    case 'deleted': {
      const body: StaleWriteBody = {
        error: { code: refusal.kind, message: refusal.message },
        current: envelopeOf(refusal.current),
      };
      return HttpResponse.json(body, {
        status: refusal.kind === 'stale' ? 412 : 409,
        headers: { ETag: `"${refusal.current.revision}"` },
      });
    }
    case 'invalid':
    case 'id_mismatch': {
      const issues =
        refusal.kind === 'invalid' ? refusal.issues : [{ path: ['id'], message: refusal.message }];
      const body: InvalidRecordBody = { error: { code: 'invalid_record', message: refusal.message, issues } };
      return HttpResponse.json(body, { status: 422 });
    }
  }
}

function outcomeResponse(outcome: Outcome, status = 200): Response {
  return outcome.ok ? envelopeResponse(outcome.head, status) : refusalResponse(outcome.refusal);
}

interface Context {
  params: URLSearchParams;
  key: string;
  base: BaseRecords;
}

/** The data set a request names, with its base records; or the response that refuses it. */
export async function contextOf(request: Request, endpoint: string): Promise<Context | Response> {
  const params = new URL(request.url).searchParams;
  const failure = await applyScenario(params, endpoint);
  if (failure) return failure;
  const described = describeDataset(params);
  if (!described.ok) return badParameter(described.param, described.message);
  const choice = chooseDataset(params);
  if (!choice.ok) return badParameter(choice.param, choice.message);
  const { byId, meta } = choice.dataset;
  return {
    params,
    key: datasetKeyOf(described),
    base: { get: (id) => byId.get(id), savedAt: meta.generatedAt },
  };
}

export function badParameter(param: string, message: string): Response {
  return errorResponse(400, 'bad_parameter', `Bad parameter "${param}": ${message}`, param);
}

/** A JSON body; undefined (not an error) when there is none, for endpoints whose body is optional. */
export async function readJson(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (text.trim() === '') return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      response: errorResponse(400, 'bad_body', 'The request body is not JSON. Nothing was saved.'),
    };
  }
}

async function readWriteBody(
  request: Request,
): Promise<{ ok: true; data: unknown; note: string | undefined } | { ok: false; response: Response }> {
  const read = await readJson(request);
  if (!read.ok) return read;
  const body = read.body;
  if (typeof body !== 'object' || body === null || !('data' in body)) {
    return {
      ok: false,
      response: errorResponse(
        400,
        'bad_body',
        'The request body must be { "data": {…the deal…}, "note"?: "…" }. Nothing was saved.',
      ),
    };
  }
  const note = 'note' in body && typeof body.note === 'string' ? body.note.slice(0, 2000) : undefined;
  return { ok: true, data: body.data, note };
}

/** A read of the store; on a page with no storage at all, `fallback` (the shipped state) instead. */
async function readOr<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof StoreError && error.reason === 'missing') return fallback;
    throw error;
  }
}

/** Runs a store call; a storage failure becomes its 503/507 answer. */
export async function guarded(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof StoreError) return storeErrorResponse(error);
    throw error;
  }
}

export function trackingHandlers(store: TrackingStore) {
  return [
    http.get('*/api/deals/:id', async ({ request, params: path }) => {
      const ctx = await contextOf(request, 'deal');
      if (ctx instanceof Response) return ctx;
      const id = String(path.id);
      try {
        const head = await store.head(ctx.key, id, ctx.base);
        if (!head) return errorResponse(404, 'not_found', `No deal has the id "${id}".`);
        return envelopeResponse(head);
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        // No storage at all: the shipped record is all there is.
        const record = error.reason === 'missing' ? ctx.base.get(id) : undefined;
        if (record)
          return envelopeResponse({ data: record, revision: 1, savedAt: ctx.base.savedAt, deleted: false });
        return error.reason === 'missing'
          ? errorResponse(404, 'not_found', `No deal has the id "${id}".`)
          : storeErrorResponse(error);
      }
    }),

    http.get('*/api/deals/:id/revisions', async ({ request, params: path }) => {
      const ctx = await contextOf(request, 'revisions');
      if (ctx instanceof Response) return ctx;
      const id = String(path.id);
      return guarded(async () => {
        const record = ctx.base.get(id);
        const shipped = record && [seedEntry(record, ctx.base.savedAt)];
        const entries = await readOr(() => store.revisions(ctx.key, id, ctx.base), shipped);
        if (!entries) return errorResponse(404, 'not_found', `No deal has the id "${id}".`);
        const body: RevisionListBody = { data: entries };
        return HttpResponse.json(body);
      });
    }),

    http.post('*/api/deals', async ({ request }) => {
      const ctx = await contextOf(request, 'create');
      if (ctx instanceof Response) return ctx;
      const body = await readWriteBody(request);
      if (!body.ok) return body.response;
      return guarded(async () => {
        const outcome = await store.create(ctx.key, ctx.base, body.data, body.note);
        if (!outcome.ok) return refusalResponse(outcome.refusal);
        return envelopeResponse(outcome.head, 201, {
          Location: `/api/deals/${encodeURIComponent(outcome.head.data.id)}`,
        });
      });
    }),

    http.put('*/api/deals/:id', async ({ request, params: path }) => {
      const ctx = await contextOf(request, 'update');
      if (ctx instanceof Response) return ctx;
      const ifMatch = parseIfMatch(request.headers.get('If-Match'));
      const body = await readWriteBody(request);
      if (!body.ok) return body.response;
      return guarded(async () =>
        outcomeResponse(await store.edit(ctx.key, ctx.base, String(path.id), body.data, ifMatch, body.note)),
      );
    }),

    http.delete('*/api/deals/:id', async ({ request, params: path }) => {
      const ctx = await contextOf(request, 'delete');
      if (ctx instanceof Response) return ctx;
      const ifMatch = parseIfMatch(request.headers.get('If-Match'));
      return guarded(async () =>
        outcomeResponse(await store.remove(ctx.key, ctx.base, String(path.id), ifMatch)),
      );
    }),

    http.post('*/api/deals/:id/restore', async ({ request, params: path }) => {
      const ctx = await contextOf(request, 'restore');
      if (ctx instanceof Response) return ctx;
      const ifMatch = parseIfMatch(request.headers.get('If-Match'));
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const body = read.body;
      const note =
        typeof body === 'object' && body !== null && 'note' in body && typeof body.note === 'string'
          ? body.note.slice(0, 2000)
          : undefined;
      return guarded(async () =>
        outcomeResponse(await store.restore(ctx.key, ctx.base, String(path.id), ifMatch, note)),
      );
    }),

    http.get('*/api/export', async ({ request }) => {
      const ctx = await contextOf(request, 'export');
      if (ctx instanceof Response) return ctx;
      const choice = chooseDataset(ctx.params);
      if (!choice.ok) return badParameter(choice.param, choice.message);
      return guarded(async () => {
        const [overlay, histories] = await Promise.all([
          readOr(() => store.overlay(ctx.key), []),
          readOr(() => store.history(ctx.key), new Map<string, RevisionEntry[]>()),
        ]);
        const byId = new Map(overlay.map((h) => [h.dealId, h]));
        const deals: BackupBody['deals'] = [];
        const withHistory = (head: HeadRow) => {
          const stored = histories.get(head.dealId) ?? [];
          const base = ctx.base.get(head.dealId);
          // Revision 1 of a shipped record is not stored; the backup lists it with the rest.
          const history =
            base && stored.at(-1)?.revision !== 1 ? [...stored, seedEntry(base, ctx.base.savedAt)] : stored;
          return { revision: head.revision, deleted: head.deleted, data: head.data, history };
        };
        for (const deal of choice.dataset.deals) {
          const head = byId.get(deal.id);
          deals.push(head ? withHistory(head) : { revision: 1, deleted: false, data: deal });
          byId.delete(deal.id);
        }
        for (const head of byId.values()) deals.push(withHistory(head));
        const body: BackupBody = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          exportedAt: new Date().toISOString(),
          dataset: ctx.key,
          deals,
        };
        // Encoded once: a whole synthetic set is about 130 MB, and HttpResponse.json encodes thrice.
        const bytes = new TextEncoder().encode(JSON.stringify(body));
        return new HttpResponse(bytes, {
          headers: { 'content-type': 'application/json', 'content-length': String(bytes.byteLength) },
        });
      });
    }),

    http.post('*/api/import', async ({ request }) => {
      const ctx = await contextOf(request, 'import');
      if (ctx instanceof Response) return ctx;
      const dryRunParam = ctx.params.get('dryRun');
      if (dryRunParam !== null && !['1', 'true', '0', 'false'].includes(dryRunParam)) {
        return badParameter('dryRun', `"${dryRunParam}" is not known: use dryRun=1`);
      }
      const dryRun = dryRunParam === '1' || dryRunParam === 'true';
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const backup = readBackup(read.body, ctx.key);
      if (!backup.ok) return errorResponse(400, backup.refusal.kind, backup.refusal.message);
      return guarded(async () => {
        const preview = await store.importBackup(
          ctx.key,
          ctx.base,
          backup.deals,
          backupIds(backup.deals),
          dryRun,
        );
        const body: ImportPreviewBody = { dryRun, ...preview };
        return HttpResponse.json(body);
      });
    }),

    http.post('*/api/reset', async ({ request }) => {
      const ctx = await contextOf(request, 'reset');
      if (ctx instanceof Response) return ctx;
      return guarded(async () => {
        const body: ResetBody = { data: { dropped: await store.reset(ctx.key) } };
        return HttpResponse.json(body);
      });
    }),
  ];
}
