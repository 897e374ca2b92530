import { describe, expect, it } from 'vitest';
import { median, p95, quantile, ratio, summarise } from './stats';

describe('benchmark statistics', () => {
  it('takes the middle sample, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('interpolates percentiles between ranks, whatever the input order', () => {
    expect(p95([1, 2, 3, 4])).toBeCloseTo(3.85, 10);
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(p95(hundred)).toBeCloseTo(95.05, 10);
    expect(quantile(hundred, 0)).toBe(1);
    expect(quantile(hundred, 1)).toBe(100);
  });

  it('is not moved by one slow outlier the way a mean is', () => {
    const samples = [...Array.from({ length: 29 }, () => 10), 900];
    const s = summarise(samples);
    expect(s.median).toBe(10);
    expect(s.mean).toBeCloseTo(39.67, 2);
    expect(s.max).toBe(900);
    expect(s.n).toBe(30);
  });

  it('refuses to summarise nothing and rejects quantiles outside 0–1', () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => quantile([1], 1.5)).toThrow(/from 0 to 1/);
  });

  it('gives a ratio only when the comparison exists', () => {
    expect(ratio(20, 100)).toBe(0.2);
    expect(ratio(1, 3)).toBe(0.33);
    expect(ratio(5, 0)).toBeUndefined();
    expect(ratio(Number.NaN, 4)).toBeUndefined();
  });
});
