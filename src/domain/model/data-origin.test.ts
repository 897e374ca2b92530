import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { SEED } from '../../../seeds/expected';
import { sipriRecord } from '../../test/sipri-records';
import { filterWithFacetCounts } from '../filter/filter-engine';
import { parseFilterParams, filterToParams } from '../url-state/filter-params';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import { parseDeals } from './parse-deals';

const seeds = parseDeals(seedRecords).deals;
const sipri = Array.from({ length: 50 }, (_, n) => sipriRecord(n));
const synthetic = generateSyntheticDeals({ size: 20 });

describe('the Data origin facet', () => {
  it('tells entered, generated and imported records apart, with counts', () => {
    const all = [...seeds, ...sipri, ...synthetic];
    const { deals, counts } = filterWithFacetCounts(all, { origin: ['sipri'] });
    expect(deals).toEqual(sipri);
    expect(Object.fromEntries(counts.origin)).toEqual({
      tracker: SEED.deals,
      sipri: sipri.length,
      generated: synthetic.length,
    });
    expect(filterWithFacetCounts(all, { origin: ['tracker', 'generated'] }).deals).toHaveLength(
      SEED.deals + synthetic.length,
    );
  });

  it('travels in the URL, and a value it does not know is ignored', () => {
    const params = filterToParams({ origin: ['sipri'] });
    expect(params.toString()).toBe('origin=sipri');
    expect(parseFilterParams(new URLSearchParams('origin=sipri&origin=bogus')).filter).toEqual({
      origin: ['sipri'],
    });
  });
});
