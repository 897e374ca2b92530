import { describe, expect, it } from 'vitest';
import { describeFilter, filterChips } from './filter-chips';

describe('filter summaries', () => {
  it('name every active filter in words, for chips, subtitles and file names', () => {
    expect(describeFilter({})).toBe('All deals');
    expect(
      describeFilter({
        q: ' drones ',
        service: ['navy', 'air-force'],
        supplier: ['US'],
        yearMin: 2015,
        valueMax: 4e9,
      }),
    ).toBe(
      'Search: “\u2068drones\u2069” · Service: Navy · Service: Air Force · Supplier: United States · Year: 2015–… · Value (USD): …–$4 bn',
    );
  });

  it('make each chip remove only its own value', () => {
    const chips = filterChips({ status: ['completed', 'approved'], yearMin: 2010, yearMax: 2020 });
    expect(chips.map((c) => c.label)).toEqual(['Status: Completed', 'Status: Approved', 'Year: 2010–2020']);
    expect(chips[0]!.without).toEqual({ status: ['approved'], yearMin: 2010, yearMax: 2020 });
    expect(chips[2]!.without).toEqual({
      status: ['completed', 'approved'],
      yearMin: undefined,
      yearMax: undefined,
    });
  });
});
