// A label's width in pixels, for wrapping category labels and thinning axis ticks as Recharts does.
// Recharts measures a string in a <span> of its own in <body> and forces a layout for each new one;
// an offscreen canvas measures the body font's advance widths without touching the page. Kept per
// string and size.

const cache = new Map<string, number>();
let context: OffscreenCanvasRenderingContext2D | null | undefined;
let font = (px: number) => `${px}px sans-serif`;

function canvas(): OffscreenCanvasRenderingContext2D | null {
  if (context !== undefined) return context;
  // Absent, rather than a stub that warns, where nothing is drawn (jsdom).
  try {
    context = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  } catch {
    context = null;
  }
  if (context) {
    const body = getComputedStyle(document.body);
    font = (px) => `${body.fontStyle} ${body.fontWeight} ${px}px ${body.fontFamily}`;
  }
  return context;
}

/** Width of `text` in the body's font at `px`; without a canvas, an average glyph of 0.6 em. */
export function textWidth(text: string, px: number): number {
  const key = `${px}|${text}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const c = canvas();
  let width = text.length * px * 0.6;
  if (c) {
    c.font = font(px);
    width = c.measureText(text).width;
  }
  if (cache.size > 2000) cache.clear();
  cache.set(key, width);
  return width;
}
