import { z } from '../model/zod';

/** A date known to the day ("2024-10-15"), the month ("2023-06") or only the year ("2011"). */
export type DatePrecision = 'day' | 'month' | 'year';

export interface ParsedPartialDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

/** Years a deal record may name: anything outside is a typo or garbage, not procurement history. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parsePartialDate(value: string): ParsedPartialDate | undefined {
  const match = PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  if (match[2] === undefined) return { year, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  if (match[3] === undefined) return { year, month, precision: 'month' };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day, precision: 'day' };
}

export const PartialDate = z.string().check(
  z.refine((value) => parsePartialDate(value) !== undefined, {
    message: `expected a date as YYYY, YYYY-MM or YYYY-MM-DD with a real month and day, and a year from ${MIN_YEAR} to ${MAX_YEAR}`,
  }),
);
export type PartialDate = z.infer<typeof PartialDate>;

/** The year of a partial date; it is always known. Strings are validated, so slicing is safe. */
export function yearOf(value: PartialDate): number {
  return Number(value.slice(0, 4));
}

const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "15 Oct 2024", "June 2023", "2011": a date is shown only as precisely as it is known. */
export function formatPartialDate(value: PartialDate, style: 'short' | 'long' | 'compact' = 'short'): string {
  const parsed = parsePartialDate(value);
  if (!parsed) return value;
  const monthName = parsed.month ? MONTHS_LONG[parsed.month - 1]! : '';
  // 'short' abbreviates the month only beside a day ("15 Oct 2024", "June 2023"); 'compact' always does.
  const month =
    style === 'compact' || (style === 'short' && parsed.precision === 'day')
      ? monthName.slice(0, 3)
      : monthName;
  switch (parsed.precision) {
    case 'year':
      return String(parsed.year);
    case 'month':
      return `${month} ${parsed.year}`;
    case 'day':
      return `${parsed.day} ${month} ${parsed.year}`;
  }
}

/** Orders partial dates chronologically; a less precise date sorts before a more precise one in its span. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
