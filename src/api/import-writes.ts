import {
  BatchResultBody,
  BatchUndoBody,
  describeIssues,
  type ApiContext,
  type BatchWriteBody,
} from '../domain';
import type { z } from 'zod/mini';
import { ApiError } from './api-error';
import { clip } from './clip';
import { apiUrl, sendJson } from './http';

/*
 * The batch endpoints of docs/api.md ("Import (batch write)"). Each sends once and is never retried:
 * a batch that timed out may have been written.
 */

function expectBody<T>(schema: z.ZodMiniType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(
      'invalid-response',
      `The deal API's ${what} is not in the expected shape (${clip(describeIssues(parsed.error))}).`,
    );
  return parsed.data;
}

/** `POST /api/deals/batch`: an import's deals in one transaction; the answer lists what was written. */
export async function writeBatch(
  context: ApiContext,
  body: BatchWriteBody,
  signal?: AbortSignal,
): Promise<BatchResultBody> {
  const answer = await sendJson(apiUrl('/api/deals/batch', context), { method: 'POST', body, signal });
  const result = expectBody(BatchResultBody, answer.body, 'answer to the import');
  const bad = result.rejected.find((r) => r.index >= body.items.length);
  if (bad)
    throw new ApiError(
      'invalid-response',
      `The deal API's answer to the import names item ${bad.index}, but the import sent ${body.items.length}.`,
    );
  return result;
}

/** `POST /api/deals/batch/:batchId/undo`: the whole import taken back, as new revisions. */
export async function undoBatch(
  context: ApiContext,
  batchId: string,
  signal?: AbortSignal,
): Promise<BatchUndoBody> {
  const answer = await sendJson(apiUrl(`/api/deals/batch/${encodeURIComponent(batchId)}/undo`, context), {
    method: 'POST',
    signal,
  });
  return expectBody(BatchUndoBody, answer.body, 'answer to the undo of the import');
}
