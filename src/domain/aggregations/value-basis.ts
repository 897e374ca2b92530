import type { MoneyFigure } from '../model/deal-schema';

/** How firm the figure behind a value is: signed, officially approved or notified, or an estimate. */
export type ValueBasis = 'signed' | 'approved' | 'estimate';

/** In this order; the fact table stores a basis as its index here, and `NO_FIGURE` for none. */
export const VALUE_BASES = ['signed', 'approved', 'estimate'] as const satisfies readonly ValueBasis[];
export const SIGNED = 0;
export const NO_FIGURE = VALUE_BASES.length;
/** 1 or 0 by basis code, to count and sum without a branch per deal. */
export const IS_KNOWN = Uint8Array.of(1, 1, 1, 0);
export const IS_SIGNED = Uint8Array.of(1, 0, 0, 0);

export function valueBasis(figure: MoneyFigure): ValueBasis {
  if (figure.kind === 'signed' && figure.confidence !== 'unconfirmed') return 'signed';
  if (figure.kind === 'approved' || figure.kind === 'notified') return 'approved';
  return 'estimate';
}
