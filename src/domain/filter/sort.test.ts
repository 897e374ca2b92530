import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { sortDeals } from './sort';

const figure = (amount: number) => ({
  figures: [{ id: 'f', amount, currency: 'USD', kind: 'signed' as const, asOf: '2020', sourceIds: ['src'] }],
  headlineFigureId: 'f',
});
const cheap = makeDeal({ id: 'cheap', title: 'Bravo', ...figure(1e6) });
const dear = makeDeal({ id: 'dear', title: 'alpha', ...figure(4e9) });
const unknown = makeDeal({ id: 'unknown', title: 'Charlie' });

describe('sortDeals', () => {
  it('puts unknown values last whichever the direction', () => {
    expect(sortDeals([unknown, cheap, dear], [{ key: 'value', desc: false }]).map((d) => d.id)).toEqual([
      'cheap',
      'dear',
      'unknown',
    ]);
    expect(sortDeals([unknown, cheap, dear], [{ key: 'value', desc: true }]).map((d) => d.id)).toEqual([
      'dear',
      'cheap',
      'unknown',
    ]);
  });

  it('sorts titles without regard to case', () => {
    expect(sortDeals([unknown, cheap, dear], [{ key: 'title', desc: false }]).map((d) => d.id)).toEqual([
      'dear',
      'cheap',
      'unknown',
    ]);
  });

  it('breaks ties with the next key and keeps the input order last', () => {
    const a = makeDeal({ id: 'a', status: 'completed' });
    const b = makeDeal({ id: 'b', status: 'announced' });
    const c = makeDeal({ id: 'c', status: 'completed' });
    expect(sortDeals([a, b, c], [{ key: 'status', desc: true }]).map((d) => d.id)).toEqual(['a', 'c', 'b']);
    expect(sortDeals([a, b, c], []).map((d) => d.id)).toEqual(['a', 'b', 'c']);
  });
});
