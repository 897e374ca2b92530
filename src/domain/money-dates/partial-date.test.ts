import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  formatPartialDate,
  parsePartialDate,
  PartialDate,
  yearOf,
} from './partial-date';

describe('partial dates', () => {
  it.each([
    ['2024-10-15', 'short', '15 Oct 2024'],
    ['2024-10-15', 'long', '15 October 2024'],
    ['2023-06', 'short', 'June 2023'],
    ['2023-06', 'compact', 'Jun 2023'],
    ['2011', 'long', '2011'],
  ] as const)('%s (%s) is shown as %s, no more precisely than known', (value, style, expected) => {
    expect(formatPartialDate(value, style)).toBe(expected);
  });

  it('knows the precision of each form', () => {
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29, precision: 'day' });
    expect(parsePartialDate('2023-06')?.precision).toBe('month');
    expect(parsePartialDate('2011')?.precision).toBe('year');
    expect(yearOf('2023-06')).toBe(2023);
  });

  it.each([
    '1899-12-31',
    '2101',
    '0000',
    '9999-01-01',
    '2023-02-29',
    '2024-13',
    '2024-00-10',
    '24-01-01',
    '2024/01/01',
    '',
    '2024-1-5',
  ])('rejects %j', (value) => {
    expect(parsePartialDate(value)).toBeUndefined();
    expect(PartialDate.safeParse(value).success).toBe(false);
  });

  it('sorts chronologically, a year before the months within it', () => {
    const dates = ['2024-10-15', '2011', '2024', '2023-06', '2024-02-01'];
    expect([...dates].sort(comparePartialDates)).toEqual([
      '2011',
      '2023-06',
      '2024',
      '2024-02-01',
      '2024-10-15',
    ]);
  });
});
