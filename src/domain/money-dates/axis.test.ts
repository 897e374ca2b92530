import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moneyAxisFormat, roundTicks } from './axis';

describe('roundTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten, from 0 to at least the largest value', () => {
    expect(roundTicks(12)).toEqual([0, 5, 10, 15]);
    expect(roundTicks(14)).toEqual([0, 5, 10, 15]);
    expect(roundTicks(21)).toEqual([0, 10, 20, 30]);
    expect(roundTicks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(roundTicks(3)).toEqual([0, 1, 2, 3]);
    expect(roundTicks(380)).toEqual([0, 100, 200, 300, 400]);
    expect(roundTicks(4.1e9, { whole: false })).toEqual([0, 2e9, 4e9, 6e9]);
  });

  it('never steps by a fraction of a deal, and gives an axis even when everything is 0', () => {
    expect(roundTicks(1)).toEqual([0, 1]);
    expect(roundTicks(2)).toEqual([0, 1, 2]);
    expect(roundTicks(0)).toEqual([0, 1]);
  });

  it('is round for any size: every step is 1, 2 or 5 times a power of ten', () => {
    for (let max = 1; max < 5000; max += 7) {
      const ticks = roundTicks(max);
      const step = ticks[1]! - ticks[0]!;
      expect(String(step)).toMatch(/^[125]0*$/);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});

describe('roundTicks for any maximum', () => {
  it('round steps from 0, covering it, a handful of ticks, for money as for counts', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e13, noNaN: true }), fc.boolean(), (max, whole) => {
        const ticks = roundTicks(max, { whole });
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeLessThanOrEqual(12);
        const step = ticks[1]! - ticks[0]!;
        const mantissa = Number((step / 10 ** Math.floor(Math.log10(step))).toPrecision(6));
        expect([1, 2, 5]).toContain(mantissa);
      }),
    );
  });
});

describe('moneyAxisFormat', () => {
  it('puts every tick in one unit with one number of decimals', () => {
    const ticks = [0, 5e8, 1e9, 1.5e9];
    expect(ticks.map(moneyAxisFormat(ticks, 'USD'))).toEqual(['$0.0 bn', '$0.5 bn', '$1.0 bn', '$1.5 bn']);
    const whole = [0, 2e9, 4e9, 6e9];
    expect(whole.map(moneyAxisFormat(whole, 'USD'))).toEqual(['$0 bn', '$2 bn', '$4 bn', '$6 bn']);
  });

  it('speaks crore for rupees, with Indian digit grouping', () => {
    const ticks = [0, 2e11, 4e11];
    expect(ticks.map(moneyAxisFormat(ticks, 'INR'))).toEqual(['₹0 cr', '₹20,000 cr', '₹40,000 cr']);
  });
});
