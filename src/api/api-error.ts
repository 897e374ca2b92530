import type { Deal, ValidationIssue } from '../domain';

/** Why a request failed, in words that say what happened and what the user can do. */
export type ApiErrorKind =
  | 'network'
  | 'timeout'
  | 'http'
  | 'not-json'
  | 'invalid-response'
  | 'not-found'
  /** `412`: the deal was saved elsewhere since the edit began; `current` is what is stored now. */
  | 'conflict'
  /** `422`: the server refused the record; `issues` names each problem by its path in the record. */
  | 'invalid'
  /** `507 storage_full` / `503 storage_unavailable`: the browser's storage refused; nothing was saved. */
  | 'storage';

/** One deal as the API stores it: the validated record, its revision (the `ETag`) and its state. */
export interface StoredDeal {
  deal: Deal;
  revision: number;
  savedAt: string;
  deleted: boolean;
}

export interface ApiErrorOptions {
  status?: number;
  code?: string;
  retryAfterMs?: number;
  issues?: ValidationIssue[];
  current?: StoredDeal;
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  /** How long the server asked the client to wait (`Retry-After` on 429 and 503), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** `invalid`: every problem the server found, `path` as zod gives it (empty when it sent none readable). */
  readonly issues: readonly ValidationIssue[];
  /**
   * `conflict`: the deal as stored now, its record validated. Undefined when the server's copy could
   * not be read (the message then says so): reload the deal to see it.
   */
  readonly current: StoredDeal | undefined;

  constructor(kind: ApiErrorKind, message: string, options: ApiErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status;
    this.code = options.code;
    this.retryAfterMs = options.retryAfterMs;
    this.issues = options.issues ?? [];
    this.current = options.current;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Any failure as an ApiError, so a mutation's error always has a `kind` and a message for the user. */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError')
    return new ApiError('network', 'The request was cancelled before the server answered.', { cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiError('network', `The request failed: ${detail}`, { cause: error });
}
