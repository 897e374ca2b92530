import { describe, expect, it } from 'vitest';
import { readKeyFigures } from './key-figures';

describe('readKeyFigures', () => {
  it('reads each term with its value and note, keeping a value and its extra line apart', () => {
    const page = document.createElement('section');
    page.innerHTML = `
      <dl class="kpis" aria-label="Key figures">
        <div class="kpi"><dt>Deals</dt><dd class="kpi__value">24</dd><dd class="kpi__note">Records matching.</dd></div>
        <div class="kpi"><dt>Known signed value</dt>
          <dd class="kpi__value">$16.6 billion<span class="kpi__extra">and ₹60,175 crore</span></dd>
          <dd class="kpi__note">Signed, supported figures: <b>10</b> deals.</dd></div>
      </dl>`;
    expect(readKeyFigures(page)).toEqual([
      { label: 'Deals', value: '24', note: 'Records matching.' },
      {
        label: 'Known signed value',
        value: '$16.6 billion and ₹60,175 crore',
        note: 'Signed, supported figures: 10 deals.',
      },
    ]);
  });

  it('gives nothing when the page has no key figures (the deals failed to load, say)', () => {
    expect(readKeyFigures(document.createElement('div'))).toEqual([]);
  });
});
