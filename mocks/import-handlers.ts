import { http, HttpResponse } from 'msw';
import { BatchWriteBody, MAX_LIMIT, type BatchResultBody } from '../src/domain/model/api-contract';
import { describeIssues } from '../src/domain/model/parse-deals';
import { errorResponse } from './scenarios';
import { undoBatch, writeBatch } from './store/batch-store';
import type { TrackingStore } from './store/tracking-store';
import { contextOf, guarded, readJson } from './tracking-handlers';

/**
 * The batch endpoints of docs/api.md ("Import (batch write)"): an import's confirmed deals written in
 * one transaction (`POST /api/deals/batch`), and that batch undone in one step
 * (`POST /api/deals/batch/:batchId/undo`). Storage failures answer 503/507 as every write does.
 */
export function importHandlers(store: TrackingStore) {
  return [
    http.post('*/api/deals/batch', async ({ request }) => {
      const ctx = await contextOf(request, 'batch');
      if (ctx instanceof Response) return ctx;
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const body = BatchWriteBody.safeParse(read.body);
      if (!body.success) {
        return errorResponse(
          400,
          'bad_body',
          `The request body must be { "note": "…", "items": [{ "data": {…the deal…}, "ifMatch"?: N }] } (${describeIssues(body.error).slice(0, 300)}). Nothing was saved.`,
        );
      }
      if (body.data.items.length > MAX_LIMIT) {
        return errorResponse(
          413,
          'too_large',
          `A batch holds at most ${MAX_LIMIT.toLocaleString('en')} deals; this one has ${body.data.items.length.toLocaleString('en')}. Nothing was saved.`,
        );
      }
      const note = body.data.note.slice(0, 2000);
      return guarded(async () => {
        const result: BatchResultBody = await writeBatch(store, ctx.key, ctx.base, body.data.items, note);
        return HttpResponse.json(result);
      });
    }),

    http.post('*/api/deals/batch/:batchId/undo', async ({ request, params }) => {
      const ctx = await contextOf(request, 'batch-undo');
      if (ctx instanceof Response) return ctx;
      const batchId = String(params.batchId);
      return guarded(async () => {
        const answer = await undoBatch(store, ctx.key, ctx.base, batchId);
        return answer.ok
          ? HttpResponse.json(answer.body)
          : errorResponse(answer.status, answer.code, answer.message);
      });
    }),
  ];
}
