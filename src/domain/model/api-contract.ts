import { z } from './zod';

/** The JSON contract of the deal API, shared by the mock server and the client (docs/api.md). */

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 200_000;

export const DatasetName = z.enum(['seed', 'synthetic']);
export type DatasetName = z.infer<typeof DatasetName>;

const Count = z.int().check(z.nonnegative());

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    param: z.optional(z.string()),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Records stay `unknown` here: the client validates each one on its own and reports the rejects. */
export const DealListBody = z.object({
  data: z.array(z.unknown()),
  total: Count,
  offset: Count,
  limit: Count,
});
export type DealListBody = z.infer<typeof DealListBody>;

export const DealDetailBody = z.object({ data: z.unknown() });

export const MetaBody = z.object({
  dataset: DatasetName,
  title: z.string(),
  recordCount: Count,
  generatedAt: z.string(),
  synthetic: z.boolean(),
  size: z.optional(z.int()),
  seed: z.optional(z.int()),
});
export type MetaBody = z.infer<typeof MetaBody>;

/**
 * Parameters that choose the data set and the mock's behaviour rather than the deals: the app
 * passes them from its own URL to every API call, so `/?dataset=synthetic&size=100000` works.
 */
export const CONTEXT_PARAMS = ['dataset', 'size', 'seed', 'mock', 'mockTimes', 'delayMs'] as const;
export type ContextParam = (typeof CONTEXT_PARAMS)[number];
export type ApiContext = Partial<Record<ContextParam, string>>;

export const MOCK_SCENARIOS = ['slow', 'error', 'offline', 'malformed'] as const;
export type MockScenario = (typeof MOCK_SCENARIOS)[number];

/*
 * The write path (docs/api.md, "Tracking"). A deal's revision number is its version: it starts at 1
 * (the record as the data set ships it) and every accepted write adds one. `ETag: "N"` carries it on
 * every single-deal response; `PUT` and `DELETE` must send `If-Match: "N"`.
 */
const Revision = z.int().check(z.gte(1));

/** Why a revision exists. `seed` is revision 1 of a record the data set shipped with. */
export const REVISION_ACTIONS = ['seed', 'create', 'edit', 'delete', 'restore', 'revert', 'import'] as const;
export const RevisionAction = z.enum(REVISION_ACTIONS);
export type RevisionAction = z.infer<typeof RevisionAction>;

/** One deal as stored: the record (validated by the client on its own), its revision and state. */
export const DealEnvelope = z.object({
  data: z.unknown(),
  revision: Revision,
  savedAt: z.string(),
  deleted: z.boolean(),
});
export type DealEnvelope = z.infer<typeof DealEnvelope>;

/** `POST /api/deals` and `PUT /api/deals/:id`: the whole record and the editor's note. */
export const DealWriteBody = z.object({
  data: z.unknown(),
  note: z.optional(z.string()),
});
export type DealWriteBody = z.infer<typeof DealWriteBody>;

/** One zod issue of a refused record, as `422` lists it: `path` as zod gives it. */
export const ValidationIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/** `422`: `{ error: { code: "invalid_record", message, issues } }`. */
export const InvalidRecordBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), issues: z.array(ValidationIssue) }),
});
export type InvalidRecordBody = z.infer<typeof InvalidRecordBody>;

/** `412`: the write was made against an older revision; `current` is the record as stored now. */
export const StaleWriteBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
  current: DealEnvelope,
});
export type StaleWriteBody = z.infer<typeof StaleWriteBody>;

/** One entry of a deal's history: the whole record after the write, and who-what-why of it. */
export const RevisionEntry = z.object({
  dealId: z.string(),
  revision: Revision,
  savedAt: z.string(),
  action: RevisionAction,
  note: z.optional(z.string()),
  deleted: z.boolean(),
  data: z.unknown(),
});
export type RevisionEntry = z.infer<typeof RevisionEntry>;

/** `GET /api/deals/:id/revisions`: newest first. */
export const RevisionListBody = z.object({ data: z.array(RevisionEntry) });
export type RevisionListBody = z.infer<typeof RevisionListBody>;

export const BACKUP_FORMAT = 'dpt-backup';
export const BACKUP_VERSION = 1;

/** `GET /api/export` and the body of `POST /api/import`: the whole data set with every history. */
export const BackupBody = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  dataset: z.string(),
  deals: z.array(
    z.object({
      revision: Revision,
      deleted: z.boolean(),
      data: z.unknown(),
      history: z.optional(z.array(RevisionEntry)),
    }),
  ),
});
export type BackupBody = z.infer<typeof BackupBody>;

/** What `POST /api/import` changes (`?dryRun=1` answers this without writing anything). */
export const ImportPreviewBody = z.object({
  dryRun: z.boolean(),
  added: z.array(z.string()),
  changed: z.array(z.string()),
  deleted: z.array(z.string()),
  restored: z.array(z.string()),
  unchanged: Count,
  rejected: z.array(z.object({ index: Count, id: z.optional(z.string()), message: z.string() })),
});
export type ImportPreviewBody = z.infer<typeof ImportPreviewBody>;

/** `POST /api/reset`: every edit of this data set dropped; the seeds (or the generator) are the state. */
export const ResetBody = z.object({ data: z.object({ dropped: Count }) });
export type ResetBody = z.infer<typeof ResetBody>;

/**
 * `POST /api/deals/batch`: the records an import (src/domain/import) confirmed, written in one
 * transaction, each as a revision with action `import` and the batch's note. An item with `ifMatch`
 * updates that revision of an existing deal; one without creates a deal. An item that is invalid,
 * stale or whose id is taken is rejected on its own; the rest are written.
 */
export const BatchWriteBody = z.object({
  note: z.string(),
  items: z.array(z.object({ data: z.unknown(), ifMatch: z.optional(Revision) })),
});
export type BatchWriteBody = z.infer<typeof BatchWriteBody>;

/** The answer to a batch write; `batchId` undoes the whole of it in one step. */
export const BatchResultBody = z.object({
  batchId: z.string(),
  created: z.array(z.string()),
  updated: z.array(z.string()),
  rejected: z.array(z.object({ index: Count, id: z.optional(z.string()), message: z.string() })),
});
export type BatchResultBody = z.infer<typeof BatchResultBody>;

/**
 * `POST /api/deals/batch/:batchId/undo`: every deal the batch created is retired (to the Deleted view)
 * and every deal it updated gets its previous record back, each as a new revision; a deal edited since
 * the batch is left as it is and listed in `skipped`.
 */
export const BatchUndoBody = z.object({
  retired: z.array(z.string()),
  reverted: z.array(z.string()),
  skipped: z.array(z.object({ id: z.string(), message: z.string() })),
});
export type BatchUndoBody = z.infer<typeof BatchUndoBody>;
