import { useEffect, useState } from 'react';
import type { DealListProgress } from '../api';
import { formatCount } from '../domain';

export interface SlowLoadNoticeProps {
  /** True while the request runs; the notice starts counting from when it becomes true. */
  loading: boolean;
  /** How far a paged load has got, when the server sends its answer in pages. */
  progress?: DealListProgress | undefined;
  /** Why the last attempt failed while an automatic retry is under way. */
  retryReason?: string | undefined;
  onCancel: () => void;
  /** After how long a load counts as slow and offers Cancel. */
  slowAfterMs?: number;
  /** After "Keep waiting", how long until the notice asks again. */
  askAgainAfterMs?: number;
}

/**
 * A load that takes long says so: how long it has waited, how far a paged answer has got, and the
 * choice to stop waiting or go on, instead of a skeleton with no end and no word.
 */
export function SlowLoadNotice(props: SlowLoadNoticeProps) {
  // Mounted afresh for each load, so its clock and "Keep waiting" start from zero.
  return props.loading ? <PendingLoad {...props} /> : null;
}

function PendingLoad({
  progress,
  retryReason,
  onCancel,
  slowAfterMs = 4000,
  askAgainAfterMs = 15_000,
}: SlowLoadNoticeProps) {
  const [elapsed, setElapsed] = useState(0);
  const [quietUntil, setQuietUntil] = useState(slowAfterMs);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Date.now() - started), 1000);
    return () => clearInterval(timer);
  }, []);

  const paged = progress !== undefined && progress.received < progress.total;
  const slow = elapsed >= quietUntil;
  if (!paged && !slow && !retryReason) return null;
  return (
    <div className="notice" role="status">
      <div>
        {paged
          ? `Loading deals… ${formatCount(progress.received)} of ${formatCount(progress.total)}. `
          : null}
        {slow ? (
          <>
            Still loading… {/* Announced once, not every second. */}
            <span aria-hidden="true">({Math.floor(elapsed / 1000)} s)</span>
          </>
        ) : null}
        {retryReason ? ` The last attempt failed (${retryReason}); trying again.` : null}
      </div>
      {slow ? (
        <div>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>{' '}
          <button type="button" onClick={() => setQuietUntil(elapsed + askAgainAfterMs)}>
            Keep waiting
          </button>
        </div>
      ) : null}
    </div>
  );
}
