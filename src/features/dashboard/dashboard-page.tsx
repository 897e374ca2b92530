import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
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
import { useStableCallback } from '../../components/use-stable-callback';
import { useDashboard, type Currency } from './use-dashboard';
import { ValueOverTimeChart } from './value-over-time-chart';
import { withSlide } from './present-slide-param';
import './dashboard.css';

// Each card is drawn again only when its props change: the figures keep their identity while equal
// (`useDashboard`), and the page's handlers and export context are stable, so a save or a click redraws
// only the charts whose data, filter or subtitle it changed (Recharts charts cost 2–13 ms each at 100k).
const Kpis = memo(KpiStrip);
const Units = memo(UnitsByServiceChart);
const Allocation = memo(AllocationCard);
const ValueOverTime = memo(ValueOverTimeChart);
const Stages = memo(StageChart);
const Breakdown = memo(BreakdownChart);
const Orders = memo(SupplierChart);
const Timeline = memo(TimelineChart);
const Largest = memo(function Largest({
  deals,
  currency,
  subtitle,
}: {
  deals: Parameters<typeof DealList>[0]['deals'];
  currency: Currency;
  subtitle: string;
}) {
  return (
    <section className="card" aria-labelledby="largest-deals">
      <h2 id="largest-deals" className="chart-card__title">
        Largest deals by known value ({currency === 'INR' ? '₹' : 'US$'})
      </h2>
      <p className="chart-card__subtitle">{subtitle}</p>
      {deals.length > 0 ? (
        <DealList deals={deals} label="Deals" />
      ) : (
        <p className="chart-card__empty">No deal under these filters has a known value in {currency}.</p>
      )}
    </section>
  );
});

export function DashboardPage() {
  const d = useDashboard();
  const briefing = useBriefing(d);
  const { filter, problems, setFilter, toggle } = d.urlFilter;
  const subtitle = describeFilter(filter);
  const toggleYear = useStableCallback((year: number) =>
    setFilter(
      filter.yearMin === year && filter.yearMax === year
        ? { ...filter, yearMin: undefined, yearMax: undefined }
        : { ...filter, yearMin: year, yearMax: year },
    ),
  );
  const toggleStatus = useCallback((s: string) => toggle('status', s), [toggle]);
  const setCurrency = useStableCallback(d.setCurrency);
  const currencySwitch = useMemo(
    () => (
      <span className="segmented" role="group" aria-label="Currency">
        {(['USD', 'INR'] as Currency[]).map((c) => (
          <button key={c} type="button" aria-pressed={d.currency === c} onClick={() => setCurrency(c)}>
            {c === 'USD' ? 'US$' : '₹ crore'}
          </button>
        ))}
      </span>
    ),
    [d.currency, setCurrency],
  );
  const tableSearch = filterToParams(filter).toString();
  const navigate = useNavigate();
  const charts = useRef<HTMLDivElement>(null);
  const [params] = useSearchParams();
  const present = () => {
    // Full screen needs the click's user gesture; a browser that refuses still shows the slides.
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
    void navigate(`/present?${withSlide(params, 0).toString()}`);
  };
  // The charts' data for "Download data" and descriptions, carried to each card with its export
  // context: worked out when a menu asks, not on every filter click.
  const { all, deals, currency, dataAsOf } = d;
  const figures = d as Parameters<typeof dashboardChartData>[0]['figures'];
  const madeChartData = useMemo(() => {
    let made: ChartData[] | undefined;
    return () =>
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
    // `figures` is a new spread each render; the figures in it change only with these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    all,
    deals,
    currency,
    d.exportContext,
    dataAsOf,
    filter,
    d.kpis,
    d.units,
    d.value,
    d.stages,
    d.timeline,
    d.byDomain,
    d.byKind,
    d.orders,
    d.featured,
    d.largest,
  ]);
  // Asked for only when a menu or "Show as table" opens, so one stable function that reads the latest
  // data: a save that changes one chart's figures does not hand every card a new export context.
  const chartData = useStableCallback(() => madeChartData());
  const exportContext = useMemo(() => ({ ...d.exportContext, chartData }), [d.exportContext, chartData]);
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
          <Kpis kpis={d.kpis} filter={filter} />
          <div className="dashboard-grid" ref={charts}>
            <Units
              exportContext={exportContext}
              data={d.units}
              filter={filter}
              subtitle={subtitle}
              onToggle={toggle}
            />
            {d.featured ? (
              <Allocation deal={d.featured} chartData={chartData} />
            ) : (
              <p className="card empty">No deal under these filters records a split by armed service.</p>
            )}
            <ValueOverTime
              exportContext={exportContext}
              data={d.value}
              filter={filter}
              subtitle={subtitle}
              onYear={toggleYear}
              currencySwitch={currencySwitch}
            />
            <Stages
              exportContext={exportContext}
              stages={d.stages}
              filter={filter}
              subtitle={subtitle}
              onStatus={toggleStatus}
            />
            <Breakdown
              exportContext={exportContext}
              byDomain={d.byDomain}
              byKind={d.byKind}
              currency={d.currency}
              filter={filter}
              subtitle={subtitle}
              onToggle={toggle}
            />
            <Orders
              exportContext={exportContext}
              orders={d.orders}
              filter={filter}
              subtitle={subtitle}
              onToggle={toggle}
              onYear={toggleYear}
            />
            <Largest deals={d.largest} currency={d.currency} subtitle={subtitle} />
            <Timeline exportContext={exportContext} data={d.timeline} subtitle={subtitle} />
          </div>
        </>
      ) : null}
    </section>
  );
}
