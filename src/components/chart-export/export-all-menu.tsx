import { useState, type RefObject } from 'react';
import { useDismissableMenu } from '../use-dismissable-menu';
import type { Briefing } from '../../domain/export/deck-model';
import type { ExportContext } from './export-chart';

/**
 * "Export all" as a ZIP (each chart's PNG, SVG, alt text and CSV), a briefing PDF or a deck; the
 * heavy code loads on first use.
 */
export function ExportAllMenu({
  root,
  context,
  briefing,
}: {
  root: RefObject<HTMLElement | null>;
  context: ExportContext;
  /** What a PowerPoint deck says; the deck is offered only where the page gives it. */
  briefing?: () => Briefing;
}) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const menu = useDismissableMenu();
  const run = (what: 'zip' | 'pdf') => {
    const element = root.current;
    if (!element || busy) return;
    setBusy(true);
    setStatus(what === 'zip' ? 'Preparing the ZIP…' : 'Preparing the PDF…');
    void import('./export-all')
      .then((m) =>
        what === 'zip' ? m.exportAllAsZip(element, context) : m.exportBriefingPdf(element, context),
      )
      .catch(
        (error: unknown) => `Could not export: ${error instanceof Error ? error.message : String(error)}`,
      )
      .then((message) => {
        setStatus(message);
        setBusy(false);
      });
  };
  const deck = () => {
    if (!briefing || busy) return;
    setBusy(true);
    setStatus('Preparing the PowerPoint deck…');
    // pptxgenjs loads here, on first use: it is not part of the first page load.
    void import('./pptx/export-deck')
      .then((m) => m.exportDeck(briefing()))
      .catch(
        (error: unknown) => `Could not export: ${error instanceof Error ? error.message : String(error)}`,
      )
      .then((message) => {
        setStatus(message);
        setBusy(false);
      });
  };
  return (
    <details className="export-menu export-menu--all" ref={menu}>
      <summary>Export all</summary>
      <div className="export-menu__panel" role="group" aria-label="Export all charts">
        <button type="button" onClick={() => run('zip')} disabled={busy}>
          All charts (ZIP of PNG and SVG) with their data (CSV)
        </button>
        <button type="button" onClick={() => run('pdf')} disabled={busy}>
          Briefing PDF
        </button>
        {briefing ? (
          <button type="button" onClick={deck} disabled={busy}>
            PowerPoint (.pptx)
          </button>
        ) : null}
        <p role="status" className="export-menu__status">
          {status}
        </p>
      </div>
    </details>
  );
}
