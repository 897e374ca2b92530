// The briefing PDF: a title page, the key figures as text, then one chart a page drawn as vectors
// (svg2pdf), with a bookmark per page. Text stays text, so it can be selected, searched and read out.
import { jsPDF } from 'jspdf';
import { svg2pdf } from 'svg2pdf.js';
import { formatExportDate } from '../../domain';
import { plainText } from '../../domain/text/text-safety';
import type { ComposedSvg } from './compose-svg';
import type { ExportContext } from './export-chart';
import type { KeyFigure } from './key-figures';
import { addPdfFonts, PDF_FONT } from './pdf-fonts';
import { svgToDataUrl } from './raster';

export interface BriefingChart {
  title: string;
  subtitle: string;
  /** What the chart shows, printed under it as text: the drawing's alternative, selectable and read out. */
  description: string;
  composed: ComposedSvg;
}

export interface BriefingInput {
  charts: BriefingChart[];
  /** Charts shown as a table at the time, named on the title page. */
  skipped: string[];
  keyFigures: KeyFigure[];
  context: ExportContext;
  date: Date;
}

export interface Briefing {
  pdf: jsPDF;
  /** Charts that could not be drawn as vectors and went in as a JPEG instead. */
  rasterised: string[];
}

const MARGIN = 15;
const TEXT = '#16202a';
const MUTED = '#55626f';
const DESCRIPTION_LINE = 4.6;

/**
 * The composed SVG as a live element set in the PDF's font: svg2pdf picks a font by family name and
 * knows bold only as "bold", and it measures text, which needs the element in the document.
 */
function svgForPdf(svg: string): { element: SVGSVGElement; dispose: () => void } {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = parsed.querySelector('parsererror');
  if (error) throw new Error(`the chart's SVG does not parse: ${error.textContent ?? ''}`);
  const element = document.importNode(parsed.documentElement, true) as unknown as SVGSVGElement;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    text.data = plainText(text.data);
  }
  for (const node of [element, ...element.querySelectorAll('*')]) {
    if (!(node instanceof SVGElement)) continue;
    if (node.hasAttribute('font-family') || node.style.fontFamily) {
      node.setAttribute('font-family', PDF_FONT);
      node.style.fontFamily = PDF_FONT;
    }
    const weight = node.style.fontWeight || node.getAttribute('font-weight');
    if (weight) {
      const bold = weight === 'bold' || Number(weight) >= 600;
      node.setAttribute('font-weight', bold ? 'bold' : 'normal');
      node.style.fontWeight = bold ? 'bold' : 'normal';
    }
  }
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;left:-20000px;top:0;pointer-events:none';
  host.append(element);
  document.body.append(host);
  return { element, dispose: () => host.remove() };
}

function fit(composed: ComposedSvg, width: number, height: number) {
  const ratio = composed.width / composed.height;
  return width / ratio <= height ? { w: width, h: width / ratio } : { w: height * ratio, h: height };
}

function paragraph(pdf: jsPDF, text: string, x: number, y: number, width: number, lineMm: number): number {
  const lines = pdf.splitTextToSize(text, width) as string[];
  pdf.text(lines, x, y, { lineHeightFactor: lineMm / (pdf.getFontSize() * 0.3528) });
  return y + lines.length * lineMm;
}

function titlePage(pdf: jsPDF, input: BriefingInput, pageOf: (title: string) => number): void {
  const width = pdf.internal.pageSize.getWidth() - MARGIN * 2;
  const { context, date } = input;
  pdf.setTextColor(TEXT).setFont(PDF_FONT, 'bold').setFontSize(26);
  pdf.text('Defence Procurement Tracker', MARGIN, 35);
  pdf.setFont(PDF_FONT, 'normal').setFontSize(16).text('Briefing charts', MARGIN, 46);
  pdf.setFontSize(11);
  let y = 60;
  const lines = [
    `Date: ${formatExportDate(date)}`,
    context.dataAsOf ?? 'Data date not known',
    `Filters: ${context.filters}`,
    `Sources: ${context.sources}`,
    ...(context.rights ? [`Imported data: ${context.rights}`] : []),
    context.synthetic
      ? 'SYNTHETIC DATA: generated for demos and tests, not real deals.'
      : 'Data: sourced records; each figure cites its source in the tracker.',
  ];
  for (const line of lines) y = paragraph(pdf, line, MARGIN, y, width, 5.5) + 1;
  y += 4;
  pdf.setFont(PDF_FONT, 'bold').text('Contents', MARGIN, y);
  pdf.setFont(PDF_FONT, 'normal');
  y += 6.5;
  const entries = [
    ...(input.keyFigures.length > 0 ? ['Key figures'] : []),
    ...input.charts.map((c) => c.title),
  ];
  for (const entry of entries) {
    y = paragraph(pdf, `${entry} … page ${pageOf(entry)}`, MARGIN + 4, y, width - 4, 5.5);
  }
  if (input.skipped.length > 0) {
    y += 3;
    paragraph(
      pdf,
      `Not included (shown as a table at the time): ${input.skipped.join('; ')}`,
      MARGIN,
      y,
      width,
      5.5,
    );
  }
}

function keyFiguresPage(pdf: jsPDF, input: BriefingInput): void {
  const pageW = pdf.internal.pageSize.getWidth();
  const columnW = (pageW - MARGIN * 2 - 10) / 2;
  pdf.setTextColor(TEXT).setFont(PDF_FONT, 'bold').setFontSize(20).text('Key figures', MARGIN, 28);
  pdf.setFont(PDF_FONT, 'normal').setFontSize(11).setTextColor(MUTED);
  pdf.text(`${input.context.filters} · ${input.context.dataAsOf ?? 'Data date not known'}`, MARGIN, 36, {
    maxWidth: pageW - MARGIN * 2,
  });
  // Two columns; rows share the page, so a strip that grows a figure still fits on one page.
  const rows = Math.ceil(input.keyFigures.length / 2);
  const rowH = Math.min(62, (pdf.internal.pageSize.getHeight() - 52 - MARGIN) / Math.max(rows, 1));
  for (const [i, figure] of input.keyFigures.entries()) {
    const x = MARGIN + (i % 2) * (columnW + 10);
    let y = 52 + Math.floor(i / 2) * rowH;
    pdf.setTextColor(MUTED).setFont(PDF_FONT, 'bold').setFontSize(11).text(figure.label, x, y);
    pdf.setTextColor(TEXT).setFontSize(20);
    y = paragraph(pdf, figure.value, x, y + 9, columnW, 8);
    pdf.setTextColor(MUTED).setFont(PDF_FONT, 'normal').setFontSize(10);
    paragraph(pdf, figure.note, x, y, columnW, 4.6);
  }
}

/**
 * The briefing's words with no bidi or other control characters. jsPDF lays text out with its own
 * bidi pass, which knows no isolates, and DejaVu Sans has no glyph for the controls: in a PDF a value
 * cannot reorder the words around it once its controls are gone, and nothing prints as a box.
 */
function plainInput(input: BriefingInput): BriefingInput {
  const { context } = input;
  return {
    ...input,
    charts: input.charts.map((c) => ({
      ...c,
      title: plainText(c.title),
      subtitle: plainText(c.subtitle),
      description: plainText(c.description),
    })),
    skipped: input.skipped.map(plainText),
    keyFigures: input.keyFigures.map((f) => ({
      label: plainText(f.label),
      value: plainText(f.value),
      note: plainText(f.note),
    })),
    context: {
      ...context,
      sources: plainText(context.sources),
      filters: plainText(context.filters),
      ...(context.dataAsOf === undefined ? {} : { dataAsOf: plainText(context.dataAsOf) }),
    },
  };
}

/** Builds the briefing; a chart svg2pdf cannot draw goes in as a JPEG at 1.5× rather than failing the file. */
export async function buildBriefingPdf(raw: BriefingInput): Promise<Briefing> {
  const input = plainInput(raw);
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  await addPdfFonts(pdf);
  pdf.setProperties({
    title: `Defence Procurement Tracker briefing: ${input.context.filters}`,
    subject: input.context.dataAsOf ?? '',
    creator: 'Defence Procurement Tracker',
  });
  pdf.setLanguage('en-GB');
  const pageW = pdf.internal.pageSize.getWidth();
  const pageH = pdf.internal.pageSize.getHeight();
  const first = input.keyFigures.length > 0 ? 3 : 2;
  const pages = new Map<string, number>([['Key figures', 2]]);
  input.charts.forEach((c, i) => pages.set(c.title, first + i));
  const pageOf = (title: string) => pages.get(title) ?? 0;

  titlePage(pdf, input, pageOf);
  pdf.outline.add(null, 'Title and contents', { pageNumber: 1 });
  if (input.keyFigures.length > 0) {
    pdf.addPage();
    keyFiguresPage(pdf, input);
    pdf.outline.add(null, 'Key figures', { pageNumber: 2 });
  }
  const rasterised: string[] = [];
  for (const [i, chart] of input.charts.entries()) {
    pdf.addPage();
    // The description goes under the drawing: the drawing gets the page less its lines.
    pdf.setFont(PDF_FONT, 'normal').setFontSize(10);
    const about = pdf.splitTextToSize(`Description: ${chart.description}`, pageW - MARGIN * 2) as string[];
    const aboutH = about.length * DESCRIPTION_LINE + 4;
    const { w, h } = fit(chart.composed, pageW - MARGIN * 2, pageH - MARGIN * 2 - 8 - aboutH);
    const x = (pageW - w) / 2;
    const { element, dispose } = svgForPdf(chart.composed.svg);
    try {
      await svg2pdf(element, pdf, { x, y: MARGIN, width: w, height: h });
    } catch {
      rasterised.push(chart.title);
      const { svg, width, height } = chart.composed;
      const jpeg = await svgToDataUrl(svg, width, height, 1.5, 'image/jpeg', 0.85);
      // The description printed under it is the image's caption: jsPDF writes no /Alt of its own.
      pdf.addImage(jpeg, 'JPEG', x, MARGIN, w, h);
    } finally {
      dispose();
    }
    pdf.setTextColor(TEXT).setFont(PDF_FONT, 'normal').setFontSize(10);
    paragraph(
      pdf,
      `Description: ${chart.description}`,
      MARGIN,
      MARGIN + h + 6,
      pageW - MARGIN * 2,
      DESCRIPTION_LINE,
    );
    pdf.setTextColor(MUTED).setFont(PDF_FONT, 'normal').setFontSize(9);
    pdf.text(`${first + i} / ${first + input.charts.length - 1} · ${chart.title}`, MARGIN, pageH - 8);
    pdf.outline.add(null, chart.title, { pageNumber: first + i });
  }
  return { pdf, rasterised };
}
