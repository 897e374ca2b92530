import { formatCount } from './money';

/**
 * Axis ticks from 0 at a round step (1, 2 or 5 × 10ⁿ, whole numbers for counts) with about `target`
 * intervals, so an axis reads 0 / 5 / 10 / 15, never 0 / 7 / 14 / 21. The last tick is at or above
 * `max`, so the longest bar ends inside the axis.
 */
export function roundTicks(max: number, { target = 4, whole = true } = {}): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const rough = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  let step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  if (whole) step = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    // Multiplying, not adding, keeps 0.1 steps from drifting to 0.30000000000000004.
    const tick = Number((i * step).toPrecision(12));
    ticks.push(tick);
    if (tick >= max) return ticks;
  }
}

const UNITS = {
  USD: [
    { at: 1e12, divide: 1e12, suffix: ' tn' },
    { at: 1e9, divide: 1e9, suffix: ' bn' },
    { at: 1e6, divide: 1e6, suffix: ' m' },
    { at: 0, divide: 1, suffix: '' },
  ],
  // Indian units: crore (10⁷) up to a lakh crore (10¹²).
  INR: [
    { at: 1e12, divide: 1e12, suffix: ' lakh cr' },
    { at: 1e7, divide: 1e7, suffix: ' cr' },
    { at: 0, divide: 1, suffix: '' },
  ],
} as const;

function fractionDigits(value: number): number {
  return String(Number(value.toFixed(6))).split('.')[1]?.length ?? 0;
}

/**
 * One number format for a whole money axis: every tick in the unit of the largest and with the same
 * decimals ("$0 bn, $0.5 bn, $1 bn" would mix; "$0.0 bn … $1.5 bn" reads as one scale), where a
 * per-tick format gives "$500 m" beside "$1 bn".
 */
export function moneyAxisFormat(ticks: readonly number[], currency: string): (value: number) => string {
  const top = Math.max(0, ...ticks);
  const units = currency === 'INR' ? UNITS.INR : UNITS.USD;
  const unit = units.find((u) => top >= u.at) ?? units[units.length - 1]!;
  const symbol = currency === 'INR' ? '₹' : currency === 'USD' ? '$' : `${currency} `;
  const decimals = Math.min(3, Math.max(0, ...ticks.map((t) => fractionDigits(t / unit.divide))));
  const format = new Intl.NumberFormat(currency === 'INR' ? 'en-IN' : 'en', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
  return (value: number) => `${symbol}${format.format(value / unit.divide)}${unit.suffix}`;
}

/** Counts on an axis: whole numbers with thousands separators, as everywhere else on the page. */
export const countAxisFormat = (value: number): string => formatCount(value);
