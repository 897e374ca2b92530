import { describe, expect, it } from 'vitest';
import { dealCountText } from './deal-count';

describe('the deal count in a page head', () => {
  const deals = Array.from({ length: 1000 }, (_, i) => i);

  it('says how many of all the deals the filters keep', () => {
    expect(dealCountText(6, { deals: deals.slice(0, 24), total: 24, complete: true })).toBe('6 of 24 deals');
  });

  it('never contradicts the server: a partial list says how many arrived of how many', () => {
    expect(dealCountText(1000, { deals, total: 2500, complete: false })).toBe(
      '1,000 of 1,000 deals received (the server reports 2,500)',
    );
  });
});
