import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { exportFileName } from '../../domain';
import type { ChartData } from '../../domain/export/chart-data';
import { stripBidiControls } from '../../domain/text/text-safety';
import type { ExportBackground } from './compose-svg';
import {
  exportChart,
  SIZE_PRESETS,
  type ExportContext,
  type ExportFormat,
  type RenderDrawing,
  type SizePreset,
} from './export-chart';
import { download } from './raster';

export type { ExportContext } from './export-chart';

/** The panel's width (21rem) and the least room it keeps from the window's edges, in px. */
const PANEL_WIDTH = 336;
const EDGE = 12;

const BACKGROUNDS: Record<ExportBackground, string> = {
  light: 'Light',
  dark: 'Dark',
  transparent: 'Transparent',
};

/**
 * A disclosure: a button that opens a panel, closed by Escape (focus back on the button) and by a
 * pointer outside. Unlike `<details>`, its trigger is a button to role queries and assistive tech.
 */
function useDisclosure(isBusy: () => boolean) {
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // A dialog open over the menu takes its own Escape.
      if (event.key !== 'Escape' || isBusy()) return;
      event.preventDefault();
      event.stopPropagation();
      const refocus = container.current?.contains(document.activeElement) ?? false;
      setOpen(false);
      if (refocus || document.activeElement === document.body) trigger.current?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (isBusy() || container.current?.contains(event.target as Node)) return;
      const hadFocus = container.current?.contains(document.activeElement) ?? false;
      setOpen(false);
      setTimeout(() => {
        const now = document.activeElement;
        if (hadFocus && (now === null || now === document.body)) trigger.current?.focus();
      });
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [open, isBusy]);
  return { open, setOpen, container, trigger };
}

/**
 * One chart's exports: an image (PNG at 1×, 2× or 3×, SVG, or a copy) at a size — as on screen, a
 * 16:9 slide, an A4 page or a social card — on a light, dark or transparent background, whole or the
 * chart only; its description (the image's alt text) to read and edit; the data behind it as CSV or
 * XLSX; and a link that opens the dashboard at this chart with the same filters.
 */
export function ExportMenu({
  target,
  title,
  subtitle,
  context,
  description,
  generatedDescription,
  onDescription,
  data,
  chartId,
  renderDrawing,
}: {
  target: RefObject<HTMLElement | null>;
  title: string;
  subtitle: string;
  context: ExportContext;
  /** The description exported: the user's, else the generated one. */
  description: () => string;
  generatedDescription: () => string;
  /** Sets the user's description; `undefined` goes back to the generated one. */
  onDescription: (text: string | undefined) => void;
  /** The chart's numbers, when the page has them: "Download data" needs them. */
  data: () => ChartData | undefined;
  /** The card's anchor: `#chart-<id>`. */
  chartId: string;
  renderDrawing: RenderDrawing;
}) {
  const [size, setSize] = useState<SizePreset>('screen');
  const [background, setBackground] = useState<ExportBackground>('light');
  const [chartOnly, setChartOnly] = useState(false);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [offset, setOffset] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState('');
  const { open, setOpen, container, trigger } = useDisclosure(() => dialog.current?.open === true);
  const panelId = useId();
  const sizeId = useId();
  const backgroundId = useId();
  const draftId = useId();
  const plainTitle = stripBidiControls(title);
  const hasData = open && data() !== undefined;

  const run = (format: ExportFormat) => {
    const element = target.current;
    if (!element || busy) return;
    setBusy(true);
    setStatus('Preparing the image…');
    void exportChart(
      element,
      format,
      { title, subtitle, context, description: description(), background, chartOnly, size },
      renderDrawing,
    ).then((message) => {
      setStatus(message);
      setBusy(false);
    });
  };

  const downloadData = (kind: 'csv' | 'xlsx') => {
    const chart = data();
    if (!chart || busy) return;
    setBusy(true);
    const date = new Date();
    const name = exportFileName(title, context.filters, date, kind);
    const started = performance.now();
    const made =
      kind === 'csv'
        ? import('../../domain/export/chart-table-export').then(
            (m) => new Blob([m.chartToCsv(chart, date)], { type: 'text/csv;charset=utf-8' }),
          )
        : import('./xlsx').then((m) => m.chartToXlsx(chart, date));
    void made
      .then((blob) => {
        download(blob, name);
        return `Saved ${name}: ${chart.categories.length} rows, in ${Math.round(performance.now() - started)} ms.`;
      })
      .catch(
        (error: unknown) =>
          `Could not save the data: ${error instanceof Error ? error.message : String(error)}`,
      )
      .then((message) => {
        setStatus(message);
        setBusy(false);
      });
  };

  const copyLink = () => {
    const url = new URL(window.location.href);
    url.hash = `chart-${chartId}`;
    const link = url.toString();
    const copied =
      'clipboard' in navigator && typeof navigator.clipboard.writeText === 'function'
        ? navigator.clipboard.writeText(link)
        : Promise.reject(new Error('no clipboard'));
    void copied.then(
      () => setStatus(`Copied a link to this chart with its filters: ${link}`),
      () => setStatus(`This browser does not allow copying here: the link is ${link}`),
    );
  };

  const editDescription = () => {
    setDraft(description());
    dialog.current?.showModal();
  };
  const saveDescription = () => {
    const text = draft.trim();
    onDescription(text && text !== generatedDescription() ? text : undefined);
    dialog.current?.close();
    setStatus(
      text
        ? 'The description exported with the image is changed.'
        : 'The description is the generated one again.',
    );
  };

  return (
    <div className="export-menu" ref={container}>
      <button
        type="button"
        ref={trigger}
        className="export-menu__trigger"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          // The panel opens under the button, moved as far as it must to stay on screen.
          const box = container.current?.getBoundingClientRect();
          if (box) {
            const width = Math.min(PANEL_WIDTH, window.innerWidth - 2 * EDGE);
            const left = Math.min(Math.max(box.left, EDGE), window.innerWidth - EDGE - width);
            setOffset(Math.round(left - box.left));
          }
          setOpen(!open);
        }}
      >
        Export<span aria-hidden="true">{open ? ' ▴' : ' ▾'}</span>
      </button>
      {open ? (
        <div
          className="export-menu__panel"
          id={panelId}
          role="group"
          aria-label={`Export ${plainTitle}`}
          style={{ left: offset, right: 'auto' }}
        >
          <p className="export-menu__heading">Image</p>
          <label className="export-menu__field" htmlFor={sizeId}>
            Size
            <select id={sizeId} value={size} onChange={(e) => setSize(e.target.value as SizePreset)}>
              {(Object.keys(SIZE_PRESETS) as SizePreset[]).map((key) => (
                <option key={key} value={key}>
                  {SIZE_PRESETS[key].label}
                </option>
              ))}
            </select>
          </label>
          <label className="export-menu__field" htmlFor={backgroundId}>
            Background
            <select
              id={backgroundId}
              value={background}
              onChange={(e) => setBackground(e.target.value as ExportBackground)}
            >
              {(Object.keys(BACKGROUNDS) as ExportBackground[]).map((key) => (
                <option key={key} value={key}>
                  {BACKGROUNDS[key]}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={chartOnly} onChange={(e) => setChartOnly(e.target.checked)} />
            Chart only (no title or footer)
          </label>
          <div className="export-menu__row" role="group" aria-label="Image file">
            {[1, 2, 3].map((scale) => (
              <button key={scale} type="button" disabled={busy} onClick={() => run({ kind: 'png', scale })}>
                PNG {scale}×
              </button>
            ))}
            <button type="button" disabled={busy} onClick={() => run({ kind: 'svg' })}>
              SVG
            </button>
          </div>
          <button type="button" disabled={busy} onClick={() => run({ kind: 'copy' })}>
            Copy image
          </button>
          <p className="export-menu__description">
            <span className="export-menu__label">Description (alt text): </span>
            <span className="export-menu__clamp">{description()}</span>
          </p>
          <button type="button" onClick={editDescription}>
            Edit description…
          </button>
          {hasData ? (
            <>
              <p className="export-menu__heading">Data behind the chart</p>
              <div className="export-menu__row">
                <button type="button" disabled={busy} onClick={() => downloadData('csv')}>
                  Data as CSV
                </button>
                <button type="button" disabled={busy} onClick={() => downloadData('xlsx')}>
                  Data as Excel (XLSX)
                </button>
              </div>
            </>
          ) : null}
          <p className="export-menu__heading">Share</p>
          <button type="button" onClick={copyLink}>
            Copy link to this chart
          </button>
          <p role="status" className="export-menu__status">
            {status}
          </p>
          <dialog ref={dialog} className="export-menu__dialog" aria-labelledby={`${draftId}-heading`}>
            <h3 id={`${draftId}-heading`}>Description of “{plainTitle}”</h3>
            <p className="muted">
              Saved in the SVG as its description and beside each PNG as its alt text. Say what the chart
              shows, not how it looks.
            </p>
            <label htmlFor={draftId} className="export-menu__label">
              Description (alt text)
            </label>
            <textarea
              id={draftId}
              rows={7}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              maxLength={4000}
            />
            <div className="export-menu__row">
              <button type="button" onClick={saveDescription}>
                Save description
              </button>
              <button type="button" onClick={() => setDraft(generatedDescription())}>
                Use the generated text
              </button>
              <button type="button" onClick={() => dialog.current?.close()}>
                Cancel
              </button>
            </div>
          </dialog>
        </div>
      ) : null}
    </div>
  );
}
