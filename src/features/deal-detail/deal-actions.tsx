import { useState } from 'react';
import type { StoredDeal } from '../../api';
import { ConfirmDialog } from '../../components/conflict/confirm-dialog';
import { RevisionTime } from '../../components/conflict/revision-time';
import { ContextLink } from '../../components/context-link';
import { DataText } from '../../components/data-text';
import { useDeleteDeal, useRestoreDeal } from '../../components/use-deal-mutations';
import { clampLabel, LABEL_MAX } from '../../domain/text/clamp-text';

/** Delete, after a confirmation; the client's toast then offers Undo. */
export function DeleteDealButton({ stored }: { stored: StoredDeal }) {
  const [asking, setAsking] = useState(false);
  const remove = useDeleteDeal({ errorToast: false });
  const title = clampLabel(stored.deal.title, LABEL_MAX);
  return (
    <>
      <button
        type="button"
        className="button--quiet"
        onClick={() => {
          remove.reset();
          setAsking(true);
        }}
      >
        Delete
      </button>
      {asking ? (
        <ConfirmDialog
          title="Delete this deal?"
          confirmLabel="Delete"
          danger
          busy={remove.isPending}
          error={remove.error ? remove.error.message : undefined}
          onCancel={() => setAsking(false)}
          onConfirm={() =>
            remove.mutate(
              { id: stored.deal.id, ifMatch: stored.revision },
              { onSuccess: () => setAsking(false) },
            )
          }
        >
          <p>
            “<DataText>{title}</DataText>” leaves every list and chart. It is kept with its history and can be
            brought back from the deleted deals.
          </p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** A deleted deal's page: when it was deleted, and Restore instead of the usual actions. */
export function DeletedNotice({ stored }: { stored: StoredDeal }) {
  const restore = useRestoreDeal({ errorToast: false });
  return (
    <div className="notice notice--warning deal-deleted" role="note">
      <div>
        <strong>
          Deleted on <RevisionTime iso={stored.savedAt} />.
        </strong>{' '}
        It is in no list or chart; its record and history are kept. See all{' '}
        <ContextLink to="/deleted">deleted deals</ContextLink>.
        {restore.isError ? (
          <span className="deal-deleted__error" role="alert">
            {' '}
            Could not restore it: {restore.error.message}
          </span>
        ) : null}
      </div>
      <button
        type="button"
        onClick={() => restore.mutate({ id: stored.deal.id, ifMatch: stored.revision })}
        disabled={restore.isPending}
      >
        {restore.isPending ? 'Restoring…' : 'Restore'}
      </button>
    </div>
  );
}
