import { useState } from 'react';
import type { ImportPlan } from '../../domain/import/types';

/** Confirm: the plan written as one batch (H3's hook, wired once it lands). */
export function useCommitImport() {
  const [error, setError] = useState<string | null>(null);
  return {
    pending: false,
    error,
    reset: () => setError(null),
    commit: (plan: ImportPlan, fileName: string): Promise<string | null> => {
      setError(`not wired yet (${plan.added.length} from ${fileName})`);
      return Promise.resolve(null);
    },
  };
}
