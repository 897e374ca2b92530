import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateSpan,
  describeSlip,
  isExpectedDate,
  slipAmount,
  slippage,
  slipSentence,
  todayAsYearFraction,
} from './slippage';

/** Seen from 1 Dec 2025, the data date of the seeds. */
const TODAY = new Date('2025-12-01T12:00:00Z');
const slip = (planned: string, date: string, today: Date = TODAY) => slippage(planned, date, today)!;
const words = (planned: string, date: string, today: Date = TODAY) =>
  describeSlip(slip(planned, date, today));

describe('slippage: both dates name a month or a day', () => {
  it('counts the months late when both name a month: "planned 2027, slipped 14 months"', () => {
    const s = slip('2023-01', '2024-03');
    expect(s).toMatchObject({ direction: 'late', precision: 'month', months: { min: 14, max: 14 } });
    expect(words('2023-01', '2024-03')).toBe('14 months late');
    expect(slipSentence(s)).toBe('Planned for January 2023, happened in March 2024: 14 months late.');
  });

  it('says early, on time in the month, and one month in the singular', () => {
    expect(words('2024-06', '2024-03')).toBe('3 months early');
    expect(words('2024-06', '2024-06')).toBe('on time (in the planned month)');
    expect(words('2024-06', '2024-07')).toBe('1 month late');
  });

  it('counts days when both name a day, and whole calendar months beyond two months', () => {
    expect(slip('2024-10-01', '2024-10-13')).toMatchObject({ direction: 'late', days: 12, precision: 'day' });
    expect(words('2024-10-01', '2024-10-13')).toBe('12 days late');
    expect(words('2024-10-13', '2024-10-12')).toBe('1 day early');
    expect(words('2024-10-13', '2024-10-13')).toBe('on time');
    // 15 Jan 2023 to 14 Mar 2024 is 13 whole months and 28 days: 13, not 14.
    expect(words('2023-01-15', '2024-03-14')).toBe('13 months late');
    expect(words('2023-01-15', '2024-03-15')).toBe('14 months late');
  });

  it('compares a day with a month at month precision', () => {
    expect(words('2024-06-10', '2024-06')).toBe('on time (in the planned month)');
    expect(words('2024-06', '2024-08-30')).toBe('2 months late');
  });
});

describe('slippage: one date known only to the year', () => {
  it('says "about 2 years late" for a year-only plan two or more years before', () => {
    const s = slip('2027', '2029-03', new Date('2030-01-01T00:00:00Z'));
    expect(s).toMatchObject({ direction: 'late', precision: 'year', months: { min: 15, max: 26 } });
    expect(slipAmount(s)).toBe('about 2 years');
    expect(slipSentence(s)).toBe('Planned for 2027, happened in March 2029: about 2 years late.');
  });

  it('gives the range of months when the years are next to each other, rather than claim a year', () => {
    expect(words('2027', '2028-03', new Date('2030-01-01T00:00:00Z'))).toBe('3 to 14 months late');
    expect(words('2027-06', '2028', new Date('2030-01-01T00:00:00Z'))).toBe('7 to 18 months late');
    expect(words('2021', '2020-06')).toBe('7 to 18 months early');
  });

  it('counts a date inside a year-only plan as on time', () => {
    expect(words('2025', '2025-10-31')).toBe('on time (in the planned year)');
    expect(words('2021', '2021')).toBe('on time (in the planned year)');
  });

  it('says it cannot tell when a year-only date holds a plan for one of its months', () => {
    const s = slip('2024-06', '2024');
    expect(s.direction).toBe('unclear');
    expect(describeSlip(s)).toBe('too imprecise to tell whether it slipped');
  });

  it('gives no slip for a date that is not a valid partial date', () => {
    expect(slippage('2024-13', '2025', TODAY)).toBeUndefined();
    expect(slippage('2024', 'soon', TODAY)).toBeUndefined();
  });
});

describe('slippage of a date still to come', () => {
  it('speaks of the expected date against the plan, as a slip so far', () => {
    expect(words('2029-01', '2029-01')).toBe('no slip reported');
    expect(words('2029-01', '2030-03')).toBe('expected 14 months later than planned');
    expect(words('2029', '2028-06')).toBe('expected 7 to 18 months earlier than planned');
    expect(slipSentence(slip('2029-01', '2029-01'))).toBe(
      'Planned for January 2029, expected in January 2029: no slip reported.',
    );
  });

  it('turns into an actual slip once today passes the date', () => {
    expect(words('2029-01', '2030-03', new Date('2030-04-01T00:00:00Z'))).toBe('14 months late');
  });

  it('gives the span a plan names, so a plan for a year is drawn as the whole year', () => {
    expect(dateSpan('2027')).toEqual([2027, 2028]);
    expect(dateSpan('2027-04')).toEqual([2027.25, 2027 + 4 / 12]);
    expect(dateSpan('2027-01-01')).toEqual([2027, 2027 + 1 / 365]);
  });

  it('uses the timeline’s rule: expected when the middle of the span lies after today', () => {
    expect(isExpectedDate('2029-01', new Date('2029-01-10T00:00:00Z'))).toBe(true);
    expect(isExpectedDate('2029-01', new Date('2029-01-20T00:00:00Z'))).toBe(false);
    expect(isExpectedDate('2025', todayAsYearFraction(new Date('2025-06-30T00:00:00Z')))).toBe(true);
    expect(isExpectedDate('2025', todayAsYearFraction(new Date('2025-07-03T00:00:00Z')))).toBe(false);
  });
});

describe('slippage over every pair of partial dates', () => {
  const partialDate = fc
    .record({
      year: fc.integer({ min: 1990, max: 2040 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      precision: fc.constantFrom('year', 'month', 'day'),
    })
    .map(({ year, month, day, precision }) => {
      const mm = String(month).padStart(2, '0');
      const dd = String(day).padStart(2, '0');
      return precision === 'year'
        ? `${year}`
        : precision === 'month'
          ? `${year}-${mm}`
          : `${year}-${mm}-${dd}`;
    });

  it('is late exactly when every reading of the two dates is late, and turns round when swapped', () => {
    fc.assert(
      fc.property(partialDate, partialDate, (a, b) => {
        const s = slip(a, b);
        const back = slip(b, a);
        expect(s.months.min).toBeLessThanOrEqual(s.months.max);
        // 0 - x, not -x: a slip of nothing is 0, never -0.
        expect(back.months).toEqual({ min: 0 - s.months.max, max: 0 - s.months.min });
        if (s.direction === 'late') expect(back.direction).toBe('early');
        if (s.direction === 'late' && s.precision !== 'day') expect(s.months.min).toBeGreaterThan(0);
        if (s.direction === 'early' && s.precision !== 'day') expect(s.months.max).toBeLessThan(0);
        // A claim to the month is made only when both dates name a month or a day.
        if (s.precision === 'year') expect([a, b].some((d) => d.length === 4)).toBe(true);
        // Never a zero or a negative amount in the words.
        if (s.direction === 'late' || s.direction === 'early')
          expect(slipAmount(s)).not.toMatch(/(^|\D)0 |-/);
      }),
    );
  });
});
