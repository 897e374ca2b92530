/**
 * Failures of the browser's storage, as the write path's contract names them (docs/api.md): every
 * message says that nothing was saved and nothing is lost, because both are true — a write is one
 * transaction, and a refused one leaves the stored state as it was.
 */
export type StoreFailure = 'full' | 'missing' | 'blocked' | 'newer' | 'failed';

export class StoreError extends Error {
  constructor(
    readonly status: 503 | 507,
    readonly code: 'storage_unavailable' | 'storage_full',
    message: string,
    /** Why: a page with no storage at all still reads the shipped records; the others do not. */
    readonly reason: StoreFailure,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

const NOTHING_LOST = 'Nothing was saved, and nothing saved before is lost.';

export const STORAGE_FULL = () =>
  new StoreError(
    507,
    'storage_full',
    `The browser's storage for this site is full, so the change could not be kept. ${NOTHING_LOST} Free some space (for example, remove other sites' data) and save again.`,
    'full',
  );

export const STORAGE_MISSING = () =>
  new StoreError(
    503,
    'storage_unavailable',
    `This browser gives the page no storage (IndexedDB is off, as in some private windows), so changes cannot be kept. ${NOTHING_LOST} Open the app in a normal window to edit.`,
    'missing',
  );

export const STORAGE_BLOCKED = () =>
  new StoreError(
    503,
    'storage_unavailable',
    `Another tab of this app is open with an older version of its storage and blocks the upgrade. ${NOTHING_LOST} Close the other tab (or reload it), then try again.`,
    'blocked',
  );

export const STORAGE_NEWER = (detail: string) =>
  new StoreError(503, 'storage_unavailable', `${detail} ${NOTHING_LOST}`, 'newer');

export const STORAGE_FAILED = (detail: string) =>
  new StoreError(
    503,
    'storage_unavailable',
    `The browser's storage failed (${detail.slice(0, 200)}). ${NOTHING_LOST} Try again; if it keeps failing, reload the page.`,
    'failed',
  );

function names(error: unknown): string[] {
  const out: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { name, inner } = e as { name?: unknown; inner?: unknown };
    if (typeof name === 'string') out.push(name);
    e = inner;
  }
  return out;
}

/** Any failure of a store operation as a `StoreError` (a refusal of the write path is not one). */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const all = names(error);
  if (all.includes('QuotaExceededError')) return STORAGE_FULL();
  if (all.includes('MissingAPIError')) return STORAGE_MISSING();
  if (all.includes('StoredVersionError')) return STORAGE_NEWER((error as Error).message);
  if (all.includes('VersionError')) {
    return STORAGE_NEWER(
      'A newer version of this app has upgraded the browser storage since this tab opened: reload this tab.',
    );
  }
  if (all.includes('InvalidStateError') || all.includes('SecurityError') || all.includes('OpenFailedError')) {
    return STORAGE_MISSING();
  }
  return STORAGE_FAILED(error instanceof Error ? error.message : String(error));
}
