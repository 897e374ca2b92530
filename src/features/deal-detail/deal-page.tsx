import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { useParams } from '../../components/routing';
import { dealQueries, isApiError } from '../../api';
import { useApiContext } from '../../components/api-context';
import { ContextLink } from '../../components/context-link';
import { ViewLink } from '../../components/view-link';
import { DealNeighbours } from './deal-neighbours';
import { SupplierToBuyer, StatusBadge, HeadlineValue } from '../../components/deal-summary-line';
import { LABEL_MAX } from '../../domain/text/clamp-text';
import { LongText } from './long-text';
import { QueryErrorNotice } from '../../components/query-error-notice';
import { DataText } from '../../components/data-text';
import { Skeleton } from '../../components/skeleton';
import { LABELS, type Deal } from '../../domain';
import { DeleteDealButton, DeletedNotice } from './deal-actions';
import { DealTabs } from './deal-tabs';
import { FigureTable } from './figure-table';
import { MilestoneList } from './milestone-list';
import { OriginPanel, TivPanel } from './origin-panel';
import { QuantitySection } from './quantity-section';
import { ReceivingService } from './receiving-service';
import { SourceList } from './source-list';
import './deal-detail.css';

function Facts({ deal }: { deal: Deal }) {
  const rows: [string, ReactNode][] = [
    ['Supplier → buyer', <SupplierToBuyer deal={deal} />],
    ['Kind', LABELS.kind[deal.kind]],
    ['Route', deal.routes.map((r) => LABELS.route[r]).join(', ') || 'Not reported'],
    ['Domains', deal.domains.map((d) => LABELS.domain[d]).join(', ') || 'Not recorded'],
    [
      'Parties',
      deal.parties.length === 0
        ? 'Not recorded'
        : deal.parties.map((p, i) => (
            <Fragment key={i}>
              {i > 0 ? '; ' : ''}
              <DataText>{p.name}</DataText> ({LABELS.role[p.role].toLowerCase()})
            </Fragment>
          )),
    ],
  ];
  if (deal.system) {
    const { name, variant, category } = deal.system;
    rows.splice(1, 0, [
      'System',
      <>
        <DataText>{name}</DataText>
        {variant ? (
          <>
            {' ('}
            <DataText>{variant}</DataText>)
          </>
        ) : null}
        {` · ${LABELS.category[category]}`}
      </>,
    ]);
  }
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} className="facts__row">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function DealBody({
  deal,
  history,
  moneyActions,
  actions,
}: {
  deal: Deal;
  history: ReactNode;
  moneyActions?: ReactNode;
  /** Delete, beside Edit; none for a deleted deal, whose page offers Restore instead. */
  actions: ReactNode;
}) {
  return (
    <article className="deal">
      <header className="deal__header">
        <h1>
          <LongText text={deal.title} max={LABEL_MAX} />
        </h1>
        <StatusBadge status={deal.status} />
        {deal.synthetic ? <span className="badge badge--synthetic">Synthetic record</span> : null}
        {deal.origin ? (
          <span className="badge badge--imported">
            Imported from <DataText>{deal.origin.publisher}</DataText>
          </span>
        ) : null}
        {actions ? (
          <div className="deal__actions">
            <ContextLink to={`/deals/${encodeURIComponent(deal.id)}/edit`} className="deal__edit">
              Edit
            </ContextLink>
            {actions}
          </div>
        ) : null}
      </header>
      <DealTabs
        history={history}
        overview={
          <>
            <p className="deal__summary">
              <LongText text={deal.summary} />
            </p>
            <p className="deal__headline">
              Headline value: <HeadlineValue deal={deal} />
            </p>
            <Facts deal={deal} />
            {deal.origin ? <OriginPanel origin={deal.origin} /> : null}
            <ReceivingService deal={deal} />
            {deal.quantity ? <QuantitySection deal={deal} quantity={deal.quantity} /> : null}
            <TivPanel deal={deal} />
            <section className="card">
              <h2>Money</h2>
              {moneyActions}
              <FigureTable deal={deal} />
            </section>
            <section className="card">
              <h2 id="deal-milestones">Milestones</h2>
              <MilestoneList deal={deal} />
            </section>
            <section className="card">
              <h2>Sources</h2>
              <SourceList sources={deal.sources} />
            </section>
          </>
        }
      />
    </article>
  );
}

/**
 * `renderHistory` draws the History tab and `renderMoneyActions` the Money section's actions (add a
 * reported figure, choose the headline): the app passes the deal-history and deal-edit features in,
 * as a feature does not import another.
 */
export function DealPage({
  renderHistory,
  renderMoneyActions,
}: { renderHistory?: (id: string) => ReactNode; renderMoneyActions?: (id: string) => ReactNode } = {}) {
  const { id = '' } = useParams();
  const query = useQuery(dealQueries.detail(useApiContext(), id));
  const notFound = isApiError(query.error) && query.error.kind === 'not-found';
  return (
    <section className="page">
      <p>
        <ViewLink to="/deals">← Back to the deals</ViewLink>
      </p>
      {notFound ? null : <DealNeighbours id={id} />}
      {notFound ? (
        <>
          <h1>Deal not found</h1>
          <p>
            No deal has the id{' '}
            <code>
              <DataText>{id}</DataText>
            </code>
            . It may have been renamed or removed; search the{' '}
            <ContextLink to="/deals">list of deals</ContextLink>.
          </p>
        </>
      ) : query.isError ? (
        <QueryErrorNotice
          what="this deal"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
          hasStaleData={query.data !== undefined}
        />
      ) : null}
      {query.isPending && !query.isError ? <Skeleton label="Loading the deal…" height={400} /> : null}
      {query.data?.deleted ? <DeletedNotice stored={query.data} /> : null}
      {query.data ? (
        <DealBody
          deal={query.data.deal}
          history={renderHistory?.(id)}
          moneyActions={query.data.deleted ? null : renderMoneyActions?.(id)}
          actions={query.data.deleted ? null : <DeleteDealButton stored={query.data} />}
        />
      ) : null}
    </section>
  );
}
