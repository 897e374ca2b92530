import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { dealQueries, isApiError, type ApiError, type StoredDeal } from '../../api';
import { contextSearch, useApiContext } from '../../components/api-context';
import { ConflictView, type ConflictResolution } from '../../components/conflict/conflict-view';
import { ContextLink } from '../../components/context-link';
import { DataText } from '../../components/data-text';
import { QueryErrorNotice } from '../../components/query-error-notice';
import { useNavigate, useParams } from '../../components/routing';
import { Skeleton } from '../../components/skeleton';
import { useDealList } from '../../components/use-deal-list';
import { Deal, describeIssues } from '../../domain';
import { draftFromDeal, emptyDraft } from '../../domain/model/deal-draft';
import { DealForm } from './deal-form';
import { useSaveDeal } from './use-save-deal';

function useGoToDeal() {
  const navigate = useNavigate();
  const search = contextSearch(useApiContext());
  return (id: string) => navigate(`/deals/${encodeURIComponent(id)}${search}`);
}

export function NewDealPage() {
  const list = useDealList();
  const { create } = useSaveDeal();
  const goToDeal = useGoToDeal();
  const [initial] = useState(emptyDraft);
  const deals = list.data?.deals;
  const takenIds = useMemo(() => new Set(deals?.map((d) => d.id)), [deals]);
  return (
    <section className="page deal-form-page">
      <p>
        <ContextLink to="/deals">← Back to the deals</ContextLink>
      </p>
      <h1>New deal</h1>
      <p className="muted">
        Every figure, quantity and milestone cites one of the deal&apos;s sources: add the sources first.
      </p>
      <DealForm
        mode="new"
        initial={initial}
        takenIds={takenIds}
        onSave={(record, note) => create(record, note)}
        onSaved={(record) => goToDeal(record.id)}
        cancelTo="/deals"
      />
    </section>
  );
}

interface Conflict {
  mine: Deal;
  note: string;
  error: ApiError;
}

export function EditDealPage() {
  const { id = '' } = useParams();
  const query = useQuery(dealQueries.detail(useApiContext(), id));
  // The revision the form opened at: later changes to the cached deal (another tab, a refetch) do not
  // reset what is typed, and a save against it that comes too late is a 412 with both sides shown.
  const [opened, setOpened] = useState<StoredDeal | undefined>(undefined);
  if (!opened && query.data) setOpened(query.data);

  const notFound = isApiError(query.error) && query.error.kind === 'not-found';
  return (
    <section className="page deal-form-page">
      <p>
        <ContextLink to={`/deals/${encodeURIComponent(id)}`}>← Back to the deal</ContextLink>
      </p>
      {opened?.deleted ? (
        <>
          <h1>
            <DataText>{opened.deal.title}</DataText> is deleted
          </h1>
          <p>
            A deleted deal is kept, not edited: restore it from{' '}
            <ContextLink to={`/deals/${encodeURIComponent(id)}`}>its page</ContextLink> first, then edit it.
          </p>
        </>
      ) : opened ? (
        <EditForm opened={opened} />
      ) : notFound ? (
        <>
          <h1>Deal not found</h1>
          <p>
            No deal has the id{' '}
            <code>
              <DataText>{id}</DataText>
            </code>
            ; there is nothing to edit. Search the <ContextLink to="/deals">list of deals</ContextLink>.
          </p>
        </>
      ) : query.isError ? (
        <QueryErrorNotice
          what="this deal"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
          hasStaleData={false}
        />
      ) : (
        <Skeleton label="Loading the deal…" height={400} />
      )}
    </section>
  );
}

function EditForm({ opened }: { opened: StoredDeal }) {
  const { update } = useSaveDeal();
  const goToDeal = useGoToDeal();
  const [initial] = useState(() => draftFromDeal(opened.deal));
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [resolving, setResolving] = useState(false);
  const [resolveError, setResolveError] = useState<string | null>(null);
  const [discarded, setDiscarded] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const { deal, revision } = opened;

  function onRefused(error: ApiError, mine: Deal, note: string): boolean {
    if (error.kind !== 'conflict') return false;
    setConflict({ mine, note, error });
    setResolveError(null);
    requestAnimationFrame(() => {
      conflictRef.current?.scrollIntoView?.({ block: 'start' });
      conflictRef.current?.focus();
    });
    return true;
  }

  async function resolve(resolution: ConflictResolution) {
    if (!conflict) return;
    if (resolution.choice === 'theirs') {
      setDiscarded(true);
      // After the render that turns the guard off.
      requestAnimationFrame(() => goToDeal(deal.id));
      return;
    }
    const record = Deal.safeParse(resolution.record);
    if (!record.success) {
      setResolveError(`The merged record is not valid: ${describeIssues(record.error)}`);
      return;
    }
    setResolving(true);
    setResolveError(null);
    try {
      await update(deal.id, record.data, resolution.ifMatch, conflict.note);
      setDiscarded(true);
      requestAnimationFrame(() => goToDeal(deal.id));
    } catch (error) {
      setResolveError(error instanceof Error ? error.message : String(error));
    } finally {
      setResolving(false);
    }
  }

  const current = conflict?.error.current;
  return (
    <>
      <h1>
        Edit <DataText>{deal.title}</DataText>
      </h1>
      <p className="muted">
        Editing revision {revision}. Saving makes revision {revision + 1}; the deal&apos;s history keeps every
        earlier one.
      </p>
      {conflict ? (
        <div ref={conflictRef} tabIndex={-1} className="form-conflict">
          {current ? (
            <ConflictView
              base={deal}
              baseRevision={revision}
              mine={conflict.mine}
              theirs={{ deal: current.deal, revision: current.revision, savedAt: current.savedAt }}
              onResolve={(r) => void resolve(r)}
              onCancel={() => setConflict(null)}
              busy={resolving}
              error={resolveError ?? undefined}
            />
          ) : (
            <div className="notice notice--error" role="alert">
              <div>
                <h2>Saved elsewhere meanwhile: nothing was saved</h2>
                <p>
                  This deal changed since you opened revision {revision}, and the server&apos;s copy could not
                  be read (<DataText>{conflict.error.message}</DataText>). Your changes are still in the form
                  below. Open the deal in another tab to see what changed, then save again here.
                </p>
              </div>
            </div>
          )}
        </div>
      ) : null}
      <DealForm
        mode="edit"
        initial={initial}
        onSave={(record, note) => update(deal.id, record, revision, note)}
        onSaved={() => goToDeal(deal.id)}
        onRefused={onRefused}
        guardOff={discarded}
        cancelTo={`/deals/${encodeURIComponent(deal.id)}`}
      />
    </>
  );
}
