import type { BatchResultBody, BatchUndoBody, RevisionEntry } from '../../src/domain/model/api-contract';
import { stampRow, upgradeRow } from '../../src/domain/tracking/migrate';
import {
  planCreate,
  planEdit,
  planRemove,
  planRevert,
  seedEntry,
  seedHead,
  type BaseRecords,
  type Head,
  type Outcome,
  type Write,
} from '../../src/domain/tracking/revision-log';
import {
  toHead,
  type BatchRow,
  type DatasetKey,
  type HeadRow,
  type RevisionRow,
  type TrackerDb,
  type TrackingStore,
} from './tracking-store';

/**
 * Import batches (docs/api.md, "Import (batch write)"): many deals written in one `rw` transaction,
 * each through the same validation and revision planning as a single write (`planCreate`,
 * `planEdit`), recorded with the action `import` and the batch's note. The heads are read with one
 * `bulkGet` and the revisions and heads written with one `bulkPut` each, so 30,000 deals are one
 * transaction of three requests, not 90,000. A closed tab mid-batch leaves all of it or none.
 *
 * The batch itself is kept (the `batches` table): the deals it created and the revision each updated
 * deal had before, so that undoing it is one more transaction.
 */

export interface BatchItem {
  data: unknown;
  ifMatch?: number;
}

function idOf(data: unknown): string | undefined {
  return typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string'
    ? data.id
    : undefined;
}

function newBatchId(): string {
  const random =
    typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : `${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  return `b-${Date.now().toString(36)}-${random.slice(0, 8)}`;
}

/** The heads of these ids, stored or shipped (revision 1 of a base record), read with one bulkGet. */
async function readHeads(
  db: TrackerDb,
  dataset: DatasetKey,
  ids: readonly string[],
  base: BaseRecords,
): Promise<Map<string, Head>> {
  // A large batch is mostly new deals: list the stored keys first (keys only, no records cloned) and
  // read only the heads that exist; 30,000 misses of a bulkGet cost more than one key scan.
  let stored = ids;
  if (ids.length > 64) {
    const keys = await db.heads.where('dataset').equals(dataset).primaryKeys();
    const present = new Set(keys.map((key) => key[1]));
    stored = ids.filter((id) => present.has(id));
  }
  const rows = await db.heads.bulkGet(stored.map((id) => [dataset, id]));
  const heads = new Map<string, Head>();
  for (const id of ids) {
    const record = base.get(id);
    if (record) heads.set(id, seedHead(record, base.savedAt));
  }
  rows.forEach((row, i) => {
    const id = stored[i]!;
    if (row) heads.set(id, toHead(upgradeRow<HeadRow>(row)));
  });
  return heads;
}

/**
 * Puts the writes; the caller skips it when there are none. An `await` of this async function that
 * returned without a request of its own let the transaction commit under the next request ("Transaction
 * committed too early": a batch whose every item was rejected, such as the same file imported twice,
 * answered 503 instead of listing the rejects).
 */
async function putAll(db: TrackerDb, dataset: DatasetKey, writes: readonly Write[]): Promise<void> {
  await db.revisions.bulkPut(
    writes.map(({ head, entry }) => stampRow({ ...entry, dataset, data: head.data })),
  );
  await db.heads.bulkPut(
    writes.map(({ head, entry }) => stampRow({ dataset, dealId: entry.dealId, ...head })),
  );
}

function asImport(outcome: Outcome): Write | undefined {
  if (!outcome.ok || !outcome.entry) return undefined;
  return { head: outcome.head, entry: { ...outcome.entry, action: 'import' } };
}

/** Writes a batch; an item that is invalid, stale or whose id is taken is rejected alone. */
export function writeBatch(
  store: TrackingStore,
  dataset: DatasetKey,
  base: BaseRecords,
  items: readonly BatchItem[],
  note: string,
): Promise<BatchResultBody> {
  const savedAt = new Date().toISOString();
  const batchId = newBatchId();
  return store.transaction(async (db) => {
    const ids = items.map((item) => idOf(item.data));
    const heads = await readHeads(
      db,
      dataset,
      [...new Set(ids.filter((id): id is string => id !== undefined))],
      base,
    );
    const result: BatchResultBody = { batchId, created: [], updated: [], rejected: [] };
    const writes: Write[] = [];
    const updated: BatchRow['updated'] = [];
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const id = ids[index];
      const reject = (message: string) =>
        result.rejected.push(
          id === undefined ? { index, message } : { index, id: id.slice(0, 200), message },
        );
      // A second item for a deal this batch already wrote: the heads read above are the old ones.
      if (id !== undefined && seen.has(id))
        return reject(`The id "${id}" appears more than once in the batch.`);
      const current = id === undefined ? undefined : heads.get(id);
      const outcome =
        item.ifMatch === undefined
          ? planCreate(current, item.data, note, savedAt)
          : planEdit(id ?? '', current, item.data, item.ifMatch, note, savedAt);
      if (!outcome.ok) return reject(outcome.refusal.message);
      const write = asImport(outcome);
      if (!write) return;
      writes.push(write);
      seen.add(write.entry.dealId);
      if (item.ifMatch === undefined) result.created.push(write.entry.dealId);
      else {
        result.updated.push(write.entry.dealId);
        updated.push({ id: write.entry.dealId, before: current!.revision, after: write.head.revision });
      }
    });
    if (writes.length > 0) await putAll(db, dataset, writes);
    await db.batches.put(
      stampRow<Omit<BatchRow, 'schemaVersion'>>({
        dataset,
        batchId,
        savedAt,
        note,
        created: result.created,
        updated,
      }),
    );
    return result;
  });
}

export type UndoAnswer =
  { ok: true; body: BatchUndoBody } | { ok: false; status: 404 | 409; code: string; message: string };

/**
 * Undoes a batch as new revisions: each deal it created is retired (to the Deleted view) and each
 * deal it updated gets back the record it had before; a deal changed since the batch is left as it
 * is and listed in `skipped`. A batch is undone once.
 */
export function undoBatch(
  store: TrackingStore,
  dataset: DatasetKey,
  base: BaseRecords,
  batchId: string,
): Promise<UndoAnswer> {
  const savedAt = new Date().toISOString();
  return store.transaction(async (db): Promise<UndoAnswer> => {
    const stored = await db.batches.get([dataset, batchId]);
    if (!stored)
      return {
        ok: false,
        status: 404,
        code: 'not_found',
        message: `No import batch has the id "${batchId}".`,
      };
    const batch = upgradeRow<BatchRow>(stored);
    if (batch.undoneAt !== undefined) {
      return {
        ok: false,
        status: 409,
        code: 'already_undone',
        message: `This import was already undone (${batch.undoneAt}). Nothing was changed.`,
      };
    }
    const ids = [...batch.created, ...batch.updated.map((u) => u.id)];
    const heads = await readHeads(db, dataset, ids, base);
    const targetRows = await db.revisions.bulkGet(batch.updated.map((u) => [dataset, u.id, u.before]));
    const note = `Undo of import${batch.note ? `: ${batch.note}` : ''}`.slice(0, 2000);
    const body: BatchUndoBody = { retired: [], reverted: [], skipped: [] };
    const writes: Write[] = [];
    const changedSince = (id: string, head: Head | undefined, revision: number) => {
      if (!head) {
        body.skipped.push({ id, message: 'This deal is no longer stored.' });
        return true;
      }
      if (head.revision === revision) return false;
      body.skipped.push({
        id,
        message: `Changed since the import (now at revision ${head.revision}, saved ${head.savedAt}): left as it is.`,
      });
      return true;
    };
    for (const id of batch.created) {
      const head = heads.get(id);
      if (changedSince(id, head, 1)) continue;
      const outcome = planRemove(id, head, 1, savedAt);
      if (outcome.ok && outcome.entry) {
        writes.push({ head: outcome.head, entry: { ...outcome.entry, note } });
        body.retired.push(id);
      } else if (!outcome.ok) body.skipped.push({ id, message: outcome.refusal.message });
    }
    batch.updated.forEach(({ id, before, after }, i) => {
      const head = heads.get(id);
      if (changedSince(id, head, after)) return;
      const row = targetRows[i];
      const record = before === 1 ? base.get(id) : undefined;
      const target: RevisionEntry | undefined = row
        ? upgradeRow<RevisionRow>(row)
        : record && seedEntry(record, base.savedAt);
      const outcome = planRevert(id, head, target, before, after, note, savedAt);
      if (outcome.ok && outcome.entry) {
        writes.push({ head: outcome.head, entry: outcome.entry });
        body.reverted.push(id);
      } else if (!outcome.ok) body.skipped.push({ id, message: outcome.refusal.message });
    });
    if (writes.length > 0) await putAll(db, dataset, writes);
    await db.batches.put(stampRow<BatchRow>({ ...batch, undoneAt: savedAt }));
    return { ok: true, body };
  });
}
