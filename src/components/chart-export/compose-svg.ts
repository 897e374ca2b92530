// Builds one self-contained SVG from a chart on screen: title, filters, the drawing with its computed
// colours and fonts inlined (CSS variables and stylesheets do not travel with a file), the legend
// (Recharts draws it in HTML) and a footer naming the sources and the date. The file carries the
// chart's title as its `<title>` and a description of what it shows as its `<desc>`, which screen
// readers and slide tools read as the image's alternative text.
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
const TITLE_SIZE = 22;
const TITLE_LINE = 28;
const SUBTITLE_LINE = 20;
const FOOTER_LINE = 17;
const LEGEND_ROW = 22;

/** The page an exported chart sits on. Transparent keeps the light theme's text, for a light slide. */
export type ExportBackground = 'light' | 'dark' | 'transparent';

interface Palette {
  background: string | undefined;
  text: string;
  muted: string;
  surface: string;
  border: string;
  page: string;
  accent: string;
}

// The app's own light and dark themes (src/app/styles.css), so an export looks as the screen does in
// that theme whatever the reader's system is set to.
const LIGHT = {
  text: '#16202a',
  muted: '#55626f',
  surface: '#ffffff',
  border: '#d6dde4',
  page: '#f4f6f8',
  accent: '#0b5c8a',
};
const DARK = {
  text: '#e6edf3',
  muted: '#a3b1bf',
  surface: '#17212b',
  border: '#2c3b4a',
  page: '#0f161d',
  accent: '#6cc0f5',
};
export const PALETTES: Record<ExportBackground, Palette> = {
  light: { ...LIGHT, background: '#ffffff' },
  dark: { ...DARK, background: DARK.surface },
  transparent: { ...LIGHT, background: undefined },
};

/**
 * A size to lay the export out at: `width` × `height` logical pixels (the SVG's size, and the PNG's
 * at 1×), drawn from a layout `scale` times smaller, so type on a slide is as legible as on screen.
 */
export interface ExportFrame {
  width: number;
  height: number;
  scale: number;
}

export interface ExportMeta {
  /** Title, subtitle and footer may hold `isolate`d values; nothing else of a bidi control is kept. */
  title: string;
  subtitle: string;
  footer: string;
  /** What the chart shows, in a paragraph: the file's `<desc>`. */
  description: string;
  background: ExportBackground;
  /** The drawing and its legend only: no title block and no footer (a slide has its own). */
  chartOnly?: boolean;
  /** Unset: as on screen, the drawing at the size it has there. */
  frame?: ExportFrame | undefined;
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

export interface LegendItem {
  label: string;
  colour: string;
}

/** The legend Recharts draws in HTML beside the drawing, as label and colour. */
export function legendItems(container: Element): LegendItem[] {
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

interface Blocks {
  width: number;
  title: string[];
  subtitle: string[];
  /** Each legend item with its place, relative to the legend's top. */
  legend: (LegendItem & { x: number; y: number })[];
  legendHeight: number;
  footer: string[];
  /** From the top to where the drawing starts. */
  headHeight: number;
  /** From the drawing's end to the bottom, legend and footer included. */
  tailHeight: number;
}

/** Where the title block, legend and footer go at a layout `width`: the drawing gets what is left. */
function layoutBlocks(meta: ExportMeta, legend: LegendItem[], width: number): Blocks {
  const inner = width - PAD * 2;
  const title = meta.chartOnly
    ? []
    : carryIsolates(wrapText(containBidi(meta.title), Math.floor(inner / 12.5)));
  const subtitle = meta.chartOnly ? [] : carryIsolates(wrapText(meta.subtitle, Math.floor(inner / 7.6)));
  const footer = meta.chartOnly ? [] : carryIsolates(wrapText(meta.footer, Math.floor(inner / 7.2)));
  const placed: Blocks['legend'] = [];
  let x = PAD;
  let rowY = 14;
  for (const item of legend) {
    // Less the two invisible isolate controls.
    const itemWidth = 22 + (item.label.length - 2) * 7.4 + 18;
    if (x + itemWidth > width - PAD && x > PAD) {
      x = PAD;
      rowY += LEGEND_ROW;
    }
    placed.push({ ...item, x, y: rowY });
    x += itemWidth;
  }
  const legendHeight = legend.length > 0 ? 8 + rowY + 10 : 0;
  const headHeight = meta.chartOnly
    ? PAD
    : PAD + title.length * TITLE_LINE - (TITLE_LINE - TITLE_SIZE) + subtitle.length * SUBTITLE_LINE + 12;
  const tailHeight = legendHeight + (footer.length > 0 ? 14 + footer.length * FOOTER_LINE : 0) + PAD - 6;
  return { width, title, subtitle, legend: placed, legendHeight, footer, headHeight, tailHeight };
}

/**
 * The size the drawing should be laid out at for a framed export: the frame, at its layout scale,
 * less the margins, title block, legend and footer. Never smaller than a legible minimum.
 */
export function drawingArea(meta: ExportMeta, legend: LegendItem[], frame: ExportFrame) {
  const width = frame.width / frame.scale;
  const height = frame.height / frame.scale;
  const blocks = layoutBlocks(meta, legend, width);
  return {
    width: Math.max(160, Math.floor(width - PAD * 2)),
    height: Math.max(120, Math.floor(height - blocks.headHeight - blocks.tailHeight)),
  };
}

/**
 * The export of the chart in `card`. Its drawing and legend are read from `drawingRoot` (the card's
 * own `.chart-card__chart` unless given: a copy of the chart rendered at a frame's size, say); the
 * colours and font from the card.
 */
export function composeChartSvg(card: HTMLElement, meta: ExportMeta, drawingRoot?: Element): ComposedSvg {
  const root = drawingRoot ?? card.querySelector('.chart-card__chart') ?? card;
  const source = findChartSvg(root);
  if (!source)
    throw new Error('there is no chart drawing to export (switch from the table back to the chart).');
  const cardStyle = getComputedStyle(card);
  const palette = PALETTES[meta.background];
  const recolour = recolourer(card, palette);
  const fontFamily = cardStyle.fontFamily;

  const box = source.getBoundingClientRect();
  const drawnWidth = Math.max(1, Math.round(box.width));
  const drawnHeight = Math.max(1, Math.round(box.height));
  const legend = legendItems(drawingRoot ?? card).map((item) => ({ ...item, colour: recolour(item.colour) }));

  // As on screen: the drawing's own size sets the page. Framed: the frame does, and the drawing is
  // fitted into the space left, scaled alike both ways and centred, never stretched.
  const layoutWidth = meta.frame ? meta.frame.width / meta.frame.scale : Math.max(drawnWidth + PAD * 2, 480);
  const blocks = layoutBlocks(meta, legend, layoutWidth);
  let chartX = PAD;
  let chartWidth = drawnWidth;
  let chartHeight = drawnHeight;
  let layoutHeight = blocks.headHeight + drawnHeight + blocks.tailHeight;
  if (meta.frame) {
    layoutHeight = meta.frame.height / meta.frame.scale;
    const spaceW = layoutWidth - PAD * 2;
    const spaceH = Math.max(1, layoutHeight - blocks.headHeight - blocks.tailHeight);
    const fit = Math.min(spaceW / drawnWidth, spaceH / drawnHeight);
    chartWidth = drawnWidth * fit;
    chartHeight = drawnHeight * fit;
    chartX = PAD + (spaceW - chartWidth) / 2;
  }

  const clone = source.cloneNode(true) as SVGSVGElement;
  inlineStyles(source, clone, recolour);
  sanitiseDrawing(clone);
  clone.setAttribute('x', String(round(chartX)));
  clone.setAttribute('width', String(round(chartWidth)));
  clone.setAttribute('height', String(round(chartHeight)));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${drawnWidth} ${drawnHeight}`);
  clone.removeAttribute('role');
  clone.removeAttribute('aria-label');
  clone.removeAttribute('aria-hidden');
  // The drawing's own title or desc would be read as a second name: the file's own say it all.
  for (const inner of clone.querySelectorAll(':scope > title, :scope > desc')) inner.remove();

  const parts: string[] = [];
  let y = PAD;
  for (const [i, line] of blocks.title.entries()) {
    y += i === 0 ? TITLE_SIZE : TITLE_LINE;
    parts.push(
      `<text x="${PAD}" y="${y}" font-size="${TITLE_SIZE}" font-weight="700" fill="${palette.text}">${escapeXml(line)}</text>`,
    );
  }
  for (const line of blocks.subtitle) {
    y += SUBTITLE_LINE;
    parts.push(
      `<text x="${PAD}" y="${y}" font-size="14" fill="${palette.muted}" fill-opacity="0.85">${escapeXml(line)}</text>`,
    );
  }
  // The drawing's space: its own height as on screen, what the frame leaves when framed (the drawing
  // centred in it).
  const space = meta.frame ? layoutHeight - blocks.headHeight - blocks.tailHeight : chartHeight;
  clone.setAttribute('y', String(round(blocks.headHeight + (space - chartHeight) / 2)));
  y = blocks.headHeight + space;

  if (blocks.legend.length > 0) {
    const top = y + 8;
    for (const item of blocks.legend) {
      const rowY = top + item.y;
      parts.push(
        `<rect x="${round(item.x)}" y="${round(rowY - 11)}" width="14" height="14" rx="2" fill="${escapeXml(item.colour)}"/>`,
        `<text x="${round(item.x + 20)}" y="${round(rowY + 1)}" font-size="13" fill="${palette.text}">${escapeXml(item.label)}</text>`,
      );
    }
    y += blocks.legendHeight;
  }

  // The footer names publishers without isolates (exportFooter): their bidi controls are dropped.
  if (blocks.footer.length > 0) y += 14;
  for (const line of blocks.footer) {
    y += FOOTER_LINE;
    parts.push(
      `<text x="${PAD}" y="${round(y)}" font-size="12" fill="${palette.muted}" fill-opacity="0.85">${escapeXml(line)}</text>`,
    );
  }
  const viewW = round(layoutWidth);
  const viewH = round(meta.frame ? layoutHeight : y + PAD - 6);
  const width = meta.frame ? meta.frame.width : Math.round(viewW);
  const height = meta.frame ? meta.frame.height : Math.round(viewH);

  const drawing = new XMLSerializer().serializeToString(clone);
  // The title and description as text: speech needs no isolates, only the words.
  const title = plainText(meta.title);
  const description = plainText(meta.description);
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${viewW} ${viewH}" ` +
    `role="img" aria-labelledby="chart-title chart-desc" font-family="${escapeXml(fontFamily)}">` +
    `<title id="chart-title">${escapeXml(title)}</title>` +
    `<desc id="chart-desc">${escapeXml(description)}</desc>` +
    (palette.background ? `<rect width="100%" height="100%" fill="${palette.background}"/>` : '') +
    parts.join('') +
    drawing +
    `</svg>`;
  assertWellFormed(svg);
  return { svg, width, height };
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Maps the screen theme's colours (text, muted, surface, border, page, as the card computes them) to
 * the export's palette in one pass, so a light screen exported dark, or the reverse, stays legible.
 */
function recolourer(card: HTMLElement, palette: Palette): (value: string) => string {
  const probe = card.ownerDocument.createElement('span');
  card.append(probe);
  const map = new Map<string, string>();
  const vars: [string, keyof Palette][] = [
    ['--border', 'border'],
    ['--bg', 'page'],
    ['--accent', 'accent'],
    ['--surface', 'surface'],
    ['--muted', 'muted'],
    ['--text', 'text'],
  ];
  for (const [name, key] of vars) {
    probe.style.color = `var(${name})`;
    const screen = getComputedStyle(probe).color;
    const target = palette[key];
    if (screen && target) map.set(screen, target);
  }
  probe.remove();
  // What the card itself computes as its text colour, should it differ from --text.
  const cardText = getComputedStyle(card).color;
  if (cardText && !map.has(cardText)) map.set(cardText, palette.text);
  map.delete('');
  if (map.size === 0) return (value) => value;
  const pattern = new RegExp(
    [...map.keys()].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
    'g',
  );
  return (value) => value.replace(pattern, (match) => map.get(match) ?? match);
}
