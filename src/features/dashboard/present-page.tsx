import { useCallback, useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { metaQueries } from '../../api';
import { useNavigate, useSearchParams } from '../../components/routing';
import { contextSearch, useApiContext } from '../../components/api-context';
import { describeFilter } from '../../components/filter-chips';
import { FILTER_PARAM_NAMES } from '../../components/use-url-filter';
import { formatCount, UNIT_FAMILIES } from '../../domain';
import { AllocationCard } from './allocation-card';
import { BreakdownChart } from './breakdown-chart';
import { ChartHeightContext } from './chart-size';
import { KpiStrip } from './kpi-strip';
import { useBriefing } from './briefing';
import { DownloadSlidesButton, FullscreenButton, SlideNav } from './present-controls';
import { useSlideFit } from './present-fit';
import { useShrinkToFit } from './present-shrink';
import { slideOf, withSlide } from './present-slide-param';
import { TitleSlide } from './present-title-slide';
import { StageChart } from './stage-chart';
import { SupplierChart } from './supplier-chart';
import { TimelineChart } from './timeline-chart';
import { fillLayout, pageRanges, slideLayout } from './timeline-layout';
import { UnitsByServiceChart } from './units-by-service-chart';
import { useDashboard } from './use-dashboard';
import { ValueOverTimeChart } from './value-over-time-chart';
import './dashboard.css';
import './present.css';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);
/** What a click or a key press operates itself; anywhere else on a slide a click steps forward. */
const OPERABLE =
  'a, button, input, select, textarea, summary, label, [role="button"], [role="link"], [tabindex], ' +
  '.recharts-bar-rectangle, .recharts-legend-item, .recharts-sector, .timeline__row';
const DEFAULT_TITLE = 'India–US defence deals';

/**
 * The dashboard as a slide show at projector size: a title slide, then one chart a slide, the timeline
 * over as many slides as it needs for whole rows. Every slide fits the window (charts are sized from
 * the room the slide leaves) and names its sources and data date. The slide number is in the URL
 * (`?slide=3`) so a presenter can reopen it. Arrows, space, Page Up/Down, Home/End, the on-screen
 * buttons or a click on the slide step; Esc goes back to the dashboard with the same filters.
 */
export function PresentPage() {
  const d = useDashboard();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const context = useApiContext();
  const { data: meta } = useQuery(metaQueries.meta(context));
  const briefing = useBriefing(d, meta?.title ?? DEFAULT_TITLE);
  const { filter, toggle } = d.urlFilter;
  const subtitle = describeFilter(filter);
  const [content, setContent] = useState<HTMLElement | null>(null);
  const [probe, setProbe] = useState<HTMLElement | null>(null);
  const fit = useSlideFit(content, probe);
  const chartHeight = fit.chart > 0 ? fit.chart : 240;

  const room = fit.timeline;
  const pages = pageRanges(
    d.timeline.rows.length,
    room ? slideLayout(room.width, room.height).rowsPerPage : d.timeline.rows.length,
  );
  const layout = room
    ? fillLayout(room.width, room.height, Math.max(...pages.map(([from, to]) => to - from)))
    : undefined;
  const slides: { key: string; node: ReactNode }[] = d.all
    ? [
        {
          key: 'title',
          node: (
            <TitleSlide
              title={meta?.title ?? DEFAULT_TITLE}
              filters={subtitle}
              dataAsOf={d.dataAsOf}
              deals={`${formatCount(d.deals.length)} deal${d.deals.length === 1 ? '' : 's'}`}
              synthetic={d.exportContext.synthetic}
            />
          ),
        },
        { key: 'kpis', node: <KpiSlide>{<KpiStrip kpis={d.kpis} filter={filter} />}</KpiSlide> },
        // One slide a family of units (platforms, engines, munitions) with ordered units to draw.
        ...UNIT_FAMILIES.filter((f) => f === 'platforms' || d.units[f].totalUnits > 0).map((f) => ({
          key: `units-${f}`,
          node: (
            <UnitsByServiceChart
              data={d.units}
              family={f}
              filter={filter}
              subtitle={subtitle}
              onToggle={toggle}
            />
          ),
        })),
        ...(d.featured
          ? [{ key: 'featured', node: <AllocationCard deal={d.featured} height={chartHeight} /> }]
          : []),
        {
          key: 'value',
          node: (
            <ValueOverTimeChart
              data={d.value}
              filter={filter}
              subtitle={subtitle}
              onYear={() => undefined}
              currencySwitch={null}
            />
          ),
        },
        {
          key: 'stages',
          node: (
            <StageChart
              stages={d.stages}
              filter={filter}
              subtitle={subtitle}
              onStatus={(s) => toggle('status', s)}
            />
          ),
        },
        {
          key: 'breakdown',
          node: (
            <BreakdownChart
              byDomain={d.byDomain}
              byKind={d.byKind}
              currency={d.currency}
              filter={filter}
              subtitle={subtitle}
              onToggle={toggle}
            />
          ),
        },
        {
          key: 'orders',
          node: (
            <SupplierChart
              orders={d.orders}
              filter={filter}
              subtitle={subtitle}
              onToggle={toggle}
              onYear={() => undefined}
            />
          ),
        },
        ...pages.map(([from, to], i) => ({
          key: pages.length > 1 ? `timeline-${i + 1}` : 'timeline',
          node: (
            <TimelineChart
              data={d.timeline}
              subtitle={subtitle}
              page={{ from, to, index: i, count: pages.length }}
              {...(layout ? { layout } : {})}
            />
          ),
        })),
      ]
    : [];
  const count = slides.length;
  const { index, notice } = slideOf(params, count);

  const go = useCallback(
    (to: number) =>
      setParams(
        (current) => withSlide(current, to),
        // Rendered at once, so a second key pressed before the next frame steps from the new slide.
        { replace: true, flushSync: true },
      ),
    [setParams],
  );

  useEffect(() => {
    const leave = () => {
      const back = new URLSearchParams(contextSearch(context));
      for (const [name, value] of params)
        if (FILTER_PARAM_NAMES.includes(name) || name === 'currency') back.append(name, value);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      void navigate(`/${back.size > 0 ? `?${back.toString()}` : ''}`);
    };
    const onKey = (event: KeyboardEvent) => {
      // Enter and space belong to a focused button or link (Next slide, a deal's name).
      const own =
        (event.key === 'Enter' || event.key === ' ') &&
        event.target instanceof Element &&
        event.target.closest(OPERABLE) !== null;
      if (own || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'Escape') leave();
      else if (event.key === 'Home' && count > 0) go(0);
      else if (event.key === 'End' && count > 0) go(count - 1);
      else if (NEXT.has(event.key) && index < count - 1) go(index + 1);
      else if (PREVIOUS.has(event.key) && index > 0) go(index - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, count, params, go, navigate, context]);

  const onSlideClick = (event: MouseEvent) => {
    if (event.target instanceof Element && event.target.closest(OPERABLE)) return;
    if (index < count - 1) go(index + 1);
  };
  const { sources, synthetic } = d.exportContext;
  const current = slides[index];

  return (
    <div className="present" aria-roledescription="slide show">
      {count === 0 ? <p className="present__loading">Loading the deals…</p> : null}
      {current ? (
        <section
          className="present__slide"
          aria-roledescription="slide"
          aria-label={`Slide ${index + 1} of ${count}`}
          data-slide={current.key}
          onClick={onSlideClick}
        >
          {notice ? (
            <p className="present__notice" role="note">
              {notice}
            </p>
          ) : null}
          <div className="present__body">
            <div className="present__content" ref={setContent} key={current.key}>
              <ChartHeightContext.Provider value={chartHeight}>{current.node}</ChartHeightContext.Provider>
            </div>
            {d.timeline.rows.length > 0 ? (
              // The timeline's card without its drawing, to measure how many whole rows a slide holds
              // before the timeline slides are numbered.
              <div className="present__probe" ref={setProbe} aria-hidden="true" inert>
                <TimelineChart
                  data={d.timeline}
                  subtitle={subtitle}
                  page={{ from: 0, to: 0, index: 0, count: pages.length }}
                  layoutOnly
                />
              </div>
            ) : null}
          </div>
          <footer className="present__foot">
            <p className="present__source">
              {synthetic ? <strong className="present__synthetic">SYNTHETIC DATA</strong> : null}
              <span>Sources: {sources}</span>
              <span>{d.dataAsOf}</span>
              <span>Filters: {subtitle}</span>
            </p>
            <div className="present__controls">
              <SlideNav index={index} count={count} onGo={go} />
              <DownloadSlidesButton briefing={briefing} />
              <FullscreenButton />
            </div>
          </footer>
        </section>
      ) : null}
    </div>
  );
}

function KpiSlide({ children }: { children: ReactNode }) {
  const [card, setCard] = useState<HTMLElement | null>(null);
  useShrinkToFit(card);
  return (
    <div className="card present__kpis" ref={setCard}>
      <h2 className="chart-card__title">Key figures</h2>
      {children}
    </div>
  );
}
