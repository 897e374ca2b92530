import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeDeal } from '../test/deal-fixtures';
import { DealList } from './deal-list';

describe('a list of deals', () => {
  it('names a deal with a 1 MB title in at most 200 characters, ending in "…"', () => {
    const title = 'LongTitle'.repeat(120_000);
    render(<DealList deals={[makeDeal({ id: 'huge', title }), makeDeal({ id: 'short' })]} label="Deals" />);
    const links = within(screen.getByRole('list', { name: 'Deals' }))
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual([`${title.slice(0, 199)}…`, 'Test deal']);
  });
});
