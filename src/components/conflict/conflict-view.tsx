import { useId, useMemo, useState, type ReactNode } from 'react';
import type { DealInput } from '../../domain';
import { diff, merge, pathKey, resolve, type Change, type Conflict, type Side } from '../../domain/tracking';
import { ChangeList } from './change-list';
import { ConfirmDialog } from './confirm-dialog';
import { FieldValue } from './field-value';
import { RevisionTime } from './revision-time';
import './conflict.css';

/**
 * What a refused save (`412 stale`) is resolved with: the record to save over theirs with
 * `If-Match: ifMatch` (their revision), or `theirs`: nothing to save, their record stands and the
 * edit is dropped.
 */
export type ConflictResolution =
  | { choice: 'mine' | 'merged'; record: DealInput; ifMatch: number }
  | { choice: 'theirs'; record: unknown; revision: number };

/** The stored record the 412 answered with (`ApiError.current` of a `conflict`: a `StoredDeal`). */
export interface TheirRevision {
  deal: unknown;
  revision: number;
  savedAt?: string;
}

export interface ConflictViewProps {
  /** The record as it was at the revision the user started editing from. */
  base: unknown;
  /** That revision's number, to say where the edit started. */
  baseRevision?: number;
  /** The record as the user has it now (the form's record). */
  mine: unknown;
  /** The record as stored now, saved by someone else meanwhile (the 412's `current`). */
  theirs: TheirRevision;
  onResolve: (resolution: ConflictResolution) => void;
  /** Back to editing, nothing decided. */
  onCancel?: () => void;
  /** A save of the resolution is under way. */
  busy?: boolean;
  /** Why the last resolution's save failed; shown above the actions, the choices kept. */
  error?: ReactNode;
}

const count = (n: number) => (n === 1 ? '1 field' : `${n} fields`);

function within(path: Conflict['path'], other: Conflict['path']): boolean {
  const n = Math.min(path.length, other.length);
  for (let i = 0; i < n; i++) if (path[i] !== other[i]) return false;
  return true;
}

/**
 * Someone else saved the deal while it was being edited. Shows every field that differs, field by
 * field: the ones only they changed (merged automatically), the ones only the user changed (kept),
 * and the ones both changed, side by side (when the edit started, yours, theirs). Three ways out:
 * keep mine (save it over theirs), take theirs (drop mine, after asking), or merge (choose per
 * conflicting field, then save the merged record). It saves nothing itself: `onResolve` says what to
 * save and with which `If-Match`, so the edit form and a test can both drive it.
 */
export function ConflictView({
  base,
  baseRevision,
  mine,
  theirs,
  onResolve,
  onCancel,
  busy = false,
  error,
}: ConflictViewProps) {
  const headingId = useId();
  const result = useMemo(() => merge(base, mine, theirs.deal), [base, mine, theirs.deal]);
  const { conflicts } = result;
  const { theirsOnly, mineOnly } = useMemo(() => {
    const inConflict = (c: Change) => conflicts.some((k) => within(k.path, c.path));
    return {
      // Where the merge differs from mine, it took theirs (at a conflict it holds mine).
      theirsOnly: diff(result.inputs.mine, result.merged),
      mineOnly: diff(result.inputs.theirs, result.merged).filter((c) => !inConflict(c)),
    };
  }, [result, conflicts]);
  const [merging, setMerging] = useState(false);
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [confirmTheirs, setConfirmTheirs] = useState(false);
  const yourChangeCount = useMemo(() => diff(base, mine).length, [base, mine]);

  const saveMerged = () => {
    const resolved = resolve(result, choices);
    onResolve({ choice: 'merged', record: resolved.merged, ifMatch: theirs.revision });
  };

  return (
    <section className="conflict" aria-labelledby={headingId}>
      <h2 id={headingId}>This deal was changed while you were editing it</h2>
      <p>
        You started from {baseRevision !== undefined ? `revision ${baseRevision}` : 'an earlier revision'}; it
        is now at revision {theirs.revision}
        {theirs.savedAt ? (
          <>
            , saved <RevisionTime iso={theirs.savedAt} />
          </>
        ) : null}
        . Nothing of yours is saved yet and nothing is lost: choose what to keep.
      </p>
      <p className="conflict__counts">
        {conflicts.length === 0
          ? 'No field was changed by both of you.'
          : `${conflicts.length} ${conflicts.length === 1 ? 'field was' : 'fields were'} changed by both of you.`}{' '}
        {theirsOnly.length + mineOnly.length === 0
          ? 'Neither of you changed anything else.'
          : `Besides, ${count(theirsOnly.length)} changed only in theirs and ${count(mineOnly.length)} only in yours.`}
      </p>

      {conflicts.length > 0 ? (
        <section className="conflict__section">
          <h3>Changed by both of you</h3>
          <ol className="conflict__fields">
            {conflicts.map((conflict) => (
              <ConflictField
                key={pathKey(conflict.path)}
                conflict={conflict}
                records={result.inputs}
                merging={merging}
                choice={choices[pathKey(conflict.path)] ?? 'mine'}
                onChoose={(side) => setChoices((c) => ({ ...c, [pathKey(conflict.path)]: side }))}
              />
            ))}
          </ol>
        </section>
      ) : null}

      <section className="conflict__section">
        <h3>Changed only in theirs: merged automatically</h3>
        <ChangeList
          changes={theirsOnly}
          before={result.inputs.mine}
          after={result.merged}
          empty="They changed nothing that you did not."
        />
      </section>
      <section className="conflict__section">
        <h3>Changed only in yours: kept</h3>
        <ChangeList
          changes={mineOnly}
          before={result.inputs.theirs}
          after={result.merged}
          empty="You changed nothing that they did not."
        />
      </section>

      {error ? (
        <div className="notice notice--error" role="alert">
          <div>{error}</div>
        </div>
      ) : null}

      <div className="conflict__actions">
        {merging ? (
          <>
            <button type="button" onClick={saveMerged} disabled={busy}>
              Save the merged record
            </button>
            <button type="button" className="button--quiet" onClick={() => setMerging(false)} disabled={busy}>
              Back
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              onClick={() =>
                onResolve({ choice: 'mine', record: mine as DealInput, ifMatch: theirs.revision })
              }
              disabled={busy}
            >
              Keep mine
            </button>
            <button
              type="button"
              className="button--quiet"
              onClick={() => setConfirmTheirs(true)}
              disabled={busy}
            >
              Take theirs
            </button>
            <button
              type="button"
              className="button--quiet"
              onClick={() => (conflicts.length === 0 ? saveMerged() : setMerging(true))}
              disabled={busy}
            >
              {conflicts.length === 0 ? 'Save the merged record' : 'Merge…'}
            </button>
            {onCancel ? (
              <button type="button" className="button--quiet" onClick={onCancel} disabled={busy}>
                Back to editing
              </button>
            ) : null}
          </>
        )}
      </div>
      <p className="muted conflict__hint">
        Keep mine saves your record over theirs; take theirs drops your changes; merge keeps both where they
        do not clash and lets you choose where they do.
      </p>

      {confirmTheirs ? (
        <ConfirmDialog
          title="Drop your changes?"
          confirmLabel="Take theirs"
          danger
          onCancel={() => setConfirmTheirs(false)}
          onConfirm={() => {
            setConfirmTheirs(false);
            onResolve({ choice: 'theirs', record: theirs.deal, revision: theirs.revision });
          }}
        >
          <p>
            Your {yourChangeCount === 1 ? 'change' : `${yourChangeCount} changes`} will be dropped and
            revision {theirs.revision} stays as it is.
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function ConflictField({
  conflict,
  records,
  merging,
  choice,
  onChoose,
}: {
  conflict: Conflict;
  records: { base: unknown; mine: unknown; theirs: unknown };
  merging: boolean;
  choice: Side;
  onChoose: (side: Side) => void;
}) {
  const name = useId();
  const labelId = useId();
  return (
    <li className="conflict-field">
      <h4 id={labelId} className="conflict-field__label">
        {conflict.label}
      </h4>
      <div className="conflict-field__sides">
        <div className="conflict-field__side conflict-field__side--base">
          <span className="conflict-field__who">When you started</span>
          <FieldValue path={conflict.path} value={conflict.base} record={records.base} />
        </div>
        <div className="conflict-field__side conflict-field__side--mine">
          <span className="conflict-field__who">Yours</span>
          <FieldValue path={conflict.path} value={conflict.mine} record={records.mine} />
        </div>
        <div className="conflict-field__side conflict-field__side--theirs">
          <span className="conflict-field__who">Theirs</span>
          <FieldValue path={conflict.path} value={conflict.theirs} record={records.theirs} />
        </div>
      </div>
      {merging ? (
        <fieldset className="conflict-field__choice">
          <legend className="sr-only">Use for {conflict.label}</legend>
          {(['mine', 'theirs'] as const).map((side) => (
            <label key={side}>
              <input
                type="radio"
                name={name}
                value={side}
                checked={choice === side}
                onChange={() => onChoose(side)}
              />{' '}
              {side === 'mine' ? 'Use yours' : 'Use theirs'}
            </label>
          ))}
        </fieldset>
      ) : null}
    </li>
  );
}
