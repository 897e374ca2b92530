import { exportFileName, exportFooter } from '../../domain';
import type { ChartData } from '../../domain/export/chart-data';
import {
  composeChartSvg,
  drawingArea,
  legendItems,
  type ExportBackground,
  type ExportFrame,
} from './compose-svg';
import { download, svgToPng } from './raster';

export interface ExportContext {
  /** Who the figures come from, e.g. from `sourceSummary(deals)`. */
  sources: string;
  synthetic: boolean;
  /** The active filters in words, for the file name: "Service: Navy", "All deals". */
  filters: string;
  /** "Data as of Dec 2025 (newest source)", from `dataAsOfLabel`. */
  dataAsOf?: string;
  /** The rights lines of imported data in view, "(c) SIPRI" (`rightsLines`); empty when none. */
  rights?: string;
  /**
   * The data behind the page's charts (each card finds its own), where the page has it: "Download
   * data", the ZIP's CSVs and the generated descriptions need it. Worked out when called.
   */
  chartData?: () => readonly ChartData[];
}

export type ExportFormat = { kind: 'png'; scale: number } | { kind: 'svg' } | { kind: 'copy' };

export type SizePreset = 'screen' | 'slide' | 'a4' | 'social';

/**
 * The sizes an image is laid out at. Each is drawn from a layout `scale` times smaller than its size,
 * so a slide's labels read at the size a slide's should; pixel density (1×–3×) multiplies on top.
 */
export const SIZE_PRESETS: Record<SizePreset, { label: string; frame?: ExportFrame }> = {
  screen: { label: 'As on screen' },
  slide: { label: '16:9 slide, 1920 × 1080', frame: { width: 1920, height: 1080, scale: 1.5 } },
  // 210 × 297 mm at 96 dpi.
  a4: { label: 'A4 page, portrait, 794 × 1123', frame: { width: 794, height: 1123, scale: 1 } },
  social: { label: 'Social card, 1200 × 630', frame: { width: 1200, height: 630, scale: 1.25 } },
};

export interface ImageOptions {
  title: string;
  subtitle: string;
  context: ExportContext;
  /** The `<desc>` of the SVG: what the chart shows, as the user left it. */
  description: string;
  background: ExportBackground;
  chartOnly: boolean;
  size: SizePreset;
}

/**
 * A copy of the chart laid out at a size, for as long as the export needs it. `undefined` where the
 * chart cannot be laid out again: the on-screen drawing is then fitted to the size instead.
 */
export type RenderDrawing = (size: {
  width: number;
  height: number;
}) => Promise<{ root: Element; done: () => void } | undefined>;

/** Exports the chart in `element` and returns what happened, in words for a status line (with the time taken). */
export async function exportChart(
  element: HTMLElement,
  format: ExportFormat,
  options: ImageOptions,
  renderDrawing?: RenderDrawing,
): Promise<string> {
  const { title, subtitle, context, description, background, chartOnly, size } = options;
  const started = performance.now();
  const elapsed = () => `${Math.round(performance.now() - started)} ms`;
  const date = new Date();
  let done: (() => void) | undefined;
  try {
    const footer = exportFooter({ ...context, date });
    const frame = SIZE_PRESETS[size].frame;
    const meta = { title, subtitle, footer, description, background, chartOnly, frame };
    let root: Element | undefined;
    if (frame && renderDrawing) {
      const rendered = await renderDrawing(drawingArea(meta, legendItems(element), frame));
      if (rendered) {
        root = rendered.root;
        done = rendered.done;
      }
    }
    const composed = composeChartSvg(element, meta, root);
    done?.();
    done = undefined;
    const suffix = size === 'screen' ? '' : `_${size}`;
    const base = `${title}${chartOnly ? ' chart only' : ''}`;
    if (format.kind === 'svg') {
      const name = exportFileName(base, context.filters, date, 'svg').replace(/\.svg$/, `${suffix}.svg`);
      const took = elapsed();
      download(new Blob([composed.svg], { type: 'image/svg+xml' }), name);
      return `Saved ${name} (${composed.width} × ${composed.height}) in ${took}.`;
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
    const name = exportFileName(base, context.filters, date, 'png').replace(/\.png$/, `${suffix}.png`);
    const blob = await png;
    // Timed up to the finished file: the browser's own download handling comes after.
    const took = elapsed();
    download(blob, name);
    const px = `${Math.round(composed.width * scale)} × ${Math.round(composed.height * scale)} px`;
    return `Saved ${name} (${px}) in ${took}.`;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return `Could not export: ${message}`;
  } finally {
    done?.();
  }
}
