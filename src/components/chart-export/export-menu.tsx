import { useState, type RefObject } from 'react';
import { useDismissableMenu } from '../use-dismissable-menu';
import { stripBidiControls } from '../../domain/text/text-safety';
import { exportChart, type ExportContext, type ExportFormat } from './export-chart';

export type { ExportContext } from './export-chart';

/** Export one chart as a PNG (1×, 2×, 3×) or SVG file, or copy it, with title, filters and sources in the image. */
export function ExportMenu({
  target,
  title,
  subtitle,
  context,
}: {
  target: RefObject<HTMLElement | null>;
  title: string;
  subtitle: string;
  context: ExportContext;
}) {
  const [whiteBackground, setWhiteBackground] = useState(false);
  const [status, setStatus] = useState('');
  const menu = useDismissableMenu();

  const run = (format: ExportFormat) => {
    const element = target.current;
    if (!element) return;
    void exportChart(element, format, { title, subtitle, context, whiteBackground }).then(setStatus);
  };

  return (
    <details className="export-menu" ref={menu}>
      <summary>Export</summary>
      <div className="export-menu__panel" role="group" aria-label={`Export ${stripBidiControls(title)}`}>
        {[1, 2, 3].map((scale) => (
          <button key={scale} type="button" onClick={() => run({ kind: 'png', scale })}>
            PNG {scale}×
          </button>
        ))}
        <button type="button" onClick={() => run({ kind: 'svg' })}>
          SVG
        </button>
        <button type="button" onClick={() => run({ kind: 'copy' })}>
          Copy image
        </button>
        <label className="check">
          <input
            type="checkbox"
            checked={whiteBackground}
            onChange={(e) => setWhiteBackground(e.target.checked)}
          />
          White background (print)
        </label>
        <p role="status" className="export-menu__status">
          {status}
        </p>
      </div>
    </details>
  );
}
