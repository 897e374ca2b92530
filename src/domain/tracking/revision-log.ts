import { BACKUP_FORMAT, BACKUP_VERSION } from '../model/api-contract';
import type {
  ImportPreviewBody,
  RevisionAction,
  RevisionEntry,
  ValidationIssue,
} from '../model/api-contract';
import { Deal } from '../model/deal-schema';
import { describeIssues } from '../model/parse-deals';
import { normalise } from './normalise';
import { deepEqual, isRecord } from './paths';

/**
 * The tracked state of one data set, as pure functions: each write is planned from the deal's
 * current head alone (`plan*`), so the in-memory `RevisionLog` below and the IndexedDB store
 * (mocks/store) make the same decisions, the store inside one transaction after re-reading the head.
 *
 * A deal's revision 1 is the record the data set ships (`seed`) or the one a `create` made; every
 * accepted write adds one revision and never rewrites an old one. A record is stored as the schema
 * reads it (defaults filled in, text trimmed) and otherwise as typed: a `javascript:` URL or markup
 * is kept as text, for the screens to show as text.
 */

export interface Head {
  data: Deal;
  revision: number;
  savedAt: string;
  deleted: boolean;
}

export type Refusal =
  | { kind: 'not_found'; id: string; message: string }
  | { kind: 'stale'; current: Head; message: string }
  | { kind: 'id_taken'; id: string; message: string }
  | { kind: 'invalid'; issues: ValidationIssue[]; message: string }
  | { kind: 'if_match_required'; message: string }
  | { kind: 'id_mismatch'; id: string; recordId: unknown; message: string }
  | { kind: 'deleted'; current: Head; message: string };

/** A planned write: the new head and the revision entry that records it. */
export interface Write {
  head: Head;
  entry: RevisionEntry;
}

/** An accepted operation: the head after it, and the entry it added (none for a no-op). */
export type Outcome = { ok: true; head: Head; entry?: RevisionEntry } | { ok: false; refusal: Refusal };

function refuse(refusal: Refusal): Outcome {
  return { ok: false, refusal };
}

/** `If-Match: "3"` (or `W/"3"`, `3`, `*`) as a revision; `*` is any; `undefined` when absent. */
export function parseIfMatch(header: string | null | undefined): number | '*' | undefined | null {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const value = header.trim();
  if (value === '*') return '*';
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(value);
  return match ? Number(match[1]) : null;
}

export type IfMatch = number | '*' | undefined | null;

export function validate(record: unknown): { ok: true; data: Deal } | { ok: false; refusal: Refusal } {
  const parsed = Deal.safeParse(record);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
  }));
  const count = issues.length === 1 ? 'one problem' : `${issues.length} problems`;
  return {
    ok: false,
    refusal: {
      kind: 'invalid',
      issues,
      message: `The record was not saved: ${count}. ${describeIssues(parsed.error)}`.slice(0, 2000),
    },
  };
}

function entryOf(id: string, head: Head, action: RevisionAction, note: string | undefined): RevisionEntry {
  const entry: RevisionEntry = {
    dealId: id,
    revision: head.revision,
    savedAt: head.savedAt,
    action,
    deleted: head.deleted,
    data: head.data,
  };
  if (note !== undefined && note !== '') entry.note = note;
  return entry;
}

function next(
  id: string,
  current: Head | undefined,
  data: Deal,
  deleted: boolean,
  action: RevisionAction,
  note: string | undefined,
  now: string,
): Outcome & { ok: true; entry: RevisionEntry } {
  const head: Head = { data, revision: (current?.revision ?? 0) + 1, savedAt: now, deleted };
  return { ok: true, head, entry: entryOf(id, head, action, note) };
}

function notFound(id: string): Outcome {
  return refuse({ kind: 'not_found', id, message: `No deal has the id "${id}".` });
}

/** The precondition of a write that needs `If-Match`: refused, or undefined to go on. */
function checkIfMatch(
  id: string,
  current: Head | undefined,
  ifMatch: IfMatch,
  required: boolean,
): Outcome | undefined {
  if (ifMatch === null) {
    return refuse({
      kind: 'if_match_required',
      message: 'If-Match must be the revision the change was made against, such as "3". Nothing was saved.',
    });
  }
  if (ifMatch === undefined && required) {
    return refuse({
      kind: 'if_match_required',
      message:
        'A change to a stored deal must send If-Match with the revision it was made against, such as "3". Nothing was saved.',
    });
  }
  if (!current) return notFound(id);
  if (typeof ifMatch === 'number' && ifMatch !== current.revision) {
    return refuse({
      kind: 'stale',
      current,
      message: `This deal was changed since revision ${ifMatch}: it is at revision ${current.revision} now (saved ${current.savedAt}). Nothing was saved; compare the two and save again.`,
    });
  }
  return undefined;
}

export function planCreate(
  current: Head | undefined,
  record: unknown,
  note: string | undefined,
  now: string,
): Outcome {
  const valid = validate(record);
  if (!valid.ok) return valid;
  const { id } = valid.data;
  if (current) {
    return refuse({
      kind: 'id_taken',
      id,
      message: `The id "${id}" is already used by ${current.deleted ? 'a deleted deal (restore it, or choose another id)' : 'another deal'}. Nothing was saved.`,
    });
  }
  return next(id, undefined, valid.data, false, 'create', note, now);
}

/** A `PUT`: an edit, or a revert when the caller found the revision it brings back. */
export function planEdit(
  id: string,
  current: Head | undefined,
  record: unknown,
  ifMatch: IfMatch,
  note: string | undefined,
  now: string,
  action: 'edit' | 'revert' = 'edit',
): Outcome {
  const pre = checkIfMatch(id, current, ifMatch, true);
  if (pre) return pre;
  const head = current!;
  if (head.deleted) {
    return refuse({
      kind: 'deleted',
      current: head,
      message: `This deal was deleted (revision ${head.revision}): restore it before changing it. Nothing was saved.`,
    });
  }
  if (isRecord(record) && record.id !== id) {
    return refuse({
      kind: 'id_mismatch',
      id,
      recordId: record.id,
      message: `The record's id must stay "${id}"; to use another id, create a new deal. Nothing was saved.`,
    });
  }
  const valid = validate(record);
  if (!valid.ok) return valid;
  return next(id, head, valid.data, false, action, note, now);
}

export function planRemove(id: string, current: Head | undefined, ifMatch: IfMatch, now: string): Outcome {
  const pre = checkIfMatch(id, current, ifMatch, true);
  if (pre) return pre;
  const head = current!;
  if (head.deleted) return { ok: true, head };
  return next(id, head, head.data, true, 'delete', undefined, now);
}

export function planRestore(
  id: string,
  current: Head | undefined,
  ifMatch: IfMatch,
  note: string | undefined,
  now: string,
): Outcome {
  const pre = checkIfMatch(id, current, ifMatch, false);
  if (pre) return pre;
  const head = current!;
  if (!head.deleted) return { ok: true, head };
  return next(id, head, head.data, false, 'restore', note, now);
}

/** Brings back the record of an earlier revision as a new one; `target` is that revision's entry. */
export function planRevert(
  id: string,
  current: Head | undefined,
  target: RevisionEntry | undefined,
  toRevision: number,
  ifMatch: IfMatch,
  note: string | undefined,
  now: string,
): Outcome {
  const pre = checkIfMatch(id, current, ifMatch, true);
  if (pre) return pre;
  if (!target) {
    return refuse({
      kind: 'not_found',
      id,
      message: `The deal "${id}" has no revision ${toRevision}.`,
    });
  }
  return planEdit(
    id,
    current,
    target.data,
    ifMatch,
    note ?? `Revert to revision ${toRevision}`,
    now,
    'revert',
  );
}

/**
 * The revision a `PUT`'s note names ("Restore revision 3", "revert to revision 3"): a `PUT` of that
 * revision's record with such a note is recorded as a revert (docs/api.md).
 */
export function revisionNamedIn(note: string | undefined): number | undefined {
  const match = note ? /\brevision\s+#?(\d{1,9})\b/i.exec(note) : null;
  return match ? Number(match[1]) : undefined;
}

/** Whether a record sent is the record of the given revision (as the schema reads both). */
export function sameRecord(a: unknown, b: unknown): boolean {
  return deepEqual(normalise(a), normalise(b));
}

// ---------------------------------------------------------------------------------------------
// Import

export interface BackupPlan {
  preview: Omit<ImportPreviewBody, 'dryRun'>;
  writes: Write[];
}

export type BackupRefusal = { kind: 'bad_backup'; message: string };

interface BackupDealEntry {
  index: number;
  deleted: boolean;
  data: Deal;
}

/**
 * Reads a backup's outer shape (format, version, data set): a file that is not a backup at all is
 * refused whole; each deal in it is checked on its own (`planImport`).
 */
export function readBackup(
  body: unknown,
  dataset: string,
): { ok: true; deals: unknown[] } | { ok: false; refusal: BackupRefusal } {
  const bad = (message: string) => ({
    ok: false as const,
    refusal: { kind: 'bad_backup' as const, message },
  });
  if (!isRecord(body) || body.format !== BACKUP_FORMAT) {
    return bad(
      `This file is not a backup of this app (expected "format": "${BACKUP_FORMAT}"). Nothing was changed.`,
    );
  }
  if (body.version !== BACKUP_VERSION) {
    return bad(
      `This backup is of format version ${JSON.stringify(body.version)}; this app reads version ${BACKUP_VERSION}. Nothing was changed.`,
    );
  }
  if (body.dataset !== dataset) {
    return bad(
      `This backup is of the data set "${String(body.dataset)}", not "${dataset}": open that data set to restore it. Nothing was changed.`,
    );
  }
  if (!Array.isArray(body.deals)) return bad('This backup has no list of deals. Nothing was changed.');
  return { ok: true, deals: body.deals };
}

/** The ids a backup names, readable or not, for the store to read their heads first. */
export function backupIds(deals: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const entry of deals) {
    if (isRecord(entry) && isRecord(entry.data) && typeof entry.data.id === 'string') ids.add(entry.data.id);
  }
  return [...ids];
}

/**
 * What importing a backup's deals does, given each deal's current head: a deal not in the data set
 * is added, one whose record differs gets an `import` revision, one the backup marks deleted is
 * deleted (and one it marks live is restored), one the backup lacks is left as it is. Each record
 * is checked on its own; a bad one is listed in `rejected` and skipped. Histories are not replayed.
 */
export function planImport(
  deals: readonly unknown[],
  headOf: (id: string) => Head | undefined,
  now: string,
): BackupPlan {
  const preview: BackupPlan['preview'] = {
    added: [],
    changed: [],
    deleted: [],
    restored: [],
    unchanged: 0,
    rejected: [],
  };
  const writes: Write[] = [];
  const seen = new Set<string>();
  deals.forEach((raw, index) => {
    const id =
      isRecord(raw) && isRecord(raw.data) && typeof raw.data.id === 'string' ? raw.data.id : undefined;
    const reject = (message: string) =>
      preview.rejected.push(id !== undefined ? { index, id: id.slice(0, 200), message } : { index, message });
    if (!isRecord(raw) || !('data' in raw))
      return reject('not a deal entry: expected { revision, deleted, data }');
    if (raw.deleted !== undefined && typeof raw.deleted !== 'boolean')
      return reject('"deleted" must be true or false');
    const valid = validate(raw.data);
    if (!valid.ok) return reject(valid.refusal.message.replace('The record was not saved: ', ''));
    const entry: BackupDealEntry = { index, deleted: raw.deleted === true, data: valid.data };
    if (seen.has(entry.data.id))
      return reject(`the id "${entry.data.id}" appears more than once in the backup`);
    seen.add(entry.data.id);

    const current = headOf(entry.data.id);
    const dataChanged = !current || !deepEqual(current.data, entry.data);
    const deletedChanged = current ? current.deleted !== entry.deleted : false;
    if (!current) preview.added.push(entry.data.id);
    else {
      if (dataChanged) preview.changed.push(entry.data.id);
      if (deletedChanged) (entry.deleted ? preview.deleted : preview.restored).push(entry.data.id);
    }
    if (!dataChanged && !deletedChanged) {
      preview.unchanged += 1;
      return;
    }
    const planned = next(
      entry.data.id,
      current,
      entry.data,
      entry.deleted,
      'import',
      'Imported from a backup',
      now,
    );
    writes.push({ head: planned.head, entry: planned.entry });
  });
  return { preview, writes };
}

// ---------------------------------------------------------------------------------------------
// The in-memory log

/** The base records of a data set: revision 1 of each, never stored. */
export interface BaseRecords {
  get(id: string): Deal | undefined;
  /** When the data set was made: the `savedAt` of each base record's revision 1. */
  savedAt: string;
}

export function seedEntry(base: Deal, savedAt: string): RevisionEntry {
  return { dealId: base.id, revision: 1, savedAt, action: 'seed', deleted: false, data: base };
}

export function seedHead(base: Deal, savedAt: string): Head {
  return { data: base, revision: 1, savedAt, deleted: false };
}

/**
 * A data set's tracked state in memory: the base records as revision 1, and an overlay of the deals
 * that were written to, each with its head and history (oldest first). The embedded API keeps the
 * same overlay in IndexedDB; this one is the model its tests and property tests run against.
 */
export class RevisionLog {
  readonly heads = new Map<string, Head>();
  readonly histories = new Map<string, RevisionEntry[]>();

  constructor(
    readonly base: BaseRecords,
    private readonly clock: () => string = () => new Date().toISOString(),
  ) {}

  head(id: string): Head | undefined {
    const stored = this.heads.get(id);
    if (stored) return stored;
    const base = this.base.get(id);
    return base && seedHead(base, this.base.savedAt);
  }

  /** Every revision of a deal, newest first (as `GET /api/deals/:id/revisions` answers). */
  revisions(id: string): RevisionEntry[] {
    const stored = this.histories.get(id) ?? [];
    const base = this.base.get(id);
    const all = base ? [seedEntry(base, this.base.savedAt), ...stored] : stored;
    return [...all].reverse();
  }

  private apply(outcome: Outcome): Outcome {
    if (outcome.ok && outcome.entry) this.write({ head: outcome.head, entry: outcome.entry });
    return outcome;
  }

  private write({ head, entry }: Write): void {
    this.heads.set(entry.dealId, head);
    this.histories.set(entry.dealId, [...(this.histories.get(entry.dealId) ?? []), entry]);
  }

  create(record: unknown, note?: string): Outcome {
    const id = isRecord(record) && typeof record.id === 'string' ? record.id : undefined;
    return this.apply(planCreate(id === undefined ? undefined : this.head(id), record, note, this.clock()));
  }

  /** A `PUT`; recorded as a revert when the note names a revision whose record this is. */
  edit(id: string, record: unknown, ifMatch: IfMatch, note?: string): Outcome {
    const named = revisionNamedIn(note);
    const target = named === undefined ? undefined : this.revisions(id).find((e) => e.revision === named);
    const action = target && sameRecord(target.data, record) ? 'revert' : 'edit';
    return this.apply(planEdit(id, this.head(id), record, ifMatch, note, this.clock(), action));
  }

  remove(id: string, ifMatch: IfMatch): Outcome {
    return this.apply(planRemove(id, this.head(id), ifMatch, this.clock()));
  }

  restore(id: string, ifMatch?: IfMatch, note?: string): Outcome {
    return this.apply(planRestore(id, this.head(id), ifMatch, note, this.clock()));
  }

  revert(id: string, toRevision: number, ifMatch: IfMatch, note?: string): Outcome {
    const target = this.revisions(id).find((e) => e.revision === toRevision);
    return this.apply(planRevert(id, this.head(id), target, toRevision, ifMatch, note, this.clock()));
  }

  /** Plans a backup's import; applies it unless `dryRun`. The preview is the same either way. */
  importBackup(deals: readonly unknown[], { dryRun = false } = {}): BackupPlan['preview'] {
    const plan = planImport(deals, (id) => this.head(id), this.clock());
    if (!dryRun) plan.writes.forEach((w) => this.write(w));
    return plan.preview;
  }

  /** Drops every edit: the base records are the state again. Answers how many deals were dropped. */
  reset(): number {
    const dropped = this.heads.size;
    this.heads.clear();
    this.histories.clear();
    return dropped;
  }
}
