import { SERIES_COLOURS } from './chart-theme';

/** "Other systems" and anything without a slot of its own. */
export const OTHER_COLOUR = '#999999';
/** The most series a chart gives their own colour; more are pooled, so no two share one. */
export const MAX_SERIES = 8;
if (SERIES_COLOURS.length < MAX_SERIES)
  throw new Error(
    `${MAX_SERIES} series need ${MAX_SERIES} colours; the palette has ${SERIES_COLOURS.length}`,
  );

/**
 * A series' colour from its slot, its rank over the whole data set (see `seriesPlan` in the domain):
 * the same system is the same colour in every view, filter, theme and export.
 */
export function seriesColour(slot: number): string {
  return slot >= 0 && slot < MAX_SERIES ? SERIES_COLOURS[slot]! : OTHER_COLOUR;
}
