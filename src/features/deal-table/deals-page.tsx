import { useEffect, useMemo, useRef, useState } from 'react';
import { ContextLink } from '../../components/context-link';
import { dealCountText } from '../../components/deal-count';
import { DealListStatus } from '../../components/deal-list-status';
import { describeFilter, FilterChips } from '../../components/filter-chips';
import { HighlightSearch } from '../../components/highlight';
import { IgnoredParamsNotice } from '../../components/ignored-params-notice';
import { QueryErrorNotice } from '../../components/query-error-notice';
import { RejectedRecordsNotice } from '../../components/rejected-records-notice';
import { ListSkeleton } from '../../components/skeleton';
import { useDealList } from '../../components/use-deal-list';
import { useUrlFilter } from '../../components/use-url-filter';
import { EMPTY_FILTER } from '../../domain';
import { COLUMN_META } from './columns';
import { ColumnMenu } from './column-menu';
import { DealTable, focusDealRows } from './deal-table';
import { ExportDataMenu } from './export-data-menu';
import { FacetPanel } from './facet-panel';
import { useTableView } from './table-view';
import './deal-table.css';

export function DealsPage() {
  const list = useDealList();
  const { filter, problems, setFilter, toggle } = useUrlFilter();
  const view = useTableView();
  const all = list.data?.deals;

  // The search box keeps its own text so the caret never jumps while the URL catches up.
  const [query, setQuery] = useState(filter.q ?? '');
  const [lastUrlQuery, setLastUrlQuery] = useState(filter.q ?? '');
  if ((filter.q ?? '') !== lastUrlQuery) {
    setLastUrlQuery(filter.q ?? '');
    setQuery(filter.q ?? '');
  }
  // The collection keeps one index and, per sort order, a permutation of its rows (sorted once, then
  // patched by each save); the filter walks the index in that order. It answers 100,000 deals within
  // a frame, so results render in the same pass as the input (deferring them cost a second render and
  // a frame). Memos are keyed on the collection, a new one per version.
  const { collection } = list;
  const result = useMemo(
    () => collection?.query(filter, { sort: view.sort, counts: true }),
    [collection, filter, view.sort],
  );
  const rows = result?.deals ?? [];
  // The counts do not depend on the order.
  const totals = useMemo(() => collection?.query(EMPTY_FILTER, { counts: true }).counts, [collection]);

  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (event.key !== '/' || target.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      search.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const allProblems = [...problems, ...view.problems];
  const filters = describeFilter(filter);
  return (
    <section className="page deals-page">
      {/* The facets and toolbar hold dozens of controls before the first row. */}
      <a
        className="skip-link"
        href="#deal-rows"
        onClick={(event) => {
          event.preventDefault();
          if (!focusDealRows()) search.current?.focus();
        }}
      >
        Skip to the deals table
      </a>
      <div className="page__head">
        <h1>Deals</h1>
        {all ? (
          <p className="muted" aria-live="polite">
            {list.data ? dealCountText(rows.length, list.data) : null}
          </p>
        ) : null}
      </div>
      <IgnoredParamsNotice problems={allProblems} />
      <DealListStatus />
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
      <div className="toolbar deals-toolbar">
        <label htmlFor="deal-search">Search deals</label>
        <input
          id="deal-search"
          ref={search}
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setFilter({ ...filter, q: e.target.value || undefined }, { replace: true });
          }}
          placeholder="Title, system, party or summary  ( / )"
          autoComplete="off"
        />
        <ColumnMenu visible={view.visible} onChange={view.setVisible} />
        <ExportDataMenu deals={rows} filters={filters} />
        <ContextLink to="/deals/new" className="deals-toolbar__new">
          New deal
        </ContextLink>
        <ContextLink to="/deleted">Deleted deals</ContextLink>
        {view.sort.length > 0 ? (
          <span className="muted">
            Sorted by{' '}
            {view.sort
              .map(
                (s) =>
                  `${Object.values(COLUMN_META).find((m) => m.sortKey === s.key)?.label ?? s.key} ${s.desc ? '↓' : '↑'}`,
              )
              .join(', then ')}
          </span>
        ) : null}
      </div>
      <FilterChips filter={filter} onChange={(next) => setFilter(next)} reserveSpace />
      {list.isPending && !list.isError ? <ListSkeleton label="Loading the deals…" /> : null}
      {all && result && totals ? (
        <div className="deals-layout">
          <FacetPanel
            filter={filter}
            counts={result.counts!}
            totals={totals}
            onToggle={toggle}
            onRange={(range) => setFilter({ ...filter, ...range })}
          />
          <div className="deals-main">
            {/* Mounted even when nothing matches, so the next keystroke fills it instead of building it. */}
            <HighlightSearch q={filter.q}>
              <DealTable
                deals={rows}
                sort={view.sort}
                visible={view.visible}
                label="Matching deals"
                onSort={(column, additive) => {
                  const key = COLUMN_META[column].sortKey;
                  if (key) view.toggleSort(key, additive);
                }}
                empty={
                  <p className="empty">
                    No deal matches these filters.{' '}
                    <button type="button" className="link-button" onClick={() => setFilter({})}>
                      Clear all filters
                    </button>
                  </p>
                }
              />
            </HighlightSearch>
          </div>
        </div>
      ) : null}
    </section>
  );
}
