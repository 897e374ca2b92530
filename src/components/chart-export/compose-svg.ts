// Builds one self-contained SVG from a chart on screen: title, filters, the drawing with its computed
// colours and fonts inlined (CSS variables and stylesheets do not travel with a file), the legend
// (Recharts draws it in HTML) and a footer naming the sources and the date.

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
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
    return { label: item.textContent?.trim() ?? '', colour };
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
  clone.setAttribute('x', String(PAD));
  clone.setAttribute('width', String(chartWidth));
  clone.setAttribute('height', String(chartHeight));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${chartWidth} ${chartHeight}`);
  clone.removeAttribute('role');

  const parts: string[] = [];
  let y = PAD + 22;
  parts.push(
    `<text x="${PAD}" y="${y}" font-size="22" font-weight="700" fill="${escapeXml(text)}">${escapeXml(meta.title)}</text>`,
  );
  for (const line of wrapText(meta.subtitle, Math.floor((width - PAD * 2) / 7.6))) {
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
      const itemWidth = 22 + item.label.length * 7.4 + 18;
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

  const footerLines = wrapText(meta.footer, charsPerLine);
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
  return { svg, width, height };
}
