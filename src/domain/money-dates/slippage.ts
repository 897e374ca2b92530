import {
  formatPartialDate,
  parsePartialDate,
  type ParsedPartialDate,
  type PartialDate,
} from './partial-date';

/**
 * Planned against actual (or now expected) dates, said only as precisely as the two dates allow:
 * "14 months late" when both name a month, "about 2 years late" or "3 to 14 months late" when one
 * names only a year, and "too imprecise to tell" when one date's span holds the other's.
 */

/** A partial date as a point on a continuous year axis: the middle of the span it names. */
export function dateToYearFraction(date: PartialDate): number {
  const parsed = parsePartialDate(date);
  if (!parsed) return Number.NaN;
  if (parsed.month === undefined) return parsed.year + 0.5;
  if (parsed.day === undefined) return parsed.year + (parsed.month - 0.5) / 12;
  return parsed.year + (parsed.month - 1) / 12 + (parsed.day - 0.5) / 365;
}

/** The span a partial date names on the same axis: a whole year, a month or a day, as [start, end). */
export function dateSpan(date: PartialDate): [number, number] {
  const parsed = parsePartialDate(date);
  if (!parsed) return [Number.NaN, Number.NaN];
  if (parsed.month === undefined) return [parsed.year, parsed.year + 1];
  const month = parsed.year + (parsed.month - 1) / 12;
  if (parsed.day === undefined) return [month, month + 1 / 12];
  const day = month + (parsed.day - 1) / 365;
  return [day, day + 1 / 365];
}

/** Today as a point on the same axis, at day precision, so two calls on one day agree. */
export function todayAsYearFraction(today: Date): number {
  const day = `${String(today.getUTCFullYear()).padStart(4, '0')}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-${String(today.getUTCDate()).padStart(2, '0')}`;
  return dateToYearFraction(day);
}

/**
 * The one rule for "expected, not yet happened": the middle of the span the date names lies after
 * today. The timeline draws such a milestone hollow; the deal page says "expected"; a slip against it
 * is a slip so far. `confidence` plays no part: it says how firm the sources are.
 */
export function isExpectedDate(date: PartialDate, today: number | Date): boolean {
  const now = typeof today === 'number' ? today : todayAsYearFraction(today);
  return dateToYearFraction(date) > now;
}

/** Late, early, on time, or unclear: the spans of the two dates overlap without one holding the other. */
export type SlipDirection = 'late' | 'early' | 'on-time' | 'unclear';

export interface Slippage {
  planned: PartialDate;
  /** The milestone's date: when it happened, or when it is now expected. */
  date: PartialDate;
  /** `date` is still to come, so this is the slip so far. */
  expected: boolean;
  direction: SlipDirection;
  /**
   * How far `date` lies after the plan in calendar months, as the smallest and largest the two
   * dates allow (negative: early). Equal when both name a month or a day.
   */
  months: { min: number; max: number };
  /** Whole days late (negative: early), only when both dates name a day. */
  days?: number;
  /** The coarser of the two dates' precisions: what the comparison can claim. */
  precision: 'day' | 'month' | 'year';
}

const monthIndex = (d: ParsedPartialDate, end: 'first' | 'last') =>
  d.year * 12 + (d.month !== undefined ? d.month - 1 : end === 'first' ? 0 : 11);

const dayNumber = (d: ParsedPartialDate) => Date.UTC(d.year, d.month! - 1, d.day) / 86_400_000;

/**
 * The slip from `planned` to `date`; undefined when either is not a valid partial date. A plan for a
 * year is met by any date in that year ("on time, in the planned year"), and a plan for a month by any
 * day in it; a date known only to the year against a plan for a month of that year is "unclear".
 */
export function slippage(
  planned: PartialDate,
  date: PartialDate,
  today: number | Date,
): Slippage | undefined {
  const p = parsePartialDate(planned);
  const d = parsePartialDate(date);
  if (!p || !d) return undefined;
  const expected = isExpectedDate(date, today);
  const min = monthIndex(d, 'first') - monthIndex(p, 'last');
  const max = monthIndex(d, 'last') - monthIndex(p, 'first');
  const base = { planned, date, expected, months: { min, max } };
  if (p.precision === 'day' && d.precision === 'day') {
    const days = dayNumber(d) - dayNumber(p);
    return { ...base, days, precision: 'day', direction: days > 0 ? 'late' : days < 0 ? 'early' : 'on-time' };
  }
  const precision = p.precision === 'year' || d.precision === 'year' ? 'year' : 'month';
  let direction: SlipDirection;
  if (min > 0) direction = 'late';
  else if (max < 0) direction = 'early';
  // The date's span lies inside the plan's: it met the plan, as precisely as the plan was made.
  else if (monthIndex(d, 'first') >= monthIndex(p, 'first') && monthIndex(d, 'last') <= monthIndex(p, 'last'))
    direction = 'on-time';
  else direction = 'unclear';
  return { ...base, precision, direction };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Whole calendar months between two day-precise dates, counted as a calendar would. */
function wholeMonths(from: ParsedPartialDate, to: ParsedPartialDate): number {
  const months = monthIndex(to, 'first') - monthIndex(from, 'first');
  if (months > 0 && to.day! < from.day!) return months - 1;
  if (months < 0 && to.day! > from.day!) return months + 1;
  return months;
}

/** "14 months", "about 2 years", "3 to 14 months", "12 days": how far, never more precise than known. */
export function slipAmount(slip: Slippage): string {
  if (slip.days !== undefined) {
    const days = Math.abs(slip.days);
    if (days < 62) return plural(days, 'day');
    const months = Math.abs(wholeMonths(parsePartialDate(slip.planned)!, parsePartialDate(slip.date)!));
    return plural(months, 'month');
  }
  const { min, max } = slip.months;
  const [near, far] = min >= 0 ? [min, max] : [-max, -min];
  if (near === far) return plural(near, 'month');
  const years = Math.abs(parsePartialDate(slip.date)!.year - parsePartialDate(slip.planned)!.year);
  if (years >= 2) return `about ${plural(years, 'year')}`;
  return `${near} to ${far} months`;
}

/**
 * The slip in a few words for a label: "14 months late", "on time (in the planned year)", "expected
 * 3 months later than planned", "no slip reported".
 */
export function describeSlip(slip: Slippage): string {
  const within =
    slip.precision === 'year'
      ? ' (in the planned year)'
      : slip.precision === 'month'
        ? ' (in the planned month)'
        : '';
  switch (slip.direction) {
    case 'unclear':
      return 'too imprecise to tell whether it slipped';
    case 'on-time':
      return slip.expected ? 'no slip reported' : `on time${within}`;
    case 'late':
      return slip.expected ? `expected ${slipAmount(slip)} later than planned` : `${slipAmount(slip)} late`;
    case 'early':
      return slip.expected
        ? `expected ${slipAmount(slip)} earlier than planned`
        : `${slipAmount(slip)} early`;
  }
}

/**
 * The slip as a sentence: "Planned for 2027, happened in March 2029: about 2 years late." or "Planned
 * for January 2029, expected in January 2029: no slip reported."
 */
export function slipSentence(slip: Slippage): string {
  const when = slip.expected ? 'expected in' : 'happened in';
  const date = formatPartialDate(slip.date, 'long');
  const on = parsePartialDate(slip.date)?.precision === 'day' ? when.replace(/ in$/, ' on') : when;
  const planned = formatPartialDate(slip.planned, 'long');
  return `Planned for ${planned}, ${on} ${date}: ${describeSlip(slip)}.`;
}
