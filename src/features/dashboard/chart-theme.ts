// Okabe–Ito (with Tol's wine in place of its grey, which "Other systems" uses), in an order that keeps
// neighbouring stacks apart; plain hex so exported images keep them.
export const SERIES_COLOURS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#882255',
  '#F0E442',
];

export const BASIS_COLOURS = { signed: '#0072B2', approved: '#56B4E9', estimate: '#E69F00' } as const;
export const BASIS_LABELS = {
  signed: 'Signed',
  approved: 'Approved or notified',
  estimate: 'Estimate or unconfirmed',
} as const;

export const AXIS_TICK = { fill: 'currentColor', fontSize: 13 } as const;
export const TOOLTIP_CURSOR = { fillOpacity: 0.08 } as const;
export const TOOLTIP_STYLE = { color: '#111', borderRadius: 6, fontSize: 14 } as const;

/** Bars of values outside an active selection are dimmed, so what is filtered stays legible. */
export function selectionOpacity(selected: readonly string[] | undefined, value: string): number {
  if (!selected || selected.length === 0) return 1;
  return selected.includes(value) ? 1 : 0.3;
}
