import { Dexie, type Table } from 'dexie';
import type { ImportPreviewBody, RevisionAction, RevisionEntry } from '../../src/domain/model/api-contract';
import type { Deal } from '../../src/domain/model/deal-schema';
import { stampRow, upgradeRow } from '../../src/domain/tracking/migrate';
import {
  planCreate,
  planEdit,
  planImport,
  planRemove,
  planRestore,
  planRevert,
  revisionNamedIn,
  sameRecord,
  seedEntry,
  seedHead,
  type BaseRecords,
  type Head,
  type IfMatch,
  type Outcome,
  type Write,
} from '../../src/domain/tracking/revision-log';
import { STORAGE_BLOCKED, toStoreError } from './errors';

/**
 * The embedded API's tracked state in IndexedDB (Dexie 4): an overlay over each data set's base
 * records (the seeds, or the generated set), holding only the deals that were written to. Reading a
 * list of 100,000 deals costs one query over the overlay's heads, not 100,000 reads.
 *
 * Two tabs run two MSW instances over one database, so nothing here is cached between requests:
 * every write is one `rw` transaction that re-reads the deal's stored head, checks `If-Match`
 * against it and writes the revision and the new head together. A tab closed mid-write leaves the
 * old revision or the new one, never half of one.
 */

/** A data set's key: `seed`, or `synthetic-<size>-<seed>`. */
export type DatasetKey = string;

export interface HeadRow {
  dataset: DatasetKey;
  dealId: string;
  revision: number;
  savedAt: string;
  deleted: boolean;
  data: Deal;
  schemaVersion: number;
}

export interface RevisionRow extends Omit<RevisionEntry, 'data'> {
  dataset: DatasetKey;
  data: Deal;
  schemaVersion: number;
}

export const DB_NAME = 'dpt-tracker';

/** One import batch (mocks/store/batch-store.ts): what it wrote, so that it can be undone in one step. */
export interface BatchRow {
  dataset: DatasetKey;
  batchId: string;
  savedAt: string;
  note: string;
  /** Deals the batch created, each at revision 1. */
  created: string[];
  /** Deals the batch updated: the revision each had before, and the one the batch wrote. */
  updated: { id: string; before: number; after: number }[];
  /** When the batch was undone, if it was. */
  undoneAt?: string;
  schemaVersion: number;
}

export type TrackerDb = Dexie & {
  heads: Table<HeadRow, [string, string]>;
  revisions: Table<RevisionRow, [string, string, number]>;
  batches: Table<BatchRow, [string, string]>;
};

export interface StoreOptions {
  name?: string;
  /** Another IndexedDB (tests use fake-indexeddb's); the global one by default. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** For tests: called inside a write's transaction after the revision is put, before the head. */
  afterRevisionPut?: () => void;
}

function openDb(options: StoreOptions): TrackerDb {
  const db = new Dexie(options.name ?? DB_NAME, {
    // Another tab may write at any time: never answer from an in-memory copy.
    cache: 'disabled',
    // A write is reported done once it is on disk.
    chromeTransactionDurability: 'strict',
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  }) as TrackerDb;
  db.version(1).stores({
    heads: '[dataset+dealId], dataset',
    revisions: '[dataset+dealId+revision], [dataset+dealId], dataset',
  });
  // Version 2: import batches (one row per batch write), for their one-step undo. The heads and
  // revisions are as they were; a tab still on version 1 is asked to close (`versionchange`), and
  // one that does not blocks the upgrade with the message of STORAGE_BLOCKED.
  db.version(2).stores({ batches: '[dataset+batchId], dataset' });
  return db;
}

export function toHead(row: HeadRow): Head {
  return { data: row.data, revision: row.revision, savedAt: row.savedAt, deleted: row.deleted };
}

function toEntry(row: RevisionRow): RevisionEntry {
  const entry: RevisionEntry = {
    dealId: row.dealId,
    revision: row.revision,
    savedAt: row.savedAt,
    action: row.action,
    deleted: row.deleted,
    data: row.data,
  };
  if (row.note !== undefined) entry.note = row.note;
  return entry;
}

let persistAsked = false;
function askToPersist(): void {
  if (persistAsked) return;
  persistAsked = true;
  // Asks the browser not to evict the edits under storage pressure; a refusal changes nothing else.
  if (typeof navigator !== 'undefined' && typeof navigator.storage?.persist === 'function') {
    void navigator.storage.persist().catch(() => undefined);
  }
}

export class TrackingStore {
  private db: TrackerDb | undefined;
  private opening: Promise<TrackerDb> | undefined;

  constructor(private readonly options: StoreOptions = {}) {}

  /** Opens the database once; a failed open is retried on the next request. */
  private open(): Promise<TrackerDb> {
    if (this.db?.isOpen()) return Promise.resolve(this.db);
    this.opening ??= (async () => {
      const db = openDb(this.options);
      // Another tab upgrading the database: let it, and reopen on our next request.
      db.on('versionchange', () => {
        db.close();
        if (this.db === db) this.db = undefined;
        return false;
      });
      const blocked = new Promise<never>((_, reject) => db.on('blocked', () => reject(STORAGE_BLOCKED())));
      try {
        await Promise.race([db.open(), blocked]);
      } catch (error) {
        db.close();
        throw toStoreError(error);
      }
      askToPersist();
      this.db = db;
      return db;
    })().finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  /** Runs one operation, mapping every storage failure to a `StoreError`. */
  private async run<T>(body: (db: TrackerDb) => Promise<T>): Promise<T> {
    try {
      return await body(await this.open());
    } catch (error) {
      throw toStoreError(error);
    }
  }

  close(): void {
    this.db?.close();
    this.db = undefined;
  }

  /** The stored heads of a data set: the deals that were written to. */
  overlay(dataset: DatasetKey): Promise<HeadRow[]> {
    return this.run(async (db) =>
      (await db.heads.where('dataset').equals(dataset).toArray()).map((r) => upgradeRow<HeadRow>(r)),
    );
  }

  /** How many deals of a data set were written to, without reading them. */
  overlaySize(dataset: DatasetKey): Promise<number> {
    return this.run((db) => db.heads.where('dataset').equals(dataset).count());
  }

  private async readHead(
    db: TrackerDb,
    dataset: DatasetKey,
    id: string,
    base: BaseRecords,
  ): Promise<Head | undefined> {
    const row = await db.heads.get([dataset, id]);
    if (row) return toHead(upgradeRow<HeadRow>(row));
    const record = base.get(id);
    return record && seedHead(record, base.savedAt);
  }

  head(dataset: DatasetKey, id: string, base: BaseRecords): Promise<Head | undefined> {
    return this.run((db) => this.readHead(db, dataset, id, base));
  }

  /** Every revision of a deal, newest first. */
  revisions(dataset: DatasetKey, id: string, base: BaseRecords): Promise<RevisionEntry[] | undefined> {
    return this.run(async (db) =>
      db.transaction('r', db.heads, db.revisions, async () => {
        const stored = (
          await db.revisions.where('[dataset+dealId]').equals([dataset, id]).sortBy('revision')
        ).map((r) => toEntry(upgradeRow<RevisionRow>(r)));
        const record = base.get(id);
        const all =
          record && stored[0]?.revision !== 1 ? [seedEntry(record, base.savedAt), ...stored] : stored;
        return all.length > 0 ? all.reverse() : undefined;
      }),
    );
  }

  private async readRevision(
    db: TrackerDb,
    dataset: DatasetKey,
    id: string,
    revision: number,
    base: BaseRecords,
  ): Promise<RevisionEntry | undefined> {
    const row = await db.revisions.get([dataset, id, revision]);
    if (row) return toEntry(upgradeRow<RevisionRow>(row));
    const record = revision === 1 ? base.get(id) : undefined;
    return record && seedEntry(record, base.savedAt);
  }

  private async put(db: TrackerDb, dataset: DatasetKey, { head, entry }: Write): Promise<void> {
    await db.revisions.put(stampRow({ ...entry, dataset, data: head.data }));
    this.options.afterRevisionPut?.();
    await db.heads.put(stampRow({ dataset, dealId: entry.dealId, ...head }));
  }

  /**
   * One write: in a single `rw` transaction, re-read the head, plan the write against it, and put
   * the revision and the new head. A refusal writes nothing; a failure (quota, a closed tab) aborts
   * the transaction, which leaves the old head and history as they were.
   */
  private write(
    dataset: DatasetKey,
    id: string,
    base: BaseRecords,
    plan: (current: Head | undefined, db: TrackerDb) => Promise<Outcome> | Outcome,
  ): Promise<Outcome> {
    return this.run((db) =>
      db.transaction('rw', db.heads, db.revisions, async () => {
        const current = await this.readHead(db, dataset, id, base);
        const outcome = await plan(current, db);
        if (outcome.ok && outcome.entry)
          await this.put(db, dataset, { head: outcome.head, entry: outcome.entry });
        return outcome;
      }),
    );
  }

  create(
    dataset: DatasetKey,
    base: BaseRecords,
    record: unknown,
    note: string | undefined,
  ): Promise<Outcome> {
    const id = typeof record === 'object' && record !== null && 'id' in record ? String(record.id) : '';
    return this.write(dataset, id, base, (current) =>
      planCreate(id ? current : undefined, record, note, now()),
    );
  }

  /** A `PUT`; recorded as a revert when the note names a revision whose record this is. */
  edit(
    dataset: DatasetKey,
    base: BaseRecords,
    id: string,
    record: unknown,
    ifMatch: IfMatch,
    note: string | undefined,
  ): Promise<Outcome> {
    return this.write(dataset, id, base, async (current, db) => {
      const named = current ? revisionNamedIn(note) : undefined;
      const target = named === undefined ? undefined : await this.readRevision(db, dataset, id, named, base);
      const action: RevisionAction = target && sameRecord(target.data, record) ? 'revert' : 'edit';
      return planEdit(id, current, record, ifMatch, note, now(), action);
    });
  }

  revert(
    dataset: DatasetKey,
    base: BaseRecords,
    id: string,
    toRevision: number,
    ifMatch: IfMatch,
    note: string | undefined,
  ): Promise<Outcome> {
    return this.write(dataset, id, base, async (current, db) => {
      const target = await this.readRevision(db, dataset, id, toRevision, base);
      return planRevert(id, current, target, toRevision, ifMatch, note, now());
    });
  }

  remove(dataset: DatasetKey, base: BaseRecords, id: string, ifMatch: IfMatch): Promise<Outcome> {
    return this.write(dataset, id, base, (current) => planRemove(id, current, ifMatch, now()));
  }

  restore(
    dataset: DatasetKey,
    base: BaseRecords,
    id: string,
    ifMatch: IfMatch,
    note: string | undefined,
  ): Promise<Outcome> {
    return this.write(dataset, id, base, (current) => planRestore(id, current, ifMatch, note, now()));
  }

  /**
   * Imports a backup's deals in one transaction: each deal's head re-read, the plan made against
   * them, and (unless `dryRun`) every write put. The preview is what the import does.
   */
  importBackup(
    dataset: DatasetKey,
    base: BaseRecords,
    deals: readonly unknown[],
    ids: readonly string[],
    dryRun: boolean,
  ): Promise<Omit<ImportPreviewBody, 'dryRun'>> {
    return this.run((db) =>
      db.transaction(dryRun ? 'r' : 'rw', db.heads, db.revisions, async () => {
        const rows = await db.heads.bulkGet(ids.map((id) => [dataset, id]));
        const heads = new Map<string, Head>();
        rows.forEach((row, i) => {
          const id = ids[i]!;
          const record = base.get(id);
          if (row) heads.set(id, toHead(upgradeRow<HeadRow>(row)));
          else if (record) heads.set(id, seedHead(record, base.savedAt));
        });
        const plan = planImport(deals, (id) => heads.get(id), now());
        if (!dryRun) {
          for (const write of plan.writes) await this.put(db, dataset, write);
        }
        return plan.preview;
      }),
    );
  }

  /** The stored heads and histories of a data set, for a backup. */
  history(dataset: DatasetKey): Promise<Map<string, RevisionEntry[]>> {
    return this.run(async (db) => {
      const rows = await db.revisions.where('dataset').equals(dataset).toArray();
      const by = new Map<string, RevisionEntry[]>();
      for (const row of rows) {
        const entry = toEntry(upgradeRow<RevisionRow>(row));
        by.set(entry.dealId, [...(by.get(entry.dealId) ?? []), entry]);
      }
      for (const list of by.values()) list.sort((a, b) => b.revision - a.revision);
      return by;
    });
  }

  /**
   * One `rw` transaction over every table, storage failures mapped as for any write: for a batch
   * write (mocks/store/batch-store.ts), which must commit whole or not at all.
   */
  transaction<T>(body: (db: TrackerDb) => Promise<T>): Promise<T> {
    return this.run((db) => db.transaction('rw', db.heads, db.revisions, db.batches, () => body(db)));
  }

  /** Drops a data set's overlay: its base records are the state again. Answers how many deals. */
  reset(dataset: DatasetKey): Promise<number> {
    return this.run((db) =>
      db.transaction('rw', db.heads, db.revisions, db.batches, async () => {
        const dropped = await db.heads.where('dataset').equals(dataset).delete();
        await db.revisions.where('dataset').equals(dataset).delete();
        await db.batches.where('dataset').equals(dataset).delete();
        return dropped;
      }),
    );
  }
}

function now(): string {
  return new Date().toISOString();
}

export { Dexie };
