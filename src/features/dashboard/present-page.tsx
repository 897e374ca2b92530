import { useEffect, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from '../../components/routing';
import { contextSearch, useApiContext } from '../../components/api-context';
import { describeFilter } from '../../components/filter-chips';
import { FILTER_PARAM_NAMES } from '../../components/use-url-filter';
import { AllocationCard } from './allocation-card';
import { BreakdownChart } from './breakdown-chart';
import { ChartHeightContext } from './chart-size';
import { KpiStrip } from './kpi-strip';
import { StageChart } from './stage-chart';
import { TimelineChart } from './timeline-chart';
import { UnitsByServiceChart } from './units-by-service-chart';
import { useDashboard } from './use-dashboard';
import { ValueOverTimeChart } from './value-over-time-chart';
import './dashboard.css';
import './present.css';

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Enter']);
const PREVIOUS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'Backspace']);

/**
 * The dashboard as a slide show at projector size: one chart a slide, the filters in the corner, the
 * slide number in the URL (`?slide=3`) so a presenter can reopen it. Arrow keys, space and Page Up/Down
 * step; Esc goes back to the dashboard with the same filters.
 */
export function PresentPage() {
  const d = useDashboard();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const context = useApiContext();
  const { filter, toggle } = d.urlFilter;
  const subtitle = describeFilter(filter);

  const slides: { key: string; node: ReactNode }[] = d.all
    ? [
        { key: 'kpis', node: <KpiSlide>{<KpiStrip kpis={d.kpis} />}</KpiSlide> },
        {
          key: 'units',
          node: <UnitsByServiceChart data={d.units} filter={filter} subtitle={subtitle} onToggle={toggle} />,
        },
        ...(d.featured ? [{ key: 'featured', node: <AllocationCard deal={d.featured} height={720} /> }] : []),
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
        { key: 'timeline', node: <TimelineChart data={d.timeline} subtitle={subtitle} /> },
      ]
    : [];
  const count = slides.length;
  const requested = Number(params.get('slide') ?? '1');
  const index =
    Number.isInteger(requested) && requested >= 1 ? Math.min(requested, Math.max(count, 1)) - 1 : 0;

  useEffect(() => {
    const go = (to: number) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('slide', String(to + 1));
          return next;
        },
        // Rendered at once, so a second key pressed before the next frame steps from the new slide.
        { replace: true, flushSync: true },
      );
    const leave = () => {
      const back = new URLSearchParams(contextSearch(context));
      for (const [name, value] of params)
        if (FILTER_PARAM_NAMES.includes(name) || name === 'currency') back.append(name, value);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
      void navigate(`/${back.size > 0 ? `?${back.toString()}` : ''}`);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') leave();
      else if (NEXT.has(event.key) && index < count - 1) go(index + 1);
      else if (PREVIOUS.has(event.key) && index > 0) go(index - 1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [index, count, params, setParams, navigate, context]);

  const synthetic = d.deals.some((deal) => deal.synthetic === true);
  return (
    <div className="present" aria-roledescription="slide show">
      {count === 0 ? <p className="present__loading">Loading the deals…</p> : null}
      {count > 0 ? (
        <section
          className="present__slide"
          aria-roledescription="slide"
          aria-label={`Slide ${index + 1} of ${count}`}
        >
          <ChartHeightContext.Provider value={720}>{slides[index]!.node}</ChartHeightContext.Provider>
        </section>
      ) : null}
      <footer className="present__corner">
        <span>{subtitle}</span>
        {synthetic ? <strong className="present__synthetic">Synthetic data, not real deals</strong> : null}
        <span>
          {index + 1} / {count} · ←/→ to step · Esc to leave
        </span>
      </footer>
    </div>
  );
}

function KpiSlide({ children }: { children: ReactNode }) {
  return (
    <div className="card present__kpis">
      <h2 className="chart-card__title">Key figures</h2>
      {children}
    </div>
  );
}
