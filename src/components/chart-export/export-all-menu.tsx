import { useState, type RefObject } from 'react';
import { useDismissableMenu } from '../use-dismissable-menu';
import type { ExportContext } from './export-chart';

/** "Export all" as a ZIP of PNG and SVG files, or a briefing PDF; the heavy code loads on first use. */
export function ExportAllMenu({
  root,
  context,
}: {
  root: RefObject<HTMLElement | null>;
  context: ExportContext;
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
  return (
    <details className="export-menu export-menu--all" ref={menu}>
      <summary>Export all</summary>
      <div className="export-menu__panel" role="group" aria-label="Export all charts">
        <button type="button" onClick={() => run('zip')} disabled={busy}>
          All charts (ZIP of PNG and SVG)
        </button>
        <button type="button" onClick={() => run('pdf')} disabled={busy}>
          Briefing PDF
        </button>
        <p role="status" className="export-menu__status">
          {status}
        </p>
      </div>
    </details>
  );
}
