import { readUrlPart, writeUrlState } from '../../domain';

/**
 * The slide a `?slide=` value asks for (1-based) as an index into `count` slides. A value that names
 * no slide is not silently clamped: the nearest slide is shown with a notice saying what was asked.
 */
export function readSlideParam(
  raw: string | null,
  count: number,
): { index: number; notice: string | undefined } {
  if (raw === null || count === 0) return { index: 0, notice: undefined };
  const asked = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (asked >= 1 && asked <= count) return { index: asked - 1, notice: undefined };
  if (asked > count)
    return {
      index: count - 1,
      notice: `There is no slide ${asked}: this show has ${count}. Showing the last.`,
    };
  return { index: 0, notice: `“slide=${raw}” is not a slide number. Showing the first slide.` };
}

/** The slide of the page URL (the URL schema's `slide` part) as an index into `count` slides. */
export function slideOf(
  params: URLSearchParams,
  count: number,
): { index: number; notice: string | undefined } {
  return readSlideParam(readUrlPart('slide', params).value ?? null, count);
}

/** The URL with slide `index` (0-based) shown, every other parameter kept. */
export function withSlide(params: URLSearchParams, index: number): URLSearchParams {
  return writeUrlState({ slide: String(index + 1) }, params);
}
