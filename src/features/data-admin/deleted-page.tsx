import { useQueries, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { dealQueries } from '../../api';
import { useApiContext } from '../../components/api-context';
import { RevisionTime } from '../../components/conflict/revision-time';
import { ContextLink } from '../../components/context-link';
import { DataText } from '../../components/data-text';
import { QueryErrorNotice } from '../../components/query-error-notice';
import { ListSkeleton } from '../../components/skeleton';
import { useRestoreDeal } from '../../components/use-deal-mutations';
import { formatCount, type Deal } from '../../domain';
import { clampLabel, LABEL_MAX } from '../../domain/text/clamp-text';
import { cleanText } from '../../domain/text/text-safety';
import './data-admin.css';

/** How many deleted deals are listed with their time of deletion (one request each). */
const TIMED = 200;

/**
 * The deleted deals (`deleted=only`): each with when it was deleted and Restore. A deleted deal is
 * kept with its history; restoring it saves it as a new revision and puts it back in every list.
 */
export function DeletedPage() {
  const context = useApiContext();
  const query = useQuery(dealQueries.deleted(context));
  const deals = query.data?.deals;
  const headingId = useId();
  return (
    <section className="page deleted-page" aria-labelledby={headingId}>
      <p>
        <ContextLink to="/deals">← Back to the deals</ContextLink>
      </p>
      <h1 id={headingId}>Deleted deals</h1>
      <p className="muted">
        A deleted deal is kept with its whole history and can be brought back. Back up or reset everything on
        the <ContextLink to="/data">Data</ContextLink> page.
      </p>
      {query.isError ? (
        <QueryErrorNotice
          what="the deleted deals"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
          hasStaleData={deals !== undefined}
        />
      ) : null}
      {query.isPending && !query.isError ? (
        <ListSkeleton label="Loading the deleted deals…" rows={3} />
      ) : null}
      {deals ? (
        deals.length === 0 ? (
          <p className="empty">No deal is deleted.</p>
        ) : (
          <>
            <p>
              {formatCount(deals.length)} deleted {deals.length === 1 ? 'deal' : 'deals'}, most recently
              deleted first.
            </p>
            <DeletedList deals={deals} />
          </>
        )
      ) : null}
    </section>
  );
}

function DeletedList({ deals }: { deals: Deal[] }) {
  const context = useApiContext();
  const details = useQueries({
    queries: deals.slice(0, TIMED).map((deal) => dealQueries.detail(context, deal.id)),
  });
  const savedAt = (i: number) => (i < TIMED ? details[i]?.data?.savedAt : undefined);
  // Newest deletion first; deals whose time has not arrived keep their place after the timed ones.
  const order = deals
    .map((deal, i) => ({ deal, at: savedAt(i) }))
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
  return (
    <ul className="deleted-list">
      {order.map(({ deal, at }) => (
        <DeletedItem key={deal.id} deal={deal} deletedAt={at} />
      ))}
    </ul>
  );
}

function DeletedItem({ deal, deletedAt }: { deal: Deal; deletedAt: string | undefined }) {
  const restore = useRestoreDeal({ errorToast: false });
  const titleId = useId();
  return (
    <li className="deleted-item" aria-labelledby={titleId}>
      <div className="deleted-item__text">
        <ContextLink to={`/deals/${encodeURIComponent(deal.id)}`}>
          <span id={titleId}>
            <DataText>{clampLabel(deal.title, LABEL_MAX)}</DataText>
          </span>
        </ContextLink>
        <span className="muted">
          {deletedAt ? (
            <>
              Deleted on <RevisionTime iso={deletedAt} />
            </>
          ) : (
            'Deleted'
          )}
        </span>
        {restore.isError ? (
          <span className="notice notice--error" role="alert">
            Could not restore it. {restore.error.message}
          </span>
        ) : null}
      </div>
      <button
        type="button"
        onClick={() => restore.mutate({ id: deal.id })}
        disabled={restore.isPending}
        aria-label={`${restore.isPending ? 'Restoring' : 'Restore'} ${cleanText(clampLabel(deal.title, LABEL_MAX))}`}
      >
        {restore.isPending ? 'Restoring…' : 'Restore'}
      </button>
    </li>
  );
}
