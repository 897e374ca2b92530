// Builds one self-contained SVG from a chart on screen: title, filters, the drawing with its computed
// colours and fonts inlined (CSS variables and stylesheets do not travel with a file), the legend
// (Recharts draws it in HTML) and a footer naming the sources and the date.
//
// Text from the data (a system name in a tick or the legend, a search in the subtitle) may carry
// characters XML forbids (a NUL) or bidi controls (U+202E): the first are stripped, since one of them
// makes a file no program opens; each value with bidi controls is wrapped in FSI…PDI, so it reads as
// on screen without reordering the words around it; a control outside an isolate is dropped.
import { carryIsolates, containBidi, isolate, plainText, stripControls } from '../../domain/text/text-safety';

const SVG_NS = 'http://www.w3.org/2000/svg';
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];
const PAD = 24;

export interface ExportMeta {
  /** Title, subtitle and footer may hold `isolate`d values; nothing else of a bidi control is kept. */
  title: string;
  subtitle: string;
  footer: string;
  /** White page with dark text, for print, whatever the screen's theme. */
  whiteBackground: boolean;
}

export interface ComposedSvg {
  svg: string;
  width: number;
  height: number;
}

function escapeXml(text: string): string {
  return stripControls(text).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * Makes the cloned drawing safe to serialise: XMLSerializer writes a NUL in a tick label as it is,
 * and the file then does not parse. Each text with bidi controls becomes one isolate.
 */
function sanitiseDrawing(clone: Element): void {
  const walker = clone.ownerDocument.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const safe = BIDI_CONTROL.test(text.data) ? isolate(text.data) : stripControls(text.data);
    if (safe !== text.data) text.data = safe;
  }
  for (const element of [clone, ...clone.querySelectorAll('*')]) {
    for (const attribute of [...element.attributes]) {
      // Never drawn (a bar's name, an aria-label): plain words are enough.
      const safe = plainText(attribute.value);
      if (safe !== attribute.value) attribute.value = safe;
    }
  }
}

/** Throws, with a message for the status line, when the composed file would not open. */
export function assertWellFormed(svg: string): void {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = parsed.querySelector('parsererror');
  if (error) {
    const detail = (error.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 160);
    throw new Error(`the chart's SVG is not valid XML, so no file was saved (${detail}).`);
  }
}

/** The chart's drawing: the largest <svg> in it (legend icons are small ones). */
export function findChartSvg(container: Element): SVGSVGElement | undefined {
  let best: SVGSVGElement | undefined;
  let bestArea = 0;
  for (const svg of container.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    const area = box.width * box.height;
    if (area > bestArea) {
      best = svg;
      bestArea = area;
    }
  }
  return best;
}

function inlineStyles(source: Element, target: Element, recolour: (value: string) => string): void {
  const computed = getComputedStyle(source);
  const declarations = STYLE_PROPS.map((prop) => {
    const value = computed.getPropertyValue(prop);
    return value ? `${prop}:${recolour(value)}` : '';
  }).filter(Boolean);
  target.setAttribute('style', declarations.join(';'));
  target.removeAttribute('class');
  target.removeAttribute('tabindex');
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++) {
    inlineStyles(sourceChildren[i]!, targetChildren[i]!, recolour);
  }
}

function legendItems(container: Element): { label: string; colour: string }[] {
  return [...container.querySelectorAll('.recharts-legend-item')].map((item) => {
    const icon = item.querySelector('path, rect');
    const colour = icon ? getComputedStyle(icon).fill : '#888';
    // A legend label is one value (a system's name): isolated whole.
    return { label: isolate(item.textContent?.trim() ?? ''), colour };
  });
}

/** Splits text into lines of at most `max` characters at spaces. */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function composeChartSvg(container: HTMLElement, meta: ExportMeta): ComposedSvg {
  const source = findChartSvg(container.querySelector('.chart-card__chart') ?? container);
  if (!source)
    throw new Error('there is no chart drawing to export (switch from the table back to the chart).');
  const card = container;
  const cardStyle = getComputedStyle(card);
  const screenText = cardStyle.color;
  const background = meta.whiteBackground ? '#ffffff' : cardStyle.backgroundColor;
  const text = meta.whiteBackground ? '#16202a' : screenText;
  const muted = meta.whiteBackground ? '#55626f' : screenText;
  // On a white page, light text drawn for the dark theme would vanish: map it to dark text.
  const recolour = (value: string) => (meta.whiteBackground ? value.split(screenText).join(text) : value);
  const fontFamily = cardStyle.fontFamily;

  const box = source.getBoundingClientRect();
  const chartWidth = Math.round(box.width);
  const chartHeight = Math.round(box.height);
  const width = Math.max(chartWidth + PAD * 2, 480);
  const charsPerLine = Math.floor((width - PAD * 2) / 7.2);

  const clone = source.cloneNode(true) as SVGSVGElement;
  inlineStyles(source, clone, recolour);
  sanitiseDrawing(clone);
  clone.setAttribute('x', String(PAD));
  clone.setAttribute('width', String(chartWidth));
  clone.setAttribute('height', String(chartHeight));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${chartWidth} ${chartHeight}`);
  clone.removeAttribute('role');

  const parts: string[] = [];
  let y = PAD + 22;
  parts.push(
    `<text x="${PAD}" y="${y}" font-size="22" font-weight="700" fill="${escapeXml(text)}">${escapeXml(containBidi(meta.title))}</text>`,
  );
  for (const line of carryIsolates(wrapText(meta.subtitle, Math.floor((width - PAD * 2) / 7.6)))) {
    y += 20;
    parts.push(
      `<text x="${PAD}" y="${y}" font-size="14" fill="${escapeXml(muted)}" fill-opacity="0.85">${escapeXml(line)}</text>`,
    );
  }
  y += 12;
  clone.setAttribute('y', String(y));
  y += chartHeight;

  const legend = legendItems(container);
  if (legend.length > 0) {
    y += 8;
    let x = PAD;
    let rowY = y + 14;
    for (const item of legend) {
      // Less the two invisible isolate controls.
      const itemWidth = 22 + (item.label.length - 2) * 7.4 + 18;
      if (x + itemWidth > width - PAD && x > PAD) {
        x = PAD;
        rowY += 22;
      }
      parts.push(
        `<rect x="${x}" y="${rowY - 11}" width="14" height="14" rx="2" fill="${escapeXml(recolour(item.colour))}"/>`,
        `<text x="${x + 20}" y="${rowY + 1}" font-size="13" fill="${escapeXml(text)}">${escapeXml(item.label)}</text>`,
      );
      x += itemWidth;
    }
    y = rowY + 10;
  }

  // The footer names publishers without isolates (exportFooter): their bidi controls are dropped.
  const footerLines = carryIsolates(wrapText(meta.footer, charsPerLine));
  y += 14;
  for (const line of footerLines) {
    y += 17;
    parts.push(
      `<text x="${PAD}" y="${y}" font-size="12" fill="${escapeXml(muted)}" fill-opacity="0.85">${escapeXml(line)}</text>`,
    );
  }
  const height = Math.round(y + PAD - 6);

  const drawing = new XMLSerializer().serializeToString(clone);
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${escapeXml(fontFamily)}">` +
    `<rect width="100%" height="100%" fill="${escapeXml(background)}"/>` +
    parts.join('') +
    drawing +
    `</svg>`;
  assertWellFormed(svg);
  return { svg, width, height };
}
