// "Export all" and the briefing PDF. This module pulls in fflate, jsPDF and svg2pdf, so it is only
// ever loaded with import() when a user asks for it: it stays out of the first page load.
import { strToU8, zipSync } from 'fflate';
import { exportFileName, exportFooter, formatExportDate, isoDay, slugify } from '../../domain';
import { containBidi, FSI, PDI } from '../../domain/text/text-safety';
import { chartToCsv } from '../../domain/export/chart-table-export';
import type { ChartData } from '../../domain/export/chart-data';
import { cardExtras } from './card-extras';
import type { ExportContext } from './export-chart';
import { composeChartSvg, type ComposedSvg, type ExportBackground } from './compose-svg';
import { readKeyFigures } from './key-figures';
import { buildBriefingPdf } from './pdf-briefing';
import { download, svgToPng } from './raster';

interface ChartOnPage {
  title: string;
  subtitle: string;
  element: HTMLElement;
  /** The card's description (the user's, or generated): alt text and `<desc>`. */
  description: string;
  /** The numbers of its "Show as table", when the page has them. */
  data: ChartData | undefined;
}

/**
 * The element's text with each `<bdi>` (a value from the data) wrapped in FSI…PDI: the isolation the
 * screen shows, carried into the files, where there is no `<bdi>`.
 */
export function isolatedText(element: Element | null): string {
  if (!element) return '';
  let text = '';
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent ?? '';
    else if (node instanceof Element) {
      text += node.tagName === 'BDI' ? `${FSI}${node.textContent ?? ''}${PDI}` : isolatedText(node);
    }
  }
  return text;
}

/** The chart cards inside `root` that show a drawing (a card switched to its table is left out). */
export function chartsOnPage(root: ParentNode): { charts: ChartOnPage[]; skipped: string[] } {
  const charts: ChartOnPage[] = [];
  const skipped: string[] = [];
  for (const element of root.querySelectorAll<HTMLElement>('figure.chart-card')) {
    const title = isolatedText(element.querySelector('.chart-card__title')).trim() || 'Chart';
    const subtitle = isolatedText(element.querySelector('.chart-card__subtitle')).trim();
    if (!element.querySelector('.chart-card__chart .recharts-wrapper, .chart-card__chart svg.timeline')) {
      skipped.push(title);
      continue;
    }
    const extras = cardExtras.get(element);
    charts.push({
      title,
      subtitle,
      element,
      description: extras?.description() ?? title,
      data: extras?.data(),
    });
  }
  return { charts, skipped };
}

interface Composed extends ChartOnPage {
  composed: ComposedSvg;
}

function composeAll(charts: ChartOnPage[], context: ExportContext, date: Date, background: ExportBackground) {
  const footer = exportFooter({ ...context, date });
  return charts.map((chart): Composed => ({
    ...chart,
    composed: composeChartSvg(chart.element, {
      title: chart.title,
      subtitle: chart.subtitle,
      footer,
      description: chart.description,
      background,
    }),
  }));
}

/** The alt text that travels beside a PNG: the chart's title, then what it shows. */
function altText(chart: Composed, context: ExportContext): string {
  return [
    containBidi(chart.title),
    '',
    containBidi(chart.description),
    '',
    context.synthetic ? 'SYNTHETIC DATA, not real deals.' : `Sources: ${containBidi(context.sources)}`,
    ...(context.rights ? [containBidi(context.rights)] : []),
    '',
  ].join('\r\n');
}

/**
 * The ZIP's README, as UTF-8 text: values keep their FSI…PDI isolates (a text editor honours them as
 * a browser does), any other bidi control and any control character is dropped.
 */
function readme(rendered: Composed[], skipped: string[], context: ExportContext, date: Date): string {
  return [
    'Defence Procurement Tracker: chart export',
    `Exported: ${formatExportDate(date)}`,
    context.dataAsOf ?? 'Data date not known',
    `Filters: ${context.filters}`,
    `Sources: ${context.sources} (every figure's source is listed on its deal's page in the tracker)`,
    ...(context.rights ? [`Imported data: ${context.rights}`] : []),
    context.synthetic
      ? 'DATA: SYNTHETIC, generated for demos and tests. These are not real deals.'
      : 'Data: sourced seed records.',
    '',
    "Charts (each as a 2x PNG, an SVG with its description, the PNG's alt text as .txt, and the numbers of its table as .csv where the page has them):",
    ...rendered.flatMap((r, i) => [`${i + 1}. ${r.title}: ${r.subtitle}`, `   ${r.description}`]),
    ...(skipped.length > 0 ? ['', `Not exported (shown as a table at the time): ${skipped.join('; ')}`] : []),
    '',
  ]
    .map(containBidi)
    .join('\r\n');
}

export async function exportAllAsZip(root: ParentNode, context: ExportContext): Promise<string> {
  const started = performance.now();
  const date = new Date();
  const { charts, skipped } = chartsOnPage(root);
  const composed = composeAll(charts, context, date, 'light');
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(readme(composed, skipped, context, date)),
  };
  for (const [i, r] of composed.entries()) {
    const base = `${String(i + 1).padStart(2, '0')}_${exportFileName(r.title, context.filters, date, '').slice(0, -1)}`;
    const png = await svgToPng(r.composed.svg, r.composed.width, r.composed.height, 2);
    files[`${base}.png`] = new Uint8Array(await png.arrayBuffer());
    files[`${base}.svg`] = strToU8(r.composed.svg);
    files[`${base}.txt`] = strToU8(altText(r, context));
    if (r.data) files[`${base}.csv`] = strToU8(chartToCsv(r.data, date));
  }
  const csvs = composed.filter((r) => r.data).length;
  const name = `dashboard_${slugify(context.filters) || 'all-deals'}_${isoDay(date)}.zip`;
  const zipped = zipSync(files, { level: 6 });
  download(new Blob([zipped], { type: 'application/zip' }), name);
  return `Saved ${name}: ${composed.length} charts as PNG and SVG, ${csvs} with their data as CSV, in ${Math.round(performance.now() - started)} ms.`;
}

/**
 * A briefing: a title page (date, data date, filters, sources, contents), the key figures as text,
 * then one chart a page as a vector drawing with its caption, each page bookmarked.
 */
export async function exportBriefingPdf(root: ParentNode, context: ExportContext): Promise<string> {
  const started = performance.now();
  const date = new Date();
  const { charts, skipped } = chartsOnPage(root);
  // The key figures sit above the chart grid that `root` usually is: look in the whole page.
  const page = root instanceof Element ? (root.closest('.page') ?? root.ownerDocument) : root;
  // A printed page wants a white background whatever the screen's theme.
  const { pdf, rasterised } = await buildBriefingPdf({
    charts: composeAll(charts, context, date, 'light'),
    skipped,
    keyFigures: readKeyFigures(page),
    context,
    date,
  });
  const name = `briefing_${slugify(context.filters) || 'all-deals'}_${isoDay(date)}.pdf`;
  const blob = pdf.output('blob');
  download(blob, name);
  const size = `${(blob.size / 1e6).toFixed(1)} MB`;
  const images = rasterised.length > 0 ? ` (as images: ${rasterised.join('; ')})` : '';
  return `Saved ${name} (${size}): a title page, the key figures and ${charts.length} chart pages${images}, in ${Math.round(performance.now() - started)} ms.`;
}
