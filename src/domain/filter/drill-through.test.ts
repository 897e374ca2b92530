import { describe, expect, it } from 'vitest';
import { makeDeal } from '../../test/deal-fixtures';
import { dealsOfBar, facetBar, tableFilterOfBar, yearBar } from './drill-through';
import { filterDeals } from './filter-engine';

const airSea = makeDeal({ id: 'air-sea', title: 'Air and sea', domains: ['air', 'maritime'] });
const sea = makeDeal({ id: 'sea', title: 'Sea', domains: ['maritime'], status: 'completed' });
const air = makeDeal({ id: 'air', title: 'Air', domains: ['air'], status: 'completed' });
const deals = [airSea, sea, air];

describe('dealsOfBar', () => {
  it("gives the view's deals that the bar stands for, in list order", () => {
    expect(dealsOfBar(deals, facetBar('domain', 'maritime')).map((d) => d.id)).toEqual(['air-sea', 'sea']);
    expect(dealsOfBar(deals, facetBar('status', 'completed')).map((d) => d.id)).toEqual(['sea', 'air']);
  });

  it('keeps the page filter: a two-domain deal in view under Air is the only one in its Maritime bar', () => {
    const visible = filterDeals(deals, { domain: ['air'] });
    expect(dealsOfBar(visible, facetBar('domain', 'maritime')).map((d) => d.id)).toEqual(['air-sea']);
  });
});

describe('tableFilterOfBar', () => {
  it('narrows the page filter to the bar where the table can show exactly those deals', () => {
    expect(tableFilterOfBar({ kind: ['purchase'] }, facetBar('status', 'completed'))).toEqual({
      kind: ['purchase'],
      status: ['completed'],
    });
    expect(
      tableFilterOfBar({ status: ['completed', 'in-delivery'] }, facetBar('status', 'completed')),
    ).toEqual({ status: ['completed'] });
    expect(tableFilterOfBar({ yearMin: 2010 }, yearBar(2016))).toEqual({ yearMin: 2016, yearMax: 2016 });
  });

  it('gives no link where a URL filter cannot say it: a deal may have several domains', () => {
    expect(tableFilterOfBar({ domain: ['air'] }, facetBar('domain', 'maritime'))).toBeUndefined();
    expect(tableFilterOfBar({ domain: ['air'] }, facetBar('domain', 'air'))).toEqual({ domain: ['air'] });
  });
});
