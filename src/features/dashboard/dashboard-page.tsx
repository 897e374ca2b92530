import { useEffect, useMemo, useRef } from 'react';
import { useNavigate, useSearchParams } from '../../components/routing';
import { ExportAllMenu } from '../../components/chart-export/export-all-menu';
import { ContextLink } from '../../components/context-link';
import { dealCountText } from '../../components/deal-count';
import { DealList } from '../../components/deal-list';
import { DealListStatus } from '../../components/deal-list-status';
import { describeFilter, FilterChips } from '../../components/filter-chips';
import { IgnoredParamsNotice } from '../../components/ignored-params-notice';
import { QueryErrorNotice } from '../../components/query-error-notice';
import { RejectedRecordsNotice } from '../../components/rejected-records-notice';
import { Skeleton } from '../../components/skeleton';
import { filterDeals, filterToParams } from '../../domain';
import { dashboardChartData, type ChartData } from '../../domain/export/chart-data';
import { AllocationCard } from './allocation-card';
import { BreakdownChart } from './breakdown-chart';
import { FilterBar } from './filter-bar';
import { KpiStrip } from './kpi-strip';
import { StageChart } from './stage-chart';
import { SupplierChart } from './supplier-chart';
import { TimelineChart } from './timeline-chart';
import { UnitsByServiceChart } from './units-by-service-chart';
import { useBriefing } from './briefing';
import { useDashboard, type Currency } from './use-dashboard';
import { ValueOverTimeChart } from './value-over-time-chart';
import './dashboard.css';

export function DashboardPage() {
  const d = useDashboard();
  const briefing = useBriefing(d);
  const { filter, problems, setFilter, toggle } = d.urlFilter;
  const subtitle = describeFilter(filter);
  const toggleYear = (year: number) =>
    setFilter(
      filter.yearMin === year && filter.yearMax === year
        ? { ...filter, yearMin: undefined, yearMax: undefined }
        : { ...filter, yearMin: year, yearMax: year },
    );
  const currencySwitch = (
    <span className="segmented" role="group" aria-label="Currency">
      {(['USD', 'INR'] as Currency[]).map((c) => (
        <button key={c} type="button" aria-pressed={d.currency === c} onClick={() => d.setCurrency(c)}>
          {c === 'USD' ? 'US$' : '₹ crore'}
        </button>
      ))}
    </span>
  );
  const tableSearch = filterToParams(filter).toString();
  const navigate = useNavigate();
  const charts = useRef<HTMLDivElement>(null);
  const [params] = useSearchParams();
  const present = () => {
    // Full screen needs the click's user gesture; a browser that refuses still shows the slides.
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    const search = new URLSearchParams(params);
    search.set('slide', '1');
    void navigate(`/present?${search.toString()}`);
  };
  // The charts' data for "Download data" and descriptions, carried to each card with its export
  // context: worked out when a menu asks, not on every filter click.
  const { all, deals, currency, dataAsOf } = d;
  const figures = d as Parameters<typeof dashboardChartData>[0]['figures'];
  const exportContext = useMemo(() => {
    let made: ChartData[] | undefined;
    const chartData = () =>
      (made ??= all
        ? dashboardChartData({
            figures,
            deals,
            unitsDeals: filter.service ? filterDeals(all, { ...filter, service: undefined }) : undefined,
            currency,
            filters: d.exportContext.filters,
            dataAsOf,
          })
        : []);
    return { ...d.exportContext, chartData };
    // `figures` is a new spread each render; the figures in it change only with these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [all, deals, currency, d.exportContext, dataAsOf, filter, d.units, d.value, d.stages, d.timeline]);
  // A link to a chart (`#chart-<id>`, "Copy link to this chart") opens the page scrolled to it, its
  // heading focused, once the charts are drawn.
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current || !all) return;
    const hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash.startsWith('chart-')) return;
    scrolled.current = true;
    const card = document.getElementById(hash);
    if (!card) return;
    card.scrollIntoView({ block: 'start' });
    card.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  }, [all]);
  return (
    <section className="page dashboard" aria-busy={d.list.isPending}>
      <div className="page__head">
        <h1>Dashboard</h1>
        <p className="muted page__data-date">{d.dataAsOf}</p>
        {d.all ? (
          <div className="muted page__meta">
            {d.list.data ? dealCountText(d.deals.length, d.list.data) : null} ·{' '}
            <ContextLink to={`/deals${tableSearch ? `?${tableSearch}` : ''}`}>
              See them in the table →
            </ContextLink>{' '}
            ·{' '}
            <button type="button" className="link-button" onClick={present}>
              Present as slides
            </button>{' '}
            · <ExportAllMenu root={charts} context={d.exportContext} briefing={briefing} />
          </div>
        ) : null}
      </div>
      <IgnoredParamsNotice problems={problems} />
      <DealListStatus />
      {d.list.isError ? (
        <QueryErrorNotice
          what="the deals"
          error={d.list.error}
          onRetry={() => void d.list.refetch()}
          retrying={d.list.isFetching}
          hasStaleData={d.all !== undefined}
        />
      ) : null}
      {d.list.data ? <RejectedRecordsNotice rejected={d.list.data.rejected} /> : null}
      <FilterChips filter={filter} onChange={(next) => setFilter(next)} reserveSpace />
      <FilterBar deals={d.all} urlFilter={d.urlFilter} />
      {d.list.isPending && !d.list.isError ? (
        <div className="dashboard-grid">
          <Skeleton label="Loading the key figures…" height={110} />
          <Skeleton label="Loading the charts…" height={360} />
          <Skeleton label="Loading the charts…" height={360} />
        </div>
      ) : null}
      {d.all ? (
        <>
          <KpiStrip kpis={d.kpis} filter={filter} />
          <div className="dashboard-grid" ref={charts}>
            <UnitsByServiceChart
              exportContext={exportContext}
              data={d.units}
              filter={filter}
              subtitle={subtitle}
              onToggle={toggle}
            />
            {d.featured ? (
              <AllocationCard deal={d.featured} chartData={exportContext.chartData} />
            ) : (
              <p className="card empty">No deal under these filters records a split by armed service.</p>
            )}
            <ValueOverTimeChart
              exportContext={exportContext}
              data={d.value}
              filter={filter}
              subtitle={subtitle}
              onYear={toggleYear}
              currencySwitch={currencySwitch}
            />
            <StageChart
              exportContext={exportContext}
              stages={d.stages}
              filter={filter}
              subtitle={subtitle}
              onStatus={(s) => toggle('status', s)}
            />
            <BreakdownChart
              exportContext={exportContext}
              byDomain={d.byDomain}
              byKind={d.byKind}
              currency={d.currency}
              filter={filter}
              subtitle={subtitle}
              onToggle={toggle}
            />
            <SupplierChart
              exportContext={exportContext}
              orders={d.orders}
              filter={filter}
              subtitle={subtitle}
              onToggle={toggle}
              onYear={toggleYear}
            />
            <section className="card" aria-labelledby="largest-deals">
              <h2 id="largest-deals" className="chart-card__title">
                Largest deals by known value ({d.currency === 'INR' ? '₹' : 'US$'})
              </h2>
              <p className="chart-card__subtitle">{subtitle}</p>
              {d.largest.length > 0 ? (
                <DealList deals={d.largest} label="Deals" />
              ) : (
                <p className="chart-card__empty">
                  No deal under these filters has a known value in {d.currency}.
                </p>
              )}
            </section>
            <TimelineChart exportContext={exportContext} data={d.timeline} subtitle={subtitle} />
          </div>
        </>
      ) : null}
    </section>
  );
}
