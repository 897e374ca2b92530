// "Export all" and the briefing PDF. This module pulls in fflate and jsPDF, so it is only ever
// loaded with import() when a user asks for it: it stays out of the first page load.
import { strToU8, zipSync } from 'fflate';
import { jsPDF } from 'jspdf';
import { exportFileName, exportFooter, formatExportDate, isoDay, slugify } from '../../domain';
import type { ExportContext } from './export-chart';
import { composeChartSvg, type ComposedSvg } from './compose-svg';
import { download, svgToPng } from './raster';

interface ChartOnPage {
  title: string;
  subtitle: string;
  element: HTMLElement;
}

/** The chart cards inside `root` that show a drawing (a card switched to its table is left out). */
export function chartsOnPage(root: ParentNode): { charts: ChartOnPage[]; skipped: string[] } {
  const charts: ChartOnPage[] = [];
  const skipped: string[] = [];
  for (const element of root.querySelectorAll<HTMLElement>('figure.chart-card')) {
    const title = element.querySelector('.chart-card__title')?.textContent?.trim() ?? 'Chart';
    const subtitle = element.querySelector('.chart-card__subtitle')?.textContent?.trim() ?? '';
    if (element.querySelector('.recharts-wrapper, svg.timeline')) charts.push({ title, subtitle, element });
    else skipped.push(title);
  }
  return { charts, skipped };
}

interface Rendered extends ChartOnPage {
  composed: ComposedSvg;
  png: Blob;
}

async function renderAll(
  charts: ChartOnPage[],
  context: ExportContext,
  date: Date,
  whiteBackground: boolean,
) {
  const footer = exportFooter({ ...context, date });
  const out: Rendered[] = [];
  for (const chart of charts) {
    const composed = composeChartSvg(chart.element, {
      title: chart.title,
      subtitle: chart.subtitle,
      footer,
      whiteBackground,
    });
    out.push({ ...chart, composed, png: await svgToPng(composed.svg, composed.width, composed.height, 2) });
  }
  return out;
}

function readme(rendered: Rendered[], skipped: string[], context: ExportContext, date: Date): string {
  return [
    'Defence Procurement Tracker: chart export',
    `Exported: ${formatExportDate(date)}`,
    `Filters: ${context.filters}`,
    `Sources: ${context.sources} (every figure's source is listed on its deal's page in the tracker)`,
    context.synthetic
      ? 'DATA: SYNTHETIC, generated for demos and tests. These are not real deals.'
      : 'Data: sourced seed records.',
    '',
    'Charts (each as a 2x PNG and an SVG):',
    ...rendered.map((r, i) => `${i + 1}. ${r.title}: ${r.subtitle}`),
    ...(skipped.length > 0 ? ['', `Not exported (shown as a table at the time): ${skipped.join('; ')}`] : []),
    '',
  ].join('\r\n');
}

export async function exportAllAsZip(root: ParentNode, context: ExportContext): Promise<string> {
  const started = performance.now();
  const date = new Date();
  const { charts, skipped } = chartsOnPage(root);
  const rendered = await renderAll(charts, context, date, false);
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(readme(rendered, skipped, context, date)),
  };
  for (const [i, r] of rendered.entries()) {
    const base = `${String(i + 1).padStart(2, '0')}_${exportFileName(r.title, context.filters, date, '').slice(0, -1)}`;
    files[`${base}.png`] = new Uint8Array(await r.png.arrayBuffer());
    files[`${base}.svg`] = strToU8(r.composed.svg);
  }
  const name = `dashboard_${slugify(context.filters) || 'all-deals'}_${isoDay(date)}.zip`;
  const zipped = zipSync(files, { level: 6 });
  download(new Blob([zipped], { type: 'application/zip' }), name);
  return `Saved ${name}: ${rendered.length} charts as PNG and SVG, in ${Math.round(performance.now() - started)} ms.`;
}

/** A briefing: a title page (filters, date, sources), then one chart a page with its caption. */
export async function exportBriefingPdf(root: ParentNode, context: ExportContext): Promise<string> {
  const started = performance.now();
  const date = new Date();
  const { charts } = chartsOnPage(root);
  // A printed page wants a white background whatever the screen's theme.
  const rendered = await renderAll(charts, context, date, true);
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4' });
  const pageW = pdf.internal.pageSize.getWidth();
  const pageH = pdf.internal.pageSize.getHeight();
  const margin = 15;
  pdf.setFont('helvetica', 'bold').setFontSize(26).text('Defence Procurement Tracker', margin, 40);
  pdf.setFont('helvetica', 'normal').setFontSize(16).text('Briefing charts', margin, 52);
  pdf.setFontSize(12);
  const lines = [
    `Date: ${formatExportDate(date)}`,
    `Filters: ${context.filters}`,
    `Sources: ${context.sources}`,
    context.synthetic
      ? 'SYNTHETIC DATA: generated for demos and tests, not real deals.'
      : 'Data: sourced records; each figure cites its source in the tracker.',
    '',
    ...rendered.map((r, i) => `${i + 1}. ${r.title}`),
  ];
  const wrapped = pdf.splitTextToSize(lines.join('\n'), pageW - margin * 2) as string[];
  pdf.text(wrapped, margin, 70);
  for (const [i, r] of rendered.entries()) {
    pdf.addPage();
    const dataUrl = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsDataURL(r.png);
    });
    const ratio = r.composed.width / r.composed.height;
    let w = pageW - margin * 2;
    let h = w / ratio;
    if (h > pageH - margin * 2 - 10) {
      h = pageH - margin * 2 - 10;
      w = h * ratio;
    }
    pdf.addImage(dataUrl, 'PNG', (pageW - w) / 2, margin, w, h);
    pdf.setFontSize(9).text(`${i + 1} / ${rendered.length} · ${r.title}`, margin, pageH - 8);
  }
  const name = `briefing_${slugify(context.filters) || 'all-deals'}_${isoDay(date)}.pdf`;
  download(pdf.output('blob'), name);
  return `Saved ${name}: a title page and ${rendered.length} chart pages, in ${Math.round(performance.now() - started)} ms.`;
}
