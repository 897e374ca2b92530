import type { Milestone } from '../../domain';

/**
 * The timeline's geometry in drawing units. On the dashboard the drawing is scaled to the card's width;
 * on a slide one unit is `scale` pixels, chosen from the room the slide has (`slideLayout`), so rows are
 * whole and the text is large enough to read from the back of a room.
 */
export const LABEL_W = 300;
export const RIGHT = 24;
export const DASHBOARD_W = 1084;
/** Two legend lines, then the year labels, then the "Today" label, then the rows. */
export const LEGEND_LINE = 20;
export const LEGEND_H = 48;
export const TICK_Y = LEGEND_H + 14;
export const TODAY_Y = LEGEND_H + 30;
export const TOP = LEGEND_H + 40;
export const ROW = 36;
export const BOTTOM = 8;
export const FONT = 13;
/** Characters of a row label a line holds at 13 units within LABEL_W (system sans, with margin). */
const LINE_CHARS = 38;

export function drawingHeight(rows: number): number {
  return TOP + rows * ROW + BOTTOM;
}

export type MarkerGroup = 'signature' | 'delivery' | 'other';

export function markerGroup(kind: Milestone['kind']): MarkerGroup {
  if (kind === 'signature' || kind === 'mou' || kind === 'lease-start') return 'signature';
  if (kind === 'first-delivery' || kind === 'delivery' || kind === 'final-delivery') return 'delivery';
  return 'other';
}

/**
 * A row label on at most two lines, broken between words. A title too long for two is shortened on
 * the second line; the full title stays in the row's tooltip and the "Show as table" view.
 */
export function wrapLabel(title: string, chars = LINE_CHARS): string[] {
  if (title.length <= chars) return [title];
  const words = title.split(' ');
  let first = '';
  let i = 0;
  while (i < words.length && (first ? `${first} ${words[i]}` : words[i]!).length <= chars) {
    first = first ? `${first} ${words[i]}` : words[i]!;
    i++;
  }
  // One word longer than a line: break inside it.
  if (!first) return [title.slice(0, chars), shorten(title.slice(chars), chars)];
  return [first, shorten(words.slice(i).join(' '), chars)];
}

function shorten(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1).trimEnd()}…`;
}

/** Year ticks at a round step (1, 2, 5, 10…) that leaves about `most` labels on the axis. */
export function yearTicks(lo: number, hi: number, most = 12): number[] {
  const span = Math.max(1, hi - lo);
  const step = [1, 2, 5, 10, 20, 50, 100].find((s) => span / s <= most) ?? 100;
  const ticks: number[] = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) ticks.push(y);
  return ticks;
}

export interface SlideLayout {
  /** Pixels per drawing unit. */
  scale: number;
  /** The drawing's width in units: the label column plus a plot as wide as the slide allows. */
  width: number;
  /** Whole rows that fit one slide. */
  rowsPerPage: number;
}

/**
 * How the timeline fills a slide's chart area of `width` × `height` pixels. First how many whole rows
 * a slide holds at a legible scale, set by the narrower of the two (a label column of a third of the
 * width at most, room for about ten rows); then, once the rows are split into even pages, the scale
 * that makes the fullest page fill the height, so a slide is not left half empty. A wide screen gets
 * a wider plot rather than taller rows.
 */
export function slideLayout(width: number, height: number): SlideLayout {
  const scale = Math.max(0.75, Math.min(width / 900, height / 470));
  const rowsPerPage = Math.max(1, Math.floor((height / scale - TOP - BOTTOM) / ROW));
  return { scale, width: width / scale, rowsPerPage };
}

export function fillLayout(width: number, height: number, rowsOnPage: number): SlideLayout {
  const scale = Math.max(0.5, Math.min(height / drawingHeight(rowsOnPage), width / 800));
  return { scale, width: width / scale, rowsPerPage: rowsOnPage };
}

/** Rows split into pages of at most `perPage`, as even as possible, so the last slide is not a stub. */
export function pageRanges(rows: number, perPage: number): [number, number][] {
  if (rows === 0) return [[0, 0]];
  const pages = Math.ceil(rows / Math.max(1, perPage));
  const size = Math.ceil(rows / pages);
  const ranges: [number, number][] = [];
  for (let from = 0; from < rows; from += size) ranges.push([from, Math.min(rows, from + size)]);
  return ranges;
}
