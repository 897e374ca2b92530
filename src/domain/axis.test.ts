import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceCountTicks, niceTicks } from './axis';

describe('axis ticks', () => {
  it('step at 1, 2 or 5 times a power of ten and reach the largest value', () => {
    expect(niceTicks(140)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(159)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(4.1e9)).toEqual([0, 2e9, 4e9, 6e9]);
    expect(niceTicks(4.1e9, 5)).toEqual([0, 1e9, 2e9, 3e9, 4e9, 5e9]);
    expect(niceCountTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it('for any positive maximum: round steps, from 0, covering it, a handful of ticks', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e13, noNaN: true }), (max) => {
        const ticks = niceTicks(max);
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
