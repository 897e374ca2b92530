import './chart-card.css';
import { useId, useRef, useState, type ReactNode } from 'react';
import { ExportMenu, type ExportContext } from '../chart-export/export-menu';
import { IsolatedText } from '../data-text';
import { stripBidiControls } from '../../domain/text/text-safety';

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
  className?: string;
}) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const figure = useRef<HTMLElement>(null);
  return (
    <figure ref={figure} className={`card chart-card ${className ?? ''}`} aria-labelledby={titleId}>
      <figcaption className="chart-card__head">
        <div>
          <h2 className="chart-card__title" id={titleId}>
            <IsolatedText text={title} />
          </h2>
          <p className="chart-card__subtitle">
            <IsolatedText text={subtitle} />
          </p>
        </div>
        <div className="chart-card__actions">
          {actions}
          {exportContext && !empty ? (
            <ExportMenu target={figure} title={title} subtitle={subtitle} context={exportContext} />
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
