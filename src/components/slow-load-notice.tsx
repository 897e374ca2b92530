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
  /** After how long a load shows a progress bar (records or bytes received). */
  progressAfterMs?: number;
  /** After how long a load counts as slow and offers Cancel. */
  slowAfterMs?: number;
  /** After "Keep waiting", how long until the notice asks again. */
  askAgainAfterMs?: number;
}

const MB = 1024 * 1024;
const megabytes = (bytes: number) => (bytes / MB).toLocaleString('en', { maximumFractionDigits: 0 });

/** What the bar shows: bytes while a body arrives, then records checked, or nothing known yet. */
function measureOf(progress: DealListProgress | undefined): { value?: number; max?: number; text: string } {
  if (progress?.bytes) {
    const { received, total } = progress.bytes;
    return total
      ? {
          value: received,
          max: total,
          text: `Receiving deals… ${megabytes(received)} of ${megabytes(total)} MB.`,
        }
      : { text: `Receiving deals… ${megabytes(received)} MB.` };
  }
  if (progress && progress.total > 0 && progress.received < progress.total) {
    return {
      value: progress.received,
      max: progress.total,
      text: `Loading deals… ${formatCount(progress.received)} of ${formatCount(progress.total)}.`,
    };
  }
  return { text: 'Loading deals…' };
}

/**
 * A load that takes long says so: after a second a progress bar (bytes received, then records
 * checked), after a few how long it has waited and the choice to stop waiting or go on, instead of a
 * skeleton with no end and no word.
 */
export function SlowLoadNotice(props: SlowLoadNoticeProps) {
  // Mounted afresh for each load, so its clock and "Keep waiting" start from zero.
  return props.loading ? <PendingLoad {...props} /> : null;
}

function PendingLoad({
  progress,
  retryReason,
  onCancel,
  progressAfterMs = 1000,
  slowAfterMs = 4000,
  askAgainAfterMs = 15_000,
}: SlowLoadNoticeProps) {
  const [elapsed, setElapsed] = useState(0);
  const [quietUntil, setQuietUntil] = useState(slowAfterMs);
  const [showBar, setShowBar] = useState(false);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => setElapsed(Date.now() - started), 1000);
    const bar = setTimeout(() => setShowBar(true), progressAfterMs);
    return () => {
      clearInterval(timer);
      clearTimeout(bar);
    };
  }, [progressAfterMs]);

  const paged = progress !== undefined && progress.received < progress.total;
  const slow = elapsed >= quietUntil;
  if (!paged && !slow && !showBar && !retryReason) return null;
  const measure = measureOf(progress);
  return (
    <div className="notice notice--progress" role="status">
      <div>
        {paged || showBar ? (
          <>
            {measure.text}{' '}
            <progress
              className="load-progress"
              aria-label="Deals loaded"
              {...(measure.max !== undefined ? { value: measure.value, max: measure.max } : {})}
            />{' '}
          </>
        ) : null}
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
