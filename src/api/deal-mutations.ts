import { mutationOptions, type QueryClient } from '@tanstack/react-query';
import type { ApiContext, Deal } from '../domain';
import { toApiError, type ApiError, type StoredDeal } from './api-error';
import {
  applyStoredDeal,
  cachedDeal,
  invalidateDataset,
  patchOptimistically,
  rollBack,
  sameDataset,
  type OptimisticPatch,
} from './deal-cache';
import { createDeal, deleteDeal, importBackup, resetData, restoreDeal, updateDeal } from './deal-writes';
import type { ImportPreviewBody } from '../domain';

/*
 * Mutation option factories for the write path. Each write is sent once (`retry: false`), patches the
 * cached lists and detail at once (`onMutate`), puts them back if the server refuses (`onError`), and
 * writes the server's answer, with its new revision, into the caches (`onSuccess`). They hold no UI:
 * `src/components/use-deal-mutations.ts` adds the toasts, Undo and the message to other tabs.
 */

export interface CreateDealVariables {
  record: Deal;
  note?: string;
}
export interface UpdateDealVariables {
  id: string;
  record: Deal;
  /** The revision the edit was made against (the form's, when it opened). */
  ifMatch: number;
  note?: string;
}
export interface DeleteDealVariables {
  id: string;
  ifMatch: number;
}
export interface RestoreDealVariables {
  id: string;
  ifMatch?: number;
  note?: string;
}
export interface RevertDealVariables {
  id: string;
  /** The revision brought back, and its record (from the history). */
  toRevision: number;
  record: Deal;
  /** The revision stored now. */
  ifMatch: number;
  /** Added after "Revert to revision N". */
  note?: string;
}

/** What a write found in the cache before it ran: the deal's record and revision (for Undo), and the patch. */
export interface WriteSnapshot {
  patch: OptimisticPatch;
  /** The deal as cached before the write, when it was cached. */
  previous: Deal | undefined;
  /** Its stored revision then, when the detail was cached. */
  previousRevision: number | undefined;
}

/** The note a revert carries: docs/api.md says a revert is a PUT whose note names the revision. */
export function revertNote(toRevision: number, note?: string): string {
  return note ? `Revert to revision ${toRevision}: ${note}` : `Revert to revision ${toRevision}`;
}

const writeKey = (context: ApiContext, what: string) => ['deals', context, 'write', what] as const;

async function settle(client: QueryClient, context: ApiContext, id: string): Promise<void> {
  // A refetch under way would write its older answer over the optimistic one.
  await client.cancelQueries({
    predicate: (query) =>
      query.queryKey[0] === 'deals' &&
      typeof query.queryKey[1] === 'object' &&
      sameDataset(query.queryKey[1] as ApiContext, context) &&
      query.state.fetchStatus === 'fetching' &&
      query.state.data !== undefined &&
      (query.queryKey[2] === 'list' ||
        query.queryKey[2] === 'deleted' ||
        (query.queryKey[2] === 'detail' && query.queryKey[3] === id)),
  });
}

function snapshot(
  client: QueryClient,
  context: ApiContext,
  id: string,
  patch: () => OptimisticPatch,
): WriteSnapshot {
  const { deal, stored } = cachedDeal(client, context, id);
  return { previous: deal, previousRevision: stored?.revision, patch: patch() };
}

async function send<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toApiError(error);
  }
}

function common(context: ApiContext) {
  return {
    retry: false as const,
    onError: (
      _error: ApiError,
      _variables: unknown,
      snap: WriteSnapshot | undefined,
      { client }: { client: QueryClient },
    ) => {
      if (snap) rollBack(client, snap.patch);
    },
    onSuccess: (
      stored: StoredDeal,
      _variables: unknown,
      _snap: WriteSnapshot | undefined,
      { client }: { client: QueryClient },
    ) => {
      applyStoredDeal(client, context, stored);
    },
  };
}

/** An update or a revert: the lists and the detail show the record as typed before the server answers. */
async function showAsTyped(
  client: QueryClient,
  context: ApiContext,
  id: string,
  record: Deal,
): Promise<WriteSnapshot> {
  await settle(client, context, id);
  return snapshot(client, context, id, () =>
    patchOptimistically(client, context, id, { kind: 'upsert', deal: record }, (before) =>
      before ? { ...before, deal: record } : undefined,
    ),
  );
}

export const dealMutations = {
  /** `POST`: the new deal joins the lists at once (unless its id is already listed: the server will say). */
  create: (context: ApiContext) =>
    mutationOptions<StoredDeal, ApiError, CreateDealVariables, WriteSnapshot>({
      mutationKey: writeKey(context, 'create'),
      mutationFn: ({ record, note }) => send(() => createDeal(context, record, note)),
      onMutate: async ({ record }, { client }) => {
        await settle(client, context, record.id);
        const taken = cachedDeal(client, context, record.id).deal !== undefined;
        return snapshot(client, context, record.id, () =>
          patchOptimistically(
            client,
            context,
            record.id,
            taken ? undefined : { kind: 'upsert', deal: record },
            () => undefined,
          ),
        );
      },
      ...common(context),
    }),

  /** `PUT` with `If-Match`: the lists and the detail show the record as typed at once. */
  update: (context: ApiContext) =>
    mutationOptions<StoredDeal, ApiError, UpdateDealVariables, WriteSnapshot>({
      mutationKey: writeKey(context, 'update'),
      mutationFn: ({ id, record, ifMatch, note }) =>
        send(() => updateDeal(context, id, record, ifMatch, note)),
      onMutate: ({ id, record }, { client }) => showAsTyped(client, context, id, record),
      ...common(context),
    }),

  /** A revert is an update whose note names the revision it brings back. */
  revert: (context: ApiContext) =>
    mutationOptions<StoredDeal, ApiError, RevertDealVariables, WriteSnapshot>({
      mutationKey: writeKey(context, 'revert'),
      mutationFn: ({ id, record, ifMatch, toRevision, note }) =>
        send(() => updateDeal(context, id, record, ifMatch, revertNote(toRevision, note))),
      onMutate: ({ id, record }, { client }) => showAsTyped(client, context, id, record),
      ...common(context),
    }),

  /** `DELETE` with `If-Match`: the deal leaves the lists at once; its page says it is deleted. */
  remove: (context: ApiContext) =>
    mutationOptions<StoredDeal, ApiError, DeleteDealVariables, WriteSnapshot>({
      mutationKey: writeKey(context, 'delete'),
      mutationFn: ({ id, ifMatch }) => send(() => deleteDeal(context, id, ifMatch)),
      onMutate: async ({ id }, { client }) => {
        await settle(client, context, id);
        const { deal } = cachedDeal(client, context, id);
        return snapshot(client, context, id, () =>
          patchOptimistically(
            client,
            context,
            id,
            { kind: 'remove', id },
            (before) => (before ? { ...before, deleted: true } : undefined),
            deal ? { kind: 'upsert', deal } : undefined,
          ),
        );
      },
      ...common(context),
    }),

  /** `POST …/restore`: the deal rejoins the lists at once when its record is cached. */
  restore: (context: ApiContext) =>
    mutationOptions<StoredDeal, ApiError, RestoreDealVariables, WriteSnapshot>({
      mutationKey: writeKey(context, 'restore'),
      mutationFn: ({ id, ifMatch, note }) =>
        send(() =>
          restoreDeal(context, id, {
            ...(ifMatch !== undefined ? { ifMatch } : {}),
            ...(note ? { note } : {}),
          }),
        ),
      onMutate: async ({ id }, { client }) => {
        await settle(client, context, id);
        const { deal } = cachedDeal(client, context, id);
        return snapshot(client, context, id, () =>
          patchOptimistically(
            client,
            context,
            id,
            deal ? { kind: 'upsert', deal } : undefined,
            (before) => (before ? { ...before, deleted: false } : undefined),
            { kind: 'remove', id },
          ),
        );
      },
      ...common(context),
    }),

  /** `POST /api/reset`: nothing to patch; every cached deal of the data set is fetched again. */
  reset: (context: ApiContext) =>
    mutationOptions<{ dropped: number }, ApiError, void>({
      mutationKey: writeKey(context, 'reset'),
      mutationFn: () => send(() => resetData(context)),
      retry: false,
      onSuccess: (_data, _variables, _result, { client }) => invalidateDataset(client, context),
    }),

  /** `POST /api/import`: a dry run changes nothing; an import makes every cached deal stale. */
  import: (context: ApiContext) =>
    mutationOptions<ImportPreviewBody, ApiError, { backup: unknown; dryRun: boolean }>({
      mutationKey: writeKey(context, 'import'),
      mutationFn: ({ backup, dryRun }) => send(() => importBackup(context, backup, { dryRun })),
      retry: false,
      onSuccess: (preview, _variables, _result, { client }) =>
        preview.dryRun ? undefined : invalidateDataset(client, context),
    }),
};
