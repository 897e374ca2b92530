import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import {
  applyDealChange,
  type ApiContext,
  type BatchResultBody,
  type BatchUndoBody,
  type Deal,
} from '../domain';
import { batchOf } from '../domain/import/plan';
import { refusedRows } from '../domain/import/report-csv';
import type { ImportPlan, RejectedRow } from '../domain/import/types';
import { toApiError, type ApiError } from './api-error';
import { invalidateDeals, replaceLists } from './deal-cache';
import type { DealListResult } from './deals-api';
import { undoBatch, writeBatch } from './import-writes';

/*
 * Mutation option factories for an import (docs/api.md, "Import (batch write)"). A batch is written
 * once (`retry: false`); when it succeeds, the written deals go into every cached list of the data set
 * in one pass (new ones appended, updated ones replaced where they stand), so the dashboard and the
 * table show the import at once. Nothing is patched before the server answers: a refused or failed
 * batch leaves the caches as they were. No UI here: `src/components/use-import-deals.ts` adds the
 * toast, its Undo and the report.
 */

export interface ImportWriteVariables {
  plan: Pick<ImportPlan, 'added' | 'updated' | 'rejected'>;
  /** The batch's note, kept on every revision it writes ("Imported from trade-register.csv"). */
  note: string;
}

export interface ImportWriteResult {
  result: BatchResultBody;
  /** The rows the plan could not import and the items the server refused, for the report. */
  rejected: RejectedRow[];
  counts: { created: number; updated: number; skipped: number };
  /** What undoing it needs: the created ids, and each updated deal's record before the import. */
  undo: ImportUndoVariables;
  /** The records written (created and updated), as the lists now show them. */
  written: Deal[];
}

export interface ImportUndoVariables {
  batchId: string;
  created: string[];
  /** The records the updated deals had before the batch, put back in the lists when they are reverted. */
  before: Deal[];
}

const writeKey = (context: ApiContext, what: string) => ['deals', context, 'write', what] as const;

/** Past this many changes a list is rebuilt in one pass rather than patched one deal at a time. */
const PATCH_ONE_BY_ONE = 16;

/**
 * The list with `upserts` put in (replaced where they stand, else appended) and `removed` left out,
 * as a new object. A few changes are applied one by one (each patches the indexes of the list's
 * collection); many are one pass over the list, whose indexes are then built afresh on first use.
 */
export function withDeals(
  list: DealListResult,
  upserts: readonly Deal[],
  removed: ReadonlySet<string> = new Set(),
): DealListResult {
  if (upserts.length + removed.size === 0) return list;
  if (upserts.length + removed.size <= PATCH_ONE_BY_ONE) {
    let next = list;
    for (const id of removed) next = applyDealChange(next, { kind: 'remove', id });
    for (const deal of upserts) next = applyDealChange(next, { kind: 'upsert', deal });
    return next;
  }
  const byId = new Map(upserts.map((deal) => [deal.id, deal]));
  const deals: Deal[] = [];
  let dropped = 0;
  for (const deal of list.deals) {
    if (removed.has(deal.id)) {
      dropped++;
      continue;
    }
    const replacement = byId.get(deal.id);
    if (replacement) byId.delete(deal.id);
    deals.push(replacement ?? deal);
  }
  for (const deal of byId.values()) deals.push(deal);
  const delta = byId.size - dropped;
  return {
    ...list,
    deals,
    total: Math.max(0, list.total + delta),
    received: Math.max(0, list.received + delta),
  };
}

function applyToCaches(
  client: QueryClient,
  context: ApiContext,
  upserts: readonly Deal[],
  removed: ReadonlySet<string>,
): void {
  replaceLists(client, context, (list) => withDeals(list, upserts, removed));
  invalidateDeals(client, context, new Set([...upserts.map((d) => d.id), ...removed]));
}

async function send<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toApiError(error);
  }
}

export const importMutations = {
  /** `POST /api/deals/batch` of a confirmed plan; on success the lists show the written deals. */
  write: (context: ApiContext) =>
    mutationOptions<ImportWriteResult, ApiError, ImportWriteVariables>({
      mutationKey: writeKey(context, 'import-batch'),
      retry: false,
      mutationFn: async ({ plan, note }) => {
        const { body, places } = batchOf(plan, note);
        const result = await send(() => writeBatch(context, body));
        const refused = refusedRows(places, result.rejected);
        const created = new Set(result.created);
        const updated = new Set(result.updated);
        return {
          result,
          rejected: [...plan.rejected, ...refused],
          counts: {
            created: result.created.length,
            updated: result.updated.length,
            skipped: plan.rejected.length + refused.length,
          },
          undo: {
            batchId: result.batchId,
            created: result.created,
            before: plan.updated.filter((u) => updated.has(u.existingId)).map((u) => u.before),
          },
          written: [
            ...plan.added.filter((p) => created.has(p.deal.id)).map((p) => p.deal),
            ...plan.updated.filter((u) => updated.has(u.existingId)).map((u) => u.after),
          ],
        };
      },
      onSuccess: ({ written }, _variables, _result, { client }) =>
        applyToCaches(client, context, written, new Set()),
    }),

  /** `POST /api/deals/batch/:batchId/undo`; on success the lists drop the retired deals and show the reverted ones. */
  undo: (context: ApiContext) =>
    mutationOptions<BatchUndoBody, ApiError, ImportUndoVariables>({
      mutationKey: writeKey(context, 'import-undo'),
      retry: false,
      mutationFn: ({ batchId }) => send(() => undoBatch(context, batchId)),
      onSuccess: (answer, { before }, _result, { client }) => {
        const reverted = new Set(answer.reverted);
        applyToCaches(
          client,
          context,
          before.filter((deal) => reverted.has(deal.id)),
          new Set(answer.retired),
        );
      },
    }),
};
