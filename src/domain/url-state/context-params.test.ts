import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTEXT_PARAMS } from '../model/api-contract';
import { parseContextParams } from './context-params';

const mockBuild = { realServer: false };
const parse = (search: string, options = mockBuild) =>
  parseContextParams(new URLSearchParams(search), options);

describe('parseContextParams', () => {
  it('passes on the values a demo link uses', () => {
    expect(parse('dataset=synthetic&size=100000&seed=7&mock=error&mockTimes=2').context).toEqual({
      dataset: 'synthetic',
      size: '100000',
      seed: '7',
      mock: 'error',
      mockTimes: '2',
    });
  });

  it.each([
    ['dataset=<script>alert(1)</script>', 'dataset', 'not a data set: use seed or synthetic'],
    ['size=1e12', 'size', 'size must be a whole number from 0 to 200,000'],
    ['size=-1', 'size', 'size must be a whole number from 0 to 200,000'],
    ['size=200001', 'size', 'size must be a whole number'],
    ['size=Infinity', 'size', 'size must be a whole number'],
    ['seed=NaN', 'seed', 'seed must be a whole number (32 bits)'],
    ['seed=99999999999', 'seed', 'seed must be a whole number (32 bits)'],
    ['mock=Your account is locked, call +1 555', 'mock', 'not a demo scenario'],
    ['mockTimes=1.5', 'mockTimes', 'mockTimes must be a whole number from 0 to 999'],
    ['delayMs=3600000', 'delayMs', 'delayMs must be a whole number of milliseconds'],
  ])('ignores %s and names it', (search, param, message) => {
    const { context, problems } = parse(search);
    expect(context).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]?.param).toBe(param);
    expect(problems[0]?.message).toContain(message);
  });

  it('passes the slow scenario its delay, which the README promises', () => {
    expect(parse('mock=slow&delayMs=3000').context).toEqual({ mock: 'slow', delayMs: '3000' });
  });

  it('keeps the good values beside a bad one', () => {
    expect(parse('dataset=synthetic&size=1e12&seed=3').context).toEqual({ dataset: 'synthetic', seed: '3' });
  });

  it('drops mock and mockTimes on a real-server build without a word', () => {
    expect(parse('mock=error&mockTimes=2&delayMs=5&dataset=seed', { realServer: true })).toEqual({
      context: { dataset: 'seed' },
      problems: [],
    });
    expect(parse('mock=<b>hacked</b>', { realServer: true }).problems).toEqual([]);
  });

  it('never throws on any input, and passes on only values that check again', () => {
    const name = fc.constantFrom(...CONTEXT_PARAMS, 'q', 'other');
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.string())), fc.boolean(), (pairs, realServer) => {
        const params = new URLSearchParams(pairs);
        const { context, problems } = parseContextParams(params, { realServer });
        // What passed is a fixed point: it checks again unchanged and with no problem.
        const again = parseContextParams(new URLSearchParams(context), {
          realServer,
        });
        expect(again).toEqual({ context, problems: [] });
        for (const problem of problems) expect(CONTEXT_PARAMS).toContain(problem.param);
        if (realServer) {
          expect(context.mock).toBeUndefined();
          expect(problems.filter((p) => p.param.startsWith('mock'))).toEqual([]);
        }
        if (context.size !== undefined) expect(Number(context.size)).toBeLessThanOrEqual(200_000);
      }),
      { numRuns: 500 },
    );
  });
});
