import { describe, expect, it } from 'vitest';
import { filterToParams, parseFilterParams, parseSortParam } from './filter-params';
import { toggleFacetValue, isEmptyFilter, type DealFilter } from '../filter/filter-model';

describe('filter query parameters', () => {
  it('round-trips a full filter through the URL', () => {
    const filter: DealFilter = {
      q: 'MQ-9B drones',
      status: ['contract-signed', 'in-delivery'],
      kind: ['purchase'],
      domain: ['maritime'],
      service: ['navy'],
      category: ['uav'],
      route: ['fms'],
      supplier: ['US'],
      buyer: ['IN'],
      party: ['General Atomics, Inc.'],
      yearMin: 2010,
      yearMax: 2024,
      valueMin: 1e9,
      valueMax: 5e9,
    };
    const { filter: back, problems } = parseFilterParams(
      new URLSearchParams(filterToParams(filter).toString()),
    );
    expect(problems).toEqual([]);
    expect(back).toEqual(filter);
  });

  it('ignores and reports values that do not fit, keeping the rest', () => {
    const { filter, problems } = parseFilterParams(
      new URLSearchParams('status=approved&status=bogus&yearMin=20x1&supplier=usa&valueMin=-5&q=drone'),
    );
    expect(filter).toEqual({ q: 'drone', status: ['approved'] });
    expect(problems.map((p) => p.param)).toEqual(['status', 'supplier', 'yearMin', 'valueMin']);
    expect(problems[0]!.message).toBe('"bogus" is not a known status');
  });

  it('drops an upper bound below the lower bound, with a notice', () => {
    const { filter, problems } = parseFilterParams(new URLSearchParams('yearMin=2020&yearMax=2010'));
    expect(filter).toEqual({ yearMin: 2020 });
    expect(problems).toEqual([{ param: 'yearMax', value: '2010', message: 'yearMax is below yearMin' }]);
  });

  it('reads multi-key sorts and reports unknown keys', () => {
    expect(parseSortParam('value:desc,title:asc,title:desc,size:up')).toEqual({
      sort: [
        { key: 'value', desc: true },
        { key: 'title', desc: false },
      ],
      problems: [
        { param: 'sort', value: 'size:up', message: '"size:up" is not a sort order (key:asc or key:desc)' },
      ],
    });
  });

  it('toggles a facet value on and off, as a chart click does', () => {
    const on = toggleFacetValue({}, 'service', 'navy');
    expect(on).toEqual({ service: ['navy'] });
    expect(isEmptyFilter(toggleFacetValue(on, 'service', 'navy'))).toBe(true);
  });
});
