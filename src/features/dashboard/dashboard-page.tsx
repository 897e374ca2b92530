import { QueryErrorNotice } from '../../components/query-error-notice';
import { RejectedRecordsNotice } from '../../components/rejected-records-notice';
import { ContextLink } from '../../components/context-link';
import { DealList } from '../../components/deal-list';
import { ListSkeleton, Skeleton } from '../../components/skeleton';
import { useDealList } from '../../components/use-deal-list';
import { featuredAllocationDeal } from '../../domain';
import { AllocationCard } from './allocation-card';

const PREVIEW = 8;

export function DashboardPage() {
  const list = useDealList();
  const deals = list.data?.deals ?? [];
  const featured = featuredAllocationDeal(deals);
  return (
    <section className="page">
      <h1>Dashboard</h1>
      {list.isError ? (
        <QueryErrorNotice
          what="the deals"
          error={list.error}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
          hasStaleData={list.data !== undefined}
        />
      ) : null}
      {list.data ? <RejectedRecordsNotice rejected={list.data.rejected} /> : null}
      {list.isPending && !list.isError ? (
        <>
          <Skeleton label="Loading the chart…" height={360} />
          <ListSkeleton label="Loading the deals…" />
        </>
      ) : null}
      {list.data ? (
        <div className="dashboard-grid">
          {featured ? (
            <AllocationCard deal={featured} />
          ) : (
            <p className="card empty">No deal in this data set records a split by armed service.</p>
          )}
          <section className="card" aria-labelledby="recent-deals">
            <h2 id="recent-deals">Deals</h2>
            <p className="muted">
              {list.data.deals.length.toLocaleString('en')} deals in this data set
              {deals.length > PREVIEW ? `; the first ${PREVIEW} are shown` : ''}.{' '}
              <ContextLink to="/deals">See all deals →</ContextLink>
            </p>
            <DealList deals={deals.slice(0, PREVIEW)} label="Deals" />
          </section>
        </div>
      ) : null}
    </section>
  );
}
