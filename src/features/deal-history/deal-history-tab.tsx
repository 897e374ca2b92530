import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { dealQueries, type DealRevision } from '../../api';
import { useApiContext } from '../../components/api-context';
import { ChangeList } from '../../components/conflict/change-list';
import { ConfirmDialog } from '../../components/conflict/confirm-dialog';
import { RevisionTime } from '../../components/conflict/revision-time';
import { DataText } from '../../components/data-text';
import { QueryErrorNotice } from '../../components/query-error-notice';
import { ListSkeleton } from '../../components/skeleton';
import { useRevertDeal } from '../../components/use-deal-mutations';
import type { RevisionAction } from '../../domain';
import { diff, type Change } from '../../domain/tracking';
import './deal-history.css';

export const ACTION_WORDS: Record<RevisionAction, string> = {
  seed: 'As shipped',
  create: 'Created',
  edit: 'Edited',
  delete: 'Deleted',
  restore: 'Restored',
  revert: 'Reverted',
  import: 'Imported',
};

/** What a revision did beyond its fields: a delete or restore changes the state, not the record. */
function stateWords(revision: DealRevision, previous: DealRevision | undefined): string | undefined {
  if (!previous) {
    return revision.action === 'seed'
      ? 'The record as the data set ships it.'
      : 'The deal was added with this record.';
  }
  if (revision.deleted && !previous.deleted) return 'The deal was deleted; its record was kept.';
  if (!revision.deleted && previous.deleted) return 'The deal was brought back from the deleted deals.';
  return undefined;
}

/**
 * The History tab: every revision of the deal, newest first, with when, what kind of write, the
 * editor's note and what changed field by field. Any older revision can be brought back as a new
 * revision ("Restore this version"), after a confirmation that lists what that will change.
 */
export function DealHistoryTab({ id }: { id: string }) {
  const context = useApiContext();
  const query = useQuery(dealQueries.revisions(context, id));
  const [restoring, setRestoring] = useState<DealRevision | null>(null);
  const revisions = query.data;
  const head = revisions?.[0];
  const headingId = useId();

  const changes = useMemo(
    () =>
      (revisions ?? []).map((revision, i): Change[] => {
        const previous = revisions?.[i + 1];
        return previous ? diff(previous.data, revision.data) : [];
      }),
    [revisions],
  );

  return (
    <section className="deal-history" aria-labelledby={headingId}>
      <h2 id={headingId}>History</h2>
      {query.isError ? (
        <QueryErrorNotice
          what="the history of this deal"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
          hasStaleData={revisions !== undefined}
        />
      ) : null}
      {query.isPending && !query.isError ? <ListSkeleton label="Loading the history…" rows={3} /> : null}
      {revisions && head ? (
        <>
          <p className="muted">
            {revisions.length === 1
              ? 'One revision: the deal has not been changed.'
              : `${revisions.length} revisions, newest first. Restoring an old one saves it as a new revision; none is ever overwritten.`}
          </p>
          <ol className="revisions">
            {revisions.map((revision, i) => (
              <RevisionItem
                key={revision.revision}
                revision={revision}
                previous={revisions[i + 1]}
                changes={changes[i] ?? []}
                isHead={i === 0}
                headDeleted={head.deleted}
                onRestore={() => setRestoring(revision)}
              />
            ))}
          </ol>
        </>
      ) : null}
      {restoring && head ? (
        <RestoreDialog id={id} head={head} target={restoring} onDone={() => setRestoring(null)} />
      ) : null}
    </section>
  );
}

function RevisionItem({
  revision,
  previous,
  changes,
  isHead,
  headDeleted,
  onRestore,
}: {
  revision: DealRevision;
  previous: DealRevision | undefined;
  changes: Change[];
  isHead: boolean;
  headDeleted: boolean;
  onRestore: () => void;
}) {
  const titleId = useId();
  const state = stateWords(revision, previous);
  return (
    <li className="revision" aria-labelledby={titleId}>
      <div className="revision__head">
        <h3 id={titleId} className="revision__title">
          Revision {revision.revision}: {ACTION_WORDS[revision.action]}
          {isHead ? <span className="badge revision__current">Current</span> : null}
        </h3>
        {/* Revision 1 of a shipped record was not saved by anyone: its time says nothing. */}
        {revision.action === 'seed' ? null : <RevisionTime iso={revision.savedAt} />}
      </div>
      {revision.note ? (
        <p className="revision__note">
          <span className="muted">Note: </span>
          <DataText>{revision.note}</DataText>
        </p>
      ) : null}
      {state ? <p className="revision__state">{state}</p> : null}
      {previous ? (
        changes.length > 0 || !state ? (
          <ChangeList
            changes={changes}
            before={previous.data}
            after={revision.data}
            empty="No field changed."
          />
        ) : null
      ) : null}
      {revision.invalidReason ? (
        <p className="notice notice--warning">
          This revision no longer meets the deal schema ({revision.invalidReason}), so it cannot be restored
          as it is.
        </p>
      ) : null}
      {!isHead && !revision.invalidReason && !headDeleted ? (
        <p className="revision__actions">
          <button
            type="button"
            className="button--quiet"
            onClick={onRestore}
            aria-label={`Restore this version (revision ${revision.revision})`}
          >
            Restore this version
          </button>
        </p>
      ) : null}
    </li>
  );
}

function RestoreDialog({
  id,
  head,
  target,
  onDone,
}: {
  id: string;
  head: DealRevision;
  target: DealRevision;
  onDone: () => void;
}) {
  const revert = useRevertDeal({ errorToast: false });
  const changes = useMemo(() => diff(head.data, target.data), [head.data, target.data]);
  return (
    <ConfirmDialog
      title={`Restore revision ${target.revision}?`}
      confirmLabel="Restore this version"
      busy={revert.isPending}
      error={revert.error ? revert.error.message : undefined}
      onCancel={onDone}
      onConfirm={() => {
        if (!target.deal) return;
        revert.mutate(
          { id, record: target.deal, ifMatch: head.revision, toRevision: target.revision },
          { onSuccess: onDone },
        );
      }}
    >
      <p>
        This saves revision {target.revision}&apos;s record as revision {head.revision + 1}. Revision{' '}
        {head.revision} stays in the history.
      </p>
      <h3 className="restore-dialog__what">
        {changes.length === 0
          ? 'No field changes: the current record is the same.'
          : `${changes.length} ${changes.length === 1 ? 'field changes' : 'fields change'}:`}
      </h3>
      <ChangeList changes={changes} before={head.data} after={target.data} />
    </ConfirmDialog>
  );
}
