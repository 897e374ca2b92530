import { exportFileName, exportFooter } from '../../domain';
import { composeChartSvg } from './compose-svg';
import { download, svgToPng } from './raster';

export interface ExportContext {
  /** Who the figures come from, e.g. from `sourceSummary(deals)`. */
  sources: string;
  synthetic: boolean;
  /** The active filters in words, for the file name: "Service: Navy", "All deals". */
  filters: string;
  /** "Data as of Dec 2025 (newest source)", from `dataAsOfLabel`. */
  dataAsOf?: string;
}

export type ExportFormat = { kind: 'png'; scale: number } | { kind: 'svg' } | { kind: 'copy' };

/** Exports the chart in `element` and returns what happened, in words for a status line (with the time taken). */
export async function exportChart(
  element: HTMLElement,
  format: ExportFormat,
  options: { title: string; subtitle: string; context: ExportContext; whiteBackground: boolean },
): Promise<string> {
  const { title, subtitle, context, whiteBackground } = options;
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  const date = new Date();
  try {
    const footer = exportFooter({ ...context, date });
    const composed = composeChartSvg(element, { title, subtitle, footer, whiteBackground });
    if (format.kind === 'svg') {
      const name = exportFileName(title, context.filters, date, 'svg');
      const took = elapsed();
      download(new Blob([composed.svg], { type: 'image/svg+xml' }), name);
      return `Saved ${name} in ${took}.`;
    }
    const scale = format.kind === 'png' ? format.scale : 2;
    const png = svgToPng(composed.svg, composed.width, composed.height, scale);
    if (format.kind === 'copy') {
      if (!('clipboard' in navigator) || typeof ClipboardItem === 'undefined') {
        throw new Error('this browser does not allow copying images here: download the PNG instead.');
      }
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      return `Copied the chart as an image in ${elapsed()}.`;
    }
    const name = exportFileName(title, context.filters, date, 'png');
    const blob = await png;
    // Timed up to the finished file: the browser's own download handling comes after.
    const took = elapsed();
    download(blob, name);
    const px = `${Math.round(composed.width * scale)} × ${Math.round(composed.height * scale)} px`;
    return `Saved ${name} (${px}) in ${took}.`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `Could not export: ${message}`;
  }
}
