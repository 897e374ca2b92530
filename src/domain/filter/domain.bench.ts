import { bench, describe } from 'vitest';
import { filterDeals, filterWithFacetCounts } from './filter-engine';
import { buildIndex } from './filter-index';
import { parseDeals } from '../model/parse-deals';
import { sortDeals } from './sort';
import { generateSyntheticDeals } from '../synthetic/synthetic';

// Figures for the record, not pass/fail: `npm run bench`. One 100,000-deal set is shared.
const deals = generateSyntheticDeals({ size: 100_000 });
const wire = JSON.parse(JSON.stringify(deals)) as unknown[];

describe('100,000 synthetic deals', () => {
  bench('generate', () => void generateSyntheticDeals({ size: 100_000 }), { iterations: 3 });
  bench('validate (parseDeals, as the client does)', () => void parseDeals(wire), { iterations: 3 });
  bench('text search "helicopter"', () => void filterDeals(deals, { q: 'helicopter' }));
  bench(
    'facets: status + domain + year range',
    () =>
      void filterDeals(deals, {
        status: ['contract-signed', 'in-delivery'],
        domain: ['air'],
        yearMin: 2010,
        yearMax: 2020,
      }),
  );
  bench('build the filter index', () => void buildIndex(deals), { iterations: 3 });
  // The index is cached per array: these reuse the one built for `deals`. Target: one frame, <= 10 ms.
  bench('with facet counts: no filter', () => void filterWithFacetCounts(deals, {}));
  bench('with facet counts: one-token search "helicopter"', () => {
    void filterWithFacetCounts(deals, { q: 'helicopter' });
  });
  bench('with facet counts: one-letter search', () => void filterWithFacetCounts(deals, { q: 'q' }));
  bench('with facet counts: one facet value (status)', () => {
    void filterWithFacetCounts(deals, { status: ['contract-signed'] });
  });
  bench('with facet counts: two facets', () => {
    void filterWithFacetCounts(deals, { status: ['contract-signed'], domain: ['air'] });
  });
  bench('with facet counts: search and facet', () => {
    void filterWithFacetCounts(deals, { q: 'for IN', status: ['completed'] });
  });
  bench('with facet counts: search, two facets and a year range', () => {
    void filterWithFacetCounts(deals, { q: 'helicopter', domain: ['air'], route: ['fms'], yearMin: 2015 });
  });
  bench('sort by value, descending', () => void sortDeals(deals, [{ key: 'value', desc: true }]), {
    iterations: 5,
  });
});
