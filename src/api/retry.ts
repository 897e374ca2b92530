import { isApiError } from './api-error';

/** Waiting longer than this for a server that asked for it is left to the user's Retry. */
export const MAX_RETRY_WAIT_MS = 30_000;
const BASE_DELAY_MS = 1000;

/**
 * Whether asking again can help: a dropped connection, a timeout, a server fault or being told to
 * slow down can pass; any other 4xx, an unknown id or a malformed answer will come back the same.
 */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return true;
  if (error.retryAfterMs !== undefined && error.retryAfterMs > MAX_RETRY_WAIT_MS) return false;
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      return (
        error.status === undefined || error.status >= 500 || error.status === 408 || error.status === 429
      );
    default:
      return false;
  }
}

/**
 * The wait before retry number `failureCount + 1` (TanStack Query counts from 0): what the server asked
 * for, else 1, 2, 4 … s up to 30 s, jittered so that many clients do not retry in step.
 */
export function retryDelay(failureCount: number, error: unknown, random: () => number = Math.random): number {
  if (isApiError(error) && error.retryAfterMs !== undefined)
    return Math.min(error.retryAfterMs, MAX_RETRY_WAIT_MS);
  const exponential = Math.min(BASE_DELAY_MS * 2 ** failureCount, MAX_RETRY_WAIT_MS);
  return Math.round(exponential * (0.75 + random() * 0.5));
}

/** Whether a query client's `retry` default (a count, a flag or a function) allows another try. */
export function withinRetryBudget(budget: unknown, failureCount: number, error: unknown): boolean {
  if (typeof budget === 'number') return failureCount < budget;
  if (typeof budget === 'boolean') return budget;
  if (typeof budget === 'function')
    return Boolean((budget as (n: number, e: unknown) => unknown)(failureCount, error));
  // TanStack Query's own default.
  return failureCount < 3;
}
