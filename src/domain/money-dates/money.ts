import type { Deal, MoneyFigure } from '../model/deal-schema';

export const LAKH = 1e5;
export const CRORE = 1e7;

export interface MoneyFormatOptions {
  /** "$3.99 bn", "₹34,500 cr" for tight spaces such as axes. */
  compact?: boolean;
  /** The source gave a round or bounded figure ("about", "nearly"). */
  approximate?: boolean;
}

// Formatters are built once: constructing Intl.NumberFormat per call is slow at 100,000 rows.
const threeSignificant = new Intl.NumberFormat('en', { maximumSignificantDigits: 3 });
const wholeUsd = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const indian = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 2 });
const otherCurrency = new Map<string, Intl.NumberFormat>();
const counting = new Intl.NumberFormat('en');

/** "12,345": a count or quantity with thousands separators, as Number#toLocaleString does, but without
 * building a formatter per call (facet counts and table cells call it hundreds of times a keystroke). */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? counting.format(n) : 'unknown';
}

/**
 * Above this no sum of plausible deals goes (a record holds at most 1e13 units): a larger figure is
 * shown as a bound, not as dozens of digits.
 */
const DISPLAY_CEILING = 1e15;

/**
 * What to show instead of a number that would mislead: ∞ or NaN, a positive amount that would round
 * to "$0", or a runaway figure. Undefined when the amount can be formatted as it is.
 */
function outOfRange(
  amount: number,
  one: string,
  ceiling: string,
  options: MoneyFormatOptions,
): string | undefined {
  if (!Number.isFinite(amount)) return 'unknown';
  if (amount > 0 && amount < 1) return `< ${one}`;
  if (amount > DISPLAY_CEILING) return options.compact ? `> ${ceiling}` : `more than ${ceiling}`;
  return undefined;
}

function approximately(text: string, options: MoneyFormatOptions): string {
  if (!options.approximate) return text;
  return options.compact ? `~${text}` : `about ${text}`;
}

export function formatUsd(amount: number, options: MoneyFormatOptions = {}): string {
  // A difference can be negative; the guards below then apply to its size.
  if (amount < 0) return `−${formatUsd(-amount, options)}`;
  const bound = outOfRange(amount, '$1', options.compact ? '$1,000 tn' : '$1,000 trillion', options);
  if (bound !== undefined) return bound;
  let text: string;
  if (amount >= 1e12)
    text = `$${threeSignificant.format(amount / 1e12)}${options.compact ? ' tn' : ' trillion'}`;
  else if (amount >= 1e9)
    text = `$${threeSignificant.format(amount / 1e9)}${options.compact ? ' bn' : ' billion'}`;
  else if (amount >= 1e6)
    text = `$${threeSignificant.format(amount / 1e6)}${options.compact ? ' m' : ' million'}`;
  else text = `$${wholeUsd.format(amount)}`;
  return approximately(text, options);
}

/** Indian units with Indian digit grouping: "₹34,500 crore", "₹2,70,000 crore", "₹50 lakh". */
export function formatInr(amount: number, options: MoneyFormatOptions = {}): string {
  if (amount < 0) return `−${formatInr(-amount, options)}`;
  const bound = outOfRange(amount, '₹1', options.compact ? '₹1,000 lakh cr' : '₹1,000 lakh crore', options);
  if (bound !== undefined) return bound;
  let text: string;
  // On an axis, "₹2.8 lakh cr" reads better than "₹2,80,000 cr"; in prose the crore figure is the norm.
  if (options.compact && amount >= LAKH * CRORE)
    text = `₹${threeSignificant.format(amount / (LAKH * CRORE))} lakh cr`;
  else if (amount >= CRORE) text = `₹${indian.format(amount / CRORE)}${options.compact ? ' cr' : ' crore'}`;
  else if (amount >= LAKH) text = `₹${indian.format(amount / LAKH)} lakh`;
  else text = `₹${indian.format(amount)}`;
  return approximately(text, options);
}

export function formatMoney(amount: number, currency: string, options: MoneyFormatOptions = {}): string {
  if (amount < 0) return `−${formatMoney(-amount, currency, options)}`;
  if (currency === 'USD') return formatUsd(amount, options);
  if (currency === 'INR') return formatInr(amount, options);
  let formatter = otherCurrency.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en', { style: 'currency', currency, notation: 'compact' });
    otherCurrency.set(currency, formatter);
  }
  const bound = outOfRange(amount, formatter.format(1), formatter.format(DISPLAY_CEILING), options);
  if (bound !== undefined) return bound;
  return approximately(formatter.format(amount), options);
}

export function formatFigure(
  figure: MoneyFigure,
  options: Omit<MoneyFormatOptions, 'approximate'> = {},
): string {
  return formatMoney(figure.amount, figure.currency, { ...options, approximate: figure.approximate });
}

/** The figure the deal names as its headline; undefined when no value is known (never 0). */
export function headlineFigure(deal: Deal): MoneyFigure | undefined {
  if (deal.headlineFigureId === undefined) return undefined;
  return deal.figures.find((f) => f.id === deal.headlineFigureId);
}

/** The spread of the deal's figures in one currency: where sources disagree, by how much. */
export function figureRange(
  deal: Deal,
  currency: string,
): { min: number; max: number; count: number } | undefined {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (const figure of deal.figures) {
    if (figure.currency !== currency) continue;
    min = Math.min(min, figure.amount);
    max = Math.max(max, figure.amount);
    count++;
  }
  return count === 0 ? undefined : { min, max, count };
}

/**
 * The figure to chart or filter a deal by in one currency: the headline figure when it is in that
 * currency, else the latest supported figure in it (signed figures first). Nothing is converted at
 * an exchange rate the sources do not state, so a deal reported only in rupees has no dollar value.
 */
export function figureInCurrency(deal: Deal, currency: string): MoneyFigure | undefined {
  const headline = headlineFigure(deal);
  if (headline?.currency === currency) return headline;
  let best: MoneyFigure | undefined;
  const rank = (f: MoneyFigure) => (f.kind === 'signed' ? 1 : 0);
  for (const figure of deal.figures) {
    if (figure.currency !== currency || figure.confidence === 'unconfirmed') continue;
    if (!best || rank(figure) > rank(best) || (rank(figure) === rank(best) && figure.asOf > best.asOf))
      best = figure;
  }
  return best;
}

export function valueInCurrency(deal: Deal, currency: string): number | undefined {
  return figureInCurrency(deal, currency)?.amount;
}
