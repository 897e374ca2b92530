import type { StoredDeal } from '../../api';
import { useCreateDeal, useUpdateDeal } from '../../components/use-deal-mutations';
import type { Deal } from '../../domain';

/**
 * The form's two writes, as promises that reject with the server's `ApiError`: the form keeps what
 * was typed and shows why beside the fields (so no error toast), while a success shows the client's
 * "Saved … Undo" toast. An edit sends `If-Match` with the revision the form opened at.
 */
export function useSaveDeal() {
  const createMutation = useCreateDeal({ errorToast: false });
  const updateMutation = useUpdateDeal({ errorToast: false });
  return {
    create: (record: Deal, note: string): Promise<StoredDeal> =>
      createMutation.mutateAsync({ record, ...(note ? { note } : {}) }),
    update: (id: string, record: Deal, ifMatch: number, note: string): Promise<StoredDeal> =>
      updateMutation.mutateAsync({ id, record, ifMatch, ...(note ? { note } : {}) }),
  };
}

/** The client's words for a failed write ("Not saved: …"), said once; a bare failure gets them added. */
export function notSavedMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /\bsaved\b/i.test(message) ? message : `Nothing was saved: ${message}`;
}
