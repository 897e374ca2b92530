/**
 * The write hooks. Each is TanStack Query's `useMutation` over an option factory of `src/api`
 * (`dealMutations`), so its result is the usual `{ mutate, mutateAsync, isPending, error, data, reset }`.
 *
 *   useCreateDeal(options?)  mutate({ record, note? })                       POST, revision 1
 *   useUpdateDeal(options?)  mutate({ id, record, ifMatch, note? })          PUT with If-Match: "ifMatch"
 *   useDeleteDeal(options?)  mutate({ id, ifMatch })                         DELETE with If-Match
 *   useRestoreDeal(options?) mutate({ id, ifMatch?, note? })                 POST …/restore
 *   useRevertDeal(options?)  mutate({ id, toRevision, record, ifMatch, note? })
 *                            PUT of an old revision's record, note "Revert to revision N"
 *   useResetData()           mutate()                                        POST /api/reset
 *   useImportBackup()        mutate({ backup, dryRun })                      POST /api/import[?dryRun=1]
 *
 *   data:  StoredDeal { deal, revision, savedAt, deleted }: the server's answer, also in the detail cache
 *   error: ApiError { kind, message, status, code, issues, current }:
 *          kind 'conflict' (412): `current` is the deal as stored now (StoredDeal, record validated;
 *                 undefined when the server's copy was unreadable: the message then says to reload);
 *          kind 'invalid' (422): `issues` = [{ path: ['quantity', 'allocations', 0, 'count'], message }];
 *          kind 'storage' (507/503): the browser's storage refused; the message says nothing was saved;
 *          'network' | 'timeout' (the message says the change may or may not have been saved), 'http',
 *          'not-found', 'not-json', 'invalid-response'.
 *   options: { errorToast?: boolean = true, successToast?: boolean = true }. A form that shows the
 *          error beside its fields passes `errorToast: false`.
 *
 * What each write does: the cached lists (`dealQueries.lists`: dashboard, table, neighbours) and the
 * detail change at once (optimistic, through `applyDealChange`); a refusal puts them back and leaves
 * the caller's state alone (a form keeps what was typed: the hook clears nothing); a success writes
 * the server's answer with its new revision into the caches, tells the other tabs, and shows
 * "Saved “<title>”. Undo" (Deleted / Restored for those). Undo sends the inverse write once: an edit
 * or revert PUTs the previous record back (note "Undo of revision N"), a create is deleted, a delete
 * restored, a restore deleted; then "Undone". A write is never retried automatically.
 */
import {
  MutationObserver,
  useMutation,
  useQueryClient,
  type MutationOptions,
  type QueryClient,
} from '@tanstack/react-query';
import {
  dealMutations,
  type ApiError,
  type CreateDealVariables,
  type DeleteDealVariables,
  type RestoreDealVariables,
  type RevertDealVariables,
  type StoredDeal,
  type UpdateDealVariables,
  type WriteSnapshot,
} from '../api';
import type { ApiContext } from '../domain';
import { useApiContext } from './api-context';
import { useTellOtherTabs, type CrossTabMessage } from './cross-tab-sync';
import { useToast, type ToastApi } from './toast';

export interface WriteHookOptions {
  /** Show the error as a notice (default). A form showing it beside its fields turns this off. */
  errorToast?: boolean;
  /** Show "Saved “…”. Undo" (default). */
  successToast?: boolean;
}

type WriteOptions<V> = MutationOptions<StoredDeal, ApiError, V, WriteSnapshot>;

interface Effects {
  client: QueryClient;
  context: ApiContext;
  toast: ToastApi;
  tell: (message: CrossTabMessage) => void;
}

function told(stored: StoredDeal, context: ApiContext): CrossTabMessage {
  return { context: { ...context }, id: stored.deal.id, revision: stored.revision, deleted: stored.deleted };
}

/** Runs a write outside a component (an Undo after its form has gone), with the same cache handling. */
function runWrite<V>(options: WriteOptions<V>, variables: V, effects: Effects): Promise<StoredDeal> {
  return new MutationObserver(effects.client, options).mutate(variables).then((stored) => {
    effects.tell(told(stored, effects.context));
    return stored;
  });
}

/** The write that takes a successful one back, or undefined when the cache did not have what it needs. */
function undoOf(
  what: 'create' | 'update' | 'delete' | 'restore',
  stored: StoredDeal,
  snap: WriteSnapshot | undefined,
  effects: Effects,
): (() => Promise<StoredDeal>) | undefined {
  const { context } = effects;
  const id = stored.deal.id;
  const note = `Undo of revision ${stored.revision}`;
  switch (what) {
    case 'update': {
      const previous = snap?.previous;
      if (!previous) return undefined;
      return () =>
        runWrite(
          dealMutations.update(context),
          { id, record: previous, ifMatch: stored.revision, note },
          effects,
        );
    }
    case 'create':
    case 'restore':
      return () => runWrite(dealMutations.remove(context), { id, ifMatch: stored.revision }, effects);
    case 'delete':
      return () => runWrite(dealMutations.restore(context), { id, ifMatch: stored.revision, note }, effects);
  }
}

const VERB = { create: 'Saved', update: 'Saved', delete: 'Deleted', restore: 'Restored' } as const;

function useWrite<V>(
  base: WriteOptions<V>,
  what: 'create' | 'update' | 'delete' | 'restore',
  { errorToast = true, successToast = true }: WriteHookOptions,
) {
  const client = useQueryClient();
  const context = useApiContext();
  const toast = useToast();
  const tell = useTellOtherTabs();
  const effects: Effects = { client, context, toast, tell };
  return useMutation<StoredDeal, ApiError, V, WriteSnapshot>({
    ...base,
    onSuccess: async (stored, variables, snap, fn) => {
      await base.onSuccess?.(stored, variables, snap, fn);
      tell(told(stored, context));
      if (!successToast) return;
      const undo = undoOf(what, stored, snap, effects);
      toast.show({
        lead: VERB[what],
        value: stored.deal.title,
        tail: '.',
        ...(undo ? { action: { label: 'Undo', onAction: () => void undone(undo, what, toast) } } : {}),
      });
    },
    onError: async (error, variables, snap, fn) => {
      await base.onError?.(error, variables, snap, fn);
      if (errorToast) toast.show({ tone: 'error', text: error.message });
    },
  });
}

const UNDONE = {
  create: ' is deleted again.',
  update: ' is as it was.',
  delete: ' is back.',
  restore: ' is deleted again.',
} as const;

async function undone(
  undo: () => Promise<StoredDeal>,
  what: keyof typeof UNDONE,
  toast: ToastApi,
): Promise<void> {
  try {
    const back = await undo();
    toast.show({ lead: 'Undone:', value: back.deal.title, tail: UNDONE[what] });
  } catch (error) {
    toast.show({
      tone: 'error',
      text: `Could not undo. ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

export function useCreateDeal(options: WriteHookOptions = {}) {
  return useWrite<CreateDealVariables>(dealMutations.create(useApiContext()), 'create', options);
}

export function useUpdateDeal(options: WriteHookOptions = {}) {
  return useWrite<UpdateDealVariables>(dealMutations.update(useApiContext()), 'update', options);
}

export function useRevertDeal(options: WriteHookOptions = {}) {
  return useWrite<RevertDealVariables>(dealMutations.revert(useApiContext()), 'update', options);
}

export function useDeleteDeal(options: WriteHookOptions = {}) {
  return useWrite<DeleteDealVariables>(dealMutations.remove(useApiContext()), 'delete', options);
}

export function useRestoreDeal(options: WriteHookOptions = {}) {
  return useWrite<RestoreDealVariables>(dealMutations.restore(useApiContext()), 'restore', options);
}

/** Every edit of the data set dropped; the other tabs load it again. */
export function useResetData() {
  const context = useApiContext();
  const tell = useTellOtherTabs();
  const base = dealMutations.reset(context);
  return useMutation({
    ...base,
    onSuccess: async (...args) => {
      await base.onSuccess?.(...args);
      tell({ context: { ...context }, all: true });
    },
  });
}

/** A backup checked (`dryRun`) or applied; an applied one makes the other tabs load the data set again. */
export function useImportBackup() {
  const context = useApiContext();
  const tell = useTellOtherTabs();
  const base = dealMutations.import(context);
  return useMutation({
    ...base,
    onSuccess: async (preview, ...rest) => {
      await base.onSuccess?.(preview, ...rest);
      if (!preview.dryRun) tell({ context: { ...context }, all: true });
    },
  });
}
