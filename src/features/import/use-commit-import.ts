import { useImportDeals } from '../../components/use-import-deals';
import { importSummary } from '../../domain/import/report-csv';
import type { ImportPlan } from '../../domain/import/types';

/**
 * Confirm: the plan written as one batch through the shared import hook, which patches the lists and
 * shows "Imported N deals, updated M, skipped K." with Undo. A refused batch leaves everything as it
 * was; its message is kept here for the preview to show beside Retry.
 */
export function useCommitImport() {
  const write = useImportDeals();
  return {
    pending: write.isPending,
    error: write.error ? write.error.message : null,
    reset: write.reset,
    /** The summary sentence once written; null when the batch was refused. */
    commit: async (plan: ImportPlan, fileName: string): Promise<string | null> => {
      try {
        const answer = await write.mutateAsync({ plan, note: `Imported from ${fileName}`, fileName });
        return `${importSummary(answer.counts)}.`;
      } catch {
        return null;
      }
    },
  };
}
