import './chart-card.css';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { cardExtras, findChartData } from '../chart-export/card-extras';
import type { RenderDrawing } from '../chart-export/export-chart';
import { ExportMenu, type ExportContext } from '../chart-export/export-menu';
import { IsolatedText } from '../data-text';
import { slugify } from '../../domain';
import { describeChart } from '../../domain/export/describe-chart';
import { stripBidiControls } from '../../domain/text/text-safety';
import { ChartHeightContext } from './chart-height';

/** Resolves once the drawing in `host` is laid out at `width` (Recharts measures, then draws). */
async function drawnAt(host: HTMLElement, width: number): Promise<void> {
  const started = performance.now();
  let steady = 0;
  while (performance.now() - started < 3000) {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const svg = [...host.querySelectorAll('svg')].sort(
      (a, b) => b.getBoundingClientRect().width - a.getBoundingClientRect().width,
    )[0];
    const drawn = svg?.getBoundingClientRect().width ?? 0;
    steady = Math.abs(drawn - width) <= 2 ? steady + 1 : 0;
    if (steady >= 2) return;
  }
}

/**
 * The frame every dashboard chart shares: a title that says what it shows, a subtitle naming the
 * active filters, a text summary for screen readers, and a "Show as table" switch with the same numbers.
 */
export function ChartCard({
  title,
  subtitle,
  summary,
  table,
  children,
  footer,
  actions,
  empty,
  tableOnly,
  interactive,
  exportContext,
  chartId,
  dataId,
  className,
}: {
  /** Title and subtitle may hold `isolate`d values (a system, a search): they are shown as `<bdi>`. */
  title: string;
  subtitle: string;
  /** The chart's numbers in one sentence, read out in place of the drawing. */
  summary: string;
  table: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  actions?: ReactNode;
  /** Set when the filters leave nothing to draw. */
  empty?: string | undefined;
  /** Sources and labelling for exported images; without it the card offers no export. */
  exportContext?: ExportContext | undefined;
  /** The drawing holds links or buttons: it is then a named group, since an image may not. */
  interactive?: boolean;
  /** Set when the data exists but the drawing, as configured, has nothing to show. */
  tableOnly?: string | undefined;
  /** The card's anchor (`#chart-<id>`) and the id of its data; the title's slug unless given. */
  chartId?: string;
  /** The id of its data where the title does not find it (a card whose metric the data lacks). */
  dataId?: string;
  className?: string;
}) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const figure = useRef<HTMLElement>(null);
  const anchor = chartId ?? (slugify(stripBidiControls(title)) || 'chart');
  const source = exportContext?.chartData;
  const data = useCallback(
    () => (source ? findChartData(source(), title, dataId ?? chartId) : undefined),
    [source, title, dataId, chartId],
  );
  // Until the page offers the chart's data, the screen reader's summary is the description.
  const generated = useCallback(() => {
    const chart = data();
    return chart ? describeChart(chart) : `${stripBidiControls(title)}. ${summary}`;
  }, [data, title, summary]);
  const [edited, setEdited] = useState<string | undefined>();
  const description = useCallback(() => edited ?? generated(), [edited, generated]);

  // A copy of the drawing at an export's size, rendered off screen for as long as the export needs it.
  const [renderSize, setRenderSize] = useState<{ width: number; height: number } | null>(null);
  const renderHost = useRef<HTMLDivElement>(null);
  const drawable = !empty && !asTable && !tableOnly;
  const renderDrawing: RenderDrawing = useCallback(
    async (size) => {
      if (!drawable) return undefined;
      flushSync(() => setRenderSize(size));
      const host = renderHost.current;
      if (!host) return undefined;
      await drawnAt(host, size.width);
      return { root: host, done: () => setRenderSize(null) };
    },
    [drawable],
  );
  const extras = useMemo(() => ({ description, data, chartId: anchor }), [description, data, anchor]);
  useEffect(() => {
    const element = figure.current;
    if (!element) return;
    cardExtras.set(element, extras);
    return () => void cardExtras.delete(element);
  }, [extras]);

  return (
    <figure
      ref={figure}
      id={`chart-${anchor}`}
      className={`card chart-card ${className ?? ''}`}
      aria-labelledby={titleId}
    >
      <figcaption className="chart-card__head">
        <div>
          <h2 className="chart-card__title" id={titleId} tabIndex={-1}>
            <IsolatedText text={title} />
          </h2>
          <p className="chart-card__subtitle">
            <IsolatedText text={subtitle} />
          </p>
        </div>
        <div className="chart-card__actions">
          {actions}
          {exportContext && !empty ? (
            <ExportMenu
              target={figure}
              title={title}
              subtitle={subtitle}
              context={exportContext}
              description={description}
              generatedDescription={generated}
              onDescription={setEdited}
              data={data}
              chartId={anchor}
              renderDrawing={renderDrawing}
            />
          ) : null}
          {empty ? null : (
            <button
              type="button"
              className="link-button"
              aria-pressed={asTable}
              onClick={() => setAsTable(!asTable)}
            >
              {asTable ? 'Show as chart' : 'Show as table'}
            </button>
          )}
        </div>
      </figcaption>
      {empty ? (
        <p className="chart-card__empty">{empty}</p>
      ) : asTable ? (
        <div className="chart-card__table">{table}</div>
      ) : tableOnly ? (
        <p className="chart-card__empty">{tableOnly}</p>
      ) : (
        <div
          role={interactive ? 'group' : 'img'}
          // Speech reads in logical order: the name needs no isolates, only the words.
          aria-label={`${stripBidiControls(title)}. ${summary}`}
          className="chart-card__chart"
        >
          {children}
        </div>
      )}
      {footer ? <div className="chart-card__footer">{footer}</div> : null}
      {renderSize ? (
        <div
          ref={renderHost}
          className="chart-card__render"
          style={{ width: renderSize.width }}
          aria-hidden="true"
          inert
        >
          <ChartHeightContext value={renderSize.height}>{children}</ChartHeightContext>
        </div>
      ) : null}
    </figure>
  );
}

/** A value in a "Show as table" table that filters the page, reachable by keyboard. */
export function FilterButton({
  label,
  active,
  onClick,
}: {
  label: string;
  active: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className="link-button" aria-pressed={active} onClick={onClick}>
      {label}
    </button>
  );
}
