import { useDeferredValue, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { ContextLink } from '../../components/context-link';
import { DealList } from '../../components/deal-list';
import { QueryErrorNotice } from '../../components/query-error-notice';
import { RejectedRecordsNotice } from '../../components/rejected-records-notice';
import { ListSkeleton } from '../../components/skeleton';
import { useDealList } from '../../components/use-deal-list';
import { filterDeals, parseFilterParams } from '../../domain';

const SHOWN = 200;

export function DealsPage() {
  const list = useDealList();
  const [params, setParams] = useSearchParams();
  const { filter, problems } = useMemo(() => parseFilterParams(params), [params]);
  const deferredFilter = useDeferredValue(filter);
  const all = list.data?.deals;
  const matches = useMemo(() => (all ? filterDeals(all, deferredFilter) : []), [all, deferredFilter]);

  const setQuery = (q: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (q) next.set('q', q);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );

  return (
    <section className="page">
      <h1>Deals</h1>
      {problems.length > 0 ? (
        <p className="notice notice--warning" role="status">
          Ignored {problems.map((p) => `${p.param}=${p.value} (${p.message})`).join('; ')}.
        </p>
      ) : null}
      {list.isError ? (
        <QueryErrorNotice
          what="the deals"
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
          hasStaleData={all !== undefined}
        />
      ) : null}
      {list.data ? <RejectedRecordsNotice rejected={list.data.rejected} /> : null}
      <div className="toolbar">
        <label htmlFor="deal-search">Search deals</label>
        <input
          id="deal-search"
          type="search"
          value={params.get('q') ?? ''}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Title, system, party or summary"
          autoComplete="off"
        />
        {all ? (
          <span className="muted" aria-live="polite">
            {matches.length.toLocaleString('en')} of {all.length.toLocaleString('en')} deals
          </span>
        ) : null}
      </div>
      {list.isPending && !list.isError ? <ListSkeleton label="Loading the deals…" /> : null}
      {all ? (
        <>
          <DealList deals={matches.slice(0, SHOWN)} label="Matching deals" />
          {matches.length > SHOWN ? (
            <p className="muted">
              The first {SHOWN} of {matches.length.toLocaleString('en')} matches are listed; narrow the search
              to see others.
            </p>
          ) : null}
          {matches.length === 0 && all.length > 0 ? (
            <p>
              <ContextLink to="/deals">Clear the search</ContextLink>
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
