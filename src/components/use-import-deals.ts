/**
 * The import's write hook: TanStack Query's `useMutation` over `importMutations.write` (src/api), so
 * its result is the usual `{ mutate, mutateAsync, isPending, error, data, reset }`.
 *
 *   useImportDeals()  mutate({ plan, note, fileName })     POST /api/deals/batch
 *
 *   plan:     the confirmed preview (`buildImportPlan`): its `added` are created, its `updated`
 *             written with `ifMatch` = the revision the preview was made against; its `rejected`
 *             go into the report.
 *   data:     { result, rejected, counts: { created, updated, skipped }, undo, written }
 *   error:    ApiError (a batch is all or nothing: on an error nothing was written, and the message
 *             says so; 'network' / 'timeout' say it may or may not have been).
 *
 * On success the lists (dashboard, table) show the written deals at once, the other tabs are told,
 * and one notice says "Imported 700 deals, updated 12, skipped 52." with Undo (the whole batch, in
 * one step; Ctrl+Z too) and, when rows were skipped, "Download the report" (their lines and reasons
 * as CSV). Undo answers "Undone: …" and names the deals it left because they changed since.
 */
import { MutationObserver, useMutation, useQueryClient } from '@tanstack/react-query';
import {
  importMutations,
  type ImportUndoVariables,
  type ImportWriteResult,
  type ImportWriteVariables,
} from '../api/import-mutations';
import type { ApiError } from '../api';
import { importReportCsv, importReportName, importSummary } from '../domain/import/report-csv';
import type { RejectedRow } from '../domain/import/types';
import type { ApiContext } from '../domain';
import { useApiContext } from './api-context';
import { download } from './chart-export/raster';
import { useTellOtherTabs, type CrossTabMessage } from './cross-tab-sync';
import { useToast, type ToastApi } from './toast';

export interface ImportDealsVariables extends ImportWriteVariables {
  /** The imported file's name, for the report's file name. */
  fileName: string;
}

/** Saves the rows that could not be imported as `import-report-<file>.csv`. */
export function downloadImportReport(rejected: readonly RejectedRow[], fileName: string): void {
  download(
    new Blob([importReportCsv(rejected)], { type: 'text/csv;charset=utf-8' }),
    importReportName(fileName),
  );
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

async function undoImport(
  variables: ImportUndoVariables,
  effects: {
    client: ReturnType<typeof useQueryClient>;
    context: ApiContext;
    toast: ToastApi;
    tell: (m: CrossTabMessage) => void;
  },
): Promise<void> {
  const { client, context, toast, tell } = effects;
  try {
    const answer = await new MutationObserver(client, importMutations.undo(context)).mutate(variables);
    tell({ context: { ...context }, all: true });
    const parts = [];
    if (answer.retired.length > 0)
      parts.push(`${count(answer.retired.length, 'new deal', 'new deals')} removed`);
    if (answer.reverted.length > 0) parts.push(`${count(answer.reverted.length, 'deal', 'deals')} as before`);
    const done = parts.length > 0 ? parts.join(', ') : 'nothing to take back';
    const left =
      answer.skipped.length > 0
        ? ` ${count(answer.skipped.length, 'deal was', 'deals were')} changed since the import and left as they are.`
        : '';
    toast.show({ lead: `Undone: the import is taken back (${done}).${left}` });
  } catch (error) {
    toast.show({
      tone: 'error',
      text: `Could not undo the import. ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

export function useImportDeals() {
  const client = useQueryClient();
  const context = useApiContext();
  const toast = useToast();
  const tell = useTellOtherTabs();
  const base = importMutations.write(context);
  return useMutation<ImportWriteResult, ApiError, ImportDealsVariables>({
    ...base,
    onSuccess: async (answer, variables, result, fn) => {
      await base.onSuccess?.(answer, variables, result, fn);
      tell({ context: { ...context }, all: true });
      const { undo, rejected, counts } = answer;
      const something = undo.created.length + undo.before.length > 0;
      toast.show({
        lead: `${importSummary(counts)}.`,
        ...(something
          ? {
              action: {
                label: 'Undo',
                onAction: () => void undoImport(undo, { client, context, toast, tell }),
              },
            }
          : {}),
        ...(rejected.length > 0
          ? {
              secondaryAction: {
                label: 'Download the report',
                onAction: () => downloadImportReport(rejected, variables.fileName),
              },
            }
          : {}),
      });
    },
    onError: (error) => {
      toast.show({ tone: 'error', text: error.message });
    },
  });
}
