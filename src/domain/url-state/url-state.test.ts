import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEAL_KINDS, DEAL_STATUSES, SERVICE_FILTER_VALUES } from '../model/vocabulary';
import { SORT_KEYS } from '../filter/sort';
import {
  COLUMN_IDS,
  DEFAULT_COLUMNS,
  linkSearch,
  parseUrlState,
  readableSearch,
  writeUrlState,
  type UrlState,
} from './url-state';

const unique = <T>(values: fc.Arbitrary<T>) => fc.uniqueArray(values, { maxLength: 3 });
const State: fc.Arbitrary<UrlState> = fc.record({
  context: fc.oneof(
    fc.constant({}),
    fc.record({ dataset: fc.constant('synthetic'), size: fc.integer({ min: 0, max: 200_000 }).map(String) }),
  ),
  filter: fc.record(
    {
      q: fc.string({ minLength: 1 }).filter((q) => q.trim() !== ''),
      status: unique(fc.constantFrom(...DEAL_STATUSES)).filter((v) => v.length > 0),
      kind: unique(fc.constantFrom(...DEAL_KINDS)).filter((v) => v.length > 0),
      service: unique(fc.constantFrom(...SERVICE_FILTER_VALUES)).filter((v) => v.length > 0),
      yearMin: fc.integer({ min: 1990, max: 2040 }),
    },
    { requiredKeys: [] },
  ),
  sort: fc
    .uniqueArray(fc.constantFrom(...SORT_KEYS), { maxLength: 3 })
    .chain((keys) => fc.tuple(...keys.map((key) => fc.boolean().map((desc) => ({ key, desc }))))),
  columns: fc
    .subarray([...COLUMN_IDS])
    .map((cols) => COLUMN_IDS.filter((c) => c === 'title' || cols.includes(c))),
  currency: fc.constantFrom('USD', 'INR'),
  slide: fc.option(fc.integer({ min: 1, max: 12 }).map(String), { nil: undefined }),
  tab: fc.constantFrom('overview', 'history'),
});

describe('the URL state schema', () => {
  it('reads back whatever it wrote, part by part, with nothing reported', () => {
    fc.assert(
      fc.property(State, (state) => {
        const { state: read, problems } = parseUrlState(writeUrlState(state));
        expect(problems).toEqual([]);
        expect(read).toEqual(state);
      }),
    );
  });

  it('writes the defaults as no parameter at all', () => {
    const defaults: UrlState = {
      context: {},
      filter: {},
      sort: [],
      columns: [...DEFAULT_COLUMNS],
      currency: 'USD',
      slide: undefined,
      tab: 'overview',
    };
    expect(writeUrlState(defaults).toString()).toBe('');
    expect(parseUrlState(new URLSearchParams()).state).toEqual(defaults);
  });

  it('keeps the links of today: every parameter means what it meant', () => {
    const url = new URLSearchParams(
      'dataset=synthetic&size=1000&status=completed&q=mq&sort=value:desc&cols=title,value&currency=INR&slide=3&tab=history',
    );
    const { state, problems } = parseUrlState(url);
    expect(problems).toEqual([]);
    expect(state).toEqual({
      context: { dataset: 'synthetic', size: '1000' },
      filter: { q: 'mq', status: ['completed'] },
      sort: [{ key: 'value', desc: true }],
      columns: ['title', 'value'],
      currency: 'INR',
      slide: '3',
      tab: 'history',
    });
  });

  it('names every garbled value, from whichever part, and keeps the rest', () => {
    const { state, problems } = parseUrlState(
      new URLSearchParams(
        'size=lots&status=maybe&status=completed&sort=price:up&cols=title,colour&yearMin=x',
      ),
    );
    expect(problems.map((p) => [p.param, p.value])).toEqual([
      ['size', 'lots'],
      ['status', 'maybe'],
      ['yearMin', 'x'],
      ['sort', 'price:up'],
      ['cols', 'colour'],
    ]);
    expect(state.filter).toEqual({ status: ['completed'] });
    expect(state.columns).toEqual(['title']);
  });

  it('replaces one part and leaves every other parameter, unknown ones too, where it was', () => {
    const base = new URLSearchParams('sort=title:asc&utm=x&q=old&dataset=seed');
    expect(readableSearch(writeUrlState({ sort: [{ key: 'value', desc: true }] }, base))).toBe(
      'sort=value:desc&utm=x&q=old&dataset=seed',
    );
    expect(readableSearch(writeUrlState({ filter: { q: 'new' } }, base))).toBe(
      'sort=title:asc&utm=x&dataset=seed&q=new',
    );
  });

  it('decides in one place what each kind of link carries', () => {
    const page = new URLSearchParams(
      'dataset=synthetic&size=500&status=completed&sort=value:desc&cols=title&currency=INR&slide=2&tab=history&utm=x',
    );
    const carried = (kind: Parameters<typeof linkSearch>[0]) => [
      ...new URLSearchParams(linkSearch(kind, page)).keys(),
    ];
    expect(carried('context')).toEqual(['dataset', 'size']);
    expect(carried('nav')).toEqual(['dataset', 'size', 'status']);
    expect(carried('deal')).toEqual(['dataset', 'size', 'status', 'sort', 'cols', 'currency']);
    expect(linkSearch('chart', page, { filter: { kind: ['lease'] } })).toBe(
      '?dataset=synthetic&size=500&sort=value:desc&cols=title&kind=lease',
    );
    // A bad data set is not spread by links; a bad filter value is, to be named on the next page too.
    const bad = new URLSearchParams('size=lots&status=maybe');
    expect(linkSearch('nav', bad)).toBe('?status=maybe');
  });
});
