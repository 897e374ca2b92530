import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import {
  CRORE,
  figureRange,
  formatCount,
  formatFigure,
  formatInr,
  formatMoney,
  formatUsd,
  headlineFigure,
  valueInCurrency,
} from './money';

describe('formatUsd', () => {
  it.each([
    [3.99e9, {}, '$3.99 billion'],
    [4e9, { approximate: true }, 'about $4 billion'],
    [716e6, {}, '$716 million'],
    [45.7e6, { compact: true }, '$45.7 m'],
    [2.6e9, { compact: true }, '$2.6 bn'],
    [4e9, { compact: true, approximate: true }, '~$4 bn'],
    [950_000, {}, '$950,000'],
    [36.2e12, {}, '$36.2 trillion'],
    [2.6e12, { compact: true }, '$2.6 tn'],
  ])('%d %o → %s', (amount, options, expected) => {
    expect(formatUsd(amount, options)).toBe(expected);
  });
});

describe('formatInr', () => {
  it.each([
    [34_500 * CRORE, {}, '₹34,500 crore'],
    [32_000 * CRORE, { compact: true }, '₹32,000 cr'],
    [2_70_000 * CRORE, {}, '₹2,70,000 crore'],
    [2_80_000 * CRORE, { compact: true }, '₹2.8 lakh cr'],
    [5_375 * CRORE, { approximate: true }, 'about ₹5,375 crore'],
    [50 * 1e5, {}, '₹50 lakh'],
    [12_345, {}, '₹12,345'],
  ])('%d %o → %s', (amount, options, expected) => {
    expect(formatInr(amount, options)).toBe(expected);
  });
});

describe('formatMoney', () => {
  it('uses the currency-specific format for USD and INR and a compact one for others', () => {
    expect(formatMoney(1e9, 'USD')).toBe('$1 billion');
    expect(formatMoney(1e9, 'INR')).toBe('₹100 crore');
    expect(formatMoney(2.5e9, 'EUR')).toBe('€2.5B');
  });
});

const figure = (id: string, amount: number, currency: string, extra: Record<string, unknown> = {}) => ({
  id,
  amount,
  currency,
  kind: 'estimate' as const,
  asOf: '2024',
  sourceIds: ['src'],
  ...extra,
});
const deal = (figures: ReturnType<typeof figure>[], headlineFigureId?: string) =>
  makeDeal({ figures, headlineFigureId });

describe('headline and values', () => {
  const mq9b = deal(
    [
      figure('pti', 4e9, 'USD', { kind: 'signed', approximate: true, asOf: '2024-10-15' }),
      figure('dsca', 3.99e9, 'USD', { kind: 'notified', asOf: '2024-02-01' }),
      figure('article', 3.5e9, 'USD', { kind: 'signed', confidence: 'unconfirmed', asOf: '2025-02-06' }),
      figure('inr', 32_000 * CRORE, 'INR', { kind: 'signed' }),
    ],
    'pti',
  );

  it('formats the headline figure with its approximation', () => {
    expect(formatFigure(headlineFigure(mq9b)!)).toBe('about $4 billion');
  });

  it('reports the spread where sources disagree', () => {
    expect(figureRange(mq9b, 'USD')).toEqual({ min: 3.5e9, max: 4e9, count: 3 });
    expect(figureRange(mq9b, 'EUR')).toBeUndefined();
  });

  it('values a deal in a currency without converting and without counting unconfirmed figures', () => {
    expect(valueInCurrency(mq9b, 'USD')).toBe(4e9);
    expect(valueInCurrency(mq9b, 'INR')).toBe(32_000 * CRORE);
    const onlyUnconfirmed = deal([figure('a', 3.5e9, 'USD', { confidence: 'unconfirmed' })], 'a');
    expect(valueInCurrency(onlyUnconfirmed, 'INR')).toBeUndefined();
    const rupeesOnly = deal([figure('r', 5_375 * CRORE, 'INR')], 'r');
    expect(valueInCurrency(rupeesOnly, 'USD')).toBeUndefined();
  });

  it('has no headline, and no value, when nothing is known (never zero)', () => {
    const unknown = deal([]);
    expect(headlineFigure(unknown)).toBeUndefined();
    expect(valueInCurrency(unknown, 'USD')).toBeUndefined();
  });
});

describe('formatting numbers out of range', () => {
  it.each([
    [Infinity, 'USD', 'unknown'],
    [NaN, 'USD', 'unknown'],
    [5e-324, 'USD', '< $1'],
    [0.4, 'USD', '< $1'],
    [0, 'USD', '$0'],
    [1e300, 'USD', 'more than $1,000 trillion'],
    [Infinity, 'INR', 'unknown'],
    [5e-324, 'INR', '< ₹1'],
    [0.004, 'INR', '< ₹1'],
    [1e300, 'INR', 'more than ₹1,000 lakh crore'],
    [NaN, 'EUR', 'unknown'],
    [0.001, 'EUR', '< €1'],
    [1e300, 'EUR', 'more than €1000T'],
  ])('%d %s → %s', (amount, currency, expected) => {
    expect(formatMoney(amount, currency)).toBe(expected);
  });

  it('never shows ∞, NaN, a runaway figure or a zero for a positive amount, in any currency or style', () => {
    fc.assert(
      fc.property(
        fc.double(),
        fc.constantFrom('USD', 'INR', 'EUR', 'GBP'),
        fc.boolean(),
        fc.boolean(),
        (amount, currency, compact, approximate) => {
          const text = formatMoney(amount, currency, { compact, approximate });
          expect(text).not.toMatch(/∞|NaN|Infinity/);
          expect(text.length).toBeLessThanOrEqual(40);
          if (amount > 0) expect(text).not.toMatch(/^(about |~)?\D?0(\D*)$/);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('shows an unknown count as unknown, not NaN', () => {
    expect(formatCount(NaN)).toBe('unknown');
    expect(formatCount(Infinity)).toBe('unknown');
    expect(formatCount(1_000_000)).toBe('1,000,000');
  });
});
