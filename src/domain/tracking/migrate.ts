import { normalise } from './normalise';
import { isRecord } from './paths';

/**
 * Stored rows (a deal's head or one revision, in the embedded API's IndexedDB) carry the
 * `schemaVersion` of the layout they were written in. Reading a row upgrades it step by step to the
 * current layout; a row from a newer build is refused with a clear message rather than misread, so
 * an older tab never overwrites what a newer one saved.
 *
 * Version 1: the record under `record`, exactly as the client sent it (defaults absent), and no
 * `schemaVersion` field.
 * Version 2 (current): the record under `data`, as the deal schema reads it (defaults filled in, text
 * trimmed), so that two revisions compare field by field without a missing `parties` showing as a
 * change. A version-1 record the schema now refuses is kept as it was typed, to be shown and fixed,
 * never dropped.
 */
export const STORED_SCHEMA_VERSION = 2;

export class StoredVersionError extends Error {
  constructor(
    message: string,
    readonly found: unknown,
  ) {
    super(message);
    this.name = 'StoredVersionError';
  }
}

type Row = Record<string, unknown>;

/** `MIGRATIONS[n]` turns a version-n row into a version-(n+1) one. */
const MIGRATIONS: Record<number, (row: Row) => Row> = {
  1: ({ record, ...rest }) => ({ ...rest, data: normalise(record), schemaVersion: 2 }),
};

/** A stored row in the current layout. Throws `StoredVersionError` for a row it cannot read. */
export function upgradeRow<T extends object>(stored: unknown): T & { schemaVersion: number } {
  if (!isRecord(stored))
    throw new StoredVersionError('A stored deal is not an object: the browser storage is damaged.', stored);
  const version = stored.schemaVersion ?? 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoredVersionError(
      `A stored deal names storage format ${JSON.stringify(version)}, which no version of this app wrote.`,
      version,
    );
  }
  if (version > STORED_SCHEMA_VERSION) {
    throw new StoredVersionError(
      `This deal was saved by a newer version of the app (storage format ${version}; this one reads up to ${STORED_SCHEMA_VERSION}). Nothing was changed: reload to get the newest version.`,
      version,
    );
  }
  let row: Row = stored;
  for (let v = version; v < STORED_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new StoredVersionError(`No upgrade from storage format ${v} is known.`, v);
    row = step(row);
  }
  return row as T & { schemaVersion: number };
}

/** A row to store: the current layout, stamped with its version. */
export function stampRow<T extends object>(row: T): T & { schemaVersion: number } {
  return { ...row, schemaVersion: STORED_SCHEMA_VERSION };
}
