// The geometry of a horizontal bar chart, worked out as Recharts works out its own (a band per
// category, a linear value axis, 10 % of a band each side of a bar) so that the plain SVG draws the
// same picture, pixel for pixel, that the Recharts BarChart drew before it.

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Height Recharts gives a bottom XAxis; its tick labels sit 8 px (tick size 6 + margin 2) under the line. */
export const X_AXIS_HEIGHT = 30;
export const TICK_GAP = 8;

export interface Plot {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function plotArea(width: number, height: number, margin: Margin, categoryWidth: number): Plot {
  const left = margin.left + categoryWidth;
  const top = margin.top;
  return {
    left,
    top,
    width: Math.max(0, width - left - margin.right),
    height: Math.max(0, height - top - margin.bottom - X_AXIS_HEIGHT),
  };
}

/** d3's linear interpolation (`a * (1 - t) + b * t`), so tick positions match its floating point. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return (value: number) => {
    const t = d1 === d0 ? 0.5 : (value - d0) / (d1 - d0);
    return r0 * (1 - t) + r1 * t;
  };
}

export interface BarBox {
  /** Top of the band the category owns, and its height. */
  bandStart: number;
  band: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Each category's band and bar: a band is the plot height over the number of categories; the bar
 * leaves 10 % of it on each side, rounded to whole pixels and at most `maxBarSize`, centred.
 */
export function barBoxes(
  values: readonly (number | undefined)[],
  plot: Plot,
  scale: (value: number) => number,
  maxBarSize?: number,
): BarBox[] {
  const band = values.length > 0 ? plot.height / values.length : 0;
  const gap = band * 0.1;
  let full = band - 2 * gap;
  if (full > 1) full = Math.round(full);
  const size = maxBarSize !== undefined ? Math.min(full, maxBarSize) : full;
  const inset = gap + (full - size) / 2;
  const base = scale(0);
  return values.map((value, i) => {
    const bandStart = plot.top + band * i;
    const end = value === undefined ? base : scale(value);
    return { bandStart, band, x: base, y: bandStart + inset, width: end - base, height: size };
  });
}

/** Four decimals, as Recharts writes a rectangle's path. */
export function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

export function rectPath(box: { x: number; y: number; width: number; height: number }): string {
  const x = round4(box.x);
  const y = round4(box.y);
  const w = round4(box.width);
  const h = round4(box.height);
  return `M ${x},${y} h ${w} v ${h} h ${-w} Z`;
}

/**
 * Splits a label into lines no wider than `width`, word by word, as Recharts' <Text> does with the
 * width of its axis; `measure` gives a string's width in pixels.
 */
export function wrapWords(text: string, width: number, measure: (s: string) => number): string[] {
  const words = text.split(/[ \f\n\r\t\v\u2028\u2029]+/).filter((w) => w !== '');
  if (words.length <= 1) return [text];
  const space = measure('\u00A0');
  const lines: { words: string[]; width: number }[] = [];
  for (const word of words) {
    const w = measure(word);
    const last = lines.at(-1);
    if (last && last.width + w + space < width) {
      last.words.push(word);
      last.width += w + space;
    } else lines.push({ words: [word], width: w });
  }
  return lines.map((l) => l.words.join(' '));
}

/**
 * Value-axis ticks Recharts draws under `interval="preserveStartEnd"` (its `getTicksStart`): the last
 * one, pulled inside `end` if its label would overhang it, then from the first (pulled inside `start`
 * likewise) each whose label keeps `gap` px clear of the one before and of the last.
 * Returns where each label is drawn, or undefined for a tick left out.
 */
export function preserveStartEnd(
  positions: readonly number[],
  sizes: readonly number[],
  start: number,
  end: number,
  gap = 5,
): (number | undefined)[] {
  const n = positions.length;
  const shown: (number | undefined)[] = positions.map(() => undefined);
  if (n === 0) return shown;
  const visible = (at: number, size: number, from: number, to: number) =>
    at >= from && at <= to && at - size / 2 - from >= 0 && at + size / 2 - to <= 0;
  let to = end;
  const last = positions[n - 1]!;
  const lastSize = sizes[n - 1] ?? 0;
  const over = last + lastSize / 2 - end;
  const lastAt = over > 0 ? last - over : last;
  if (visible(lastAt, lastSize, start, to)) {
    shown[n - 1] = lastAt;
    to = lastAt - (lastSize / 2 + gap);
  }
  let from = start;
  for (let i = 0; i < n - 1; i += 1) {
    const size = sizes[i] ?? 0;
    let at = positions[i]!;
    if (i === 0) {
      const under = at - size / 2 - start;
      if (under < 0) at -= under;
    }
    if (visible(at, size, from, to)) {
      shown[i] = at;
      from = at + (size / 2 + gap);
    }
  }
  return shown;
}

/** Recharts' tooltip offset from the pointer. */
const TOOLTIP_OFFSET = 10;

/**
 * Where a tooltip of `size` starts along one axis for a pointer at `at`, as Recharts places it: 10 px
 * after it, or before it where it would overrun the plot's `start + length`, never before `start`.
 */
export function tooltipAt(at: number, size: number, start: number, length: number): number {
  const after = at + TOOLTIP_OFFSET;
  if (after + size > start + length) return Math.max(at - size - TOOLTIP_OFFSET, start);
  return Math.max(after, start);
}
