import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { dealYear, parseDeals } from '../../domain';
import { renderApp } from '../../test/render-app';

const bar = () => screen.getByRole('group', { name: 'Filter the dashboard' });

// The whole app loads for each test: on a shared 2-core machine that alone can take 3 s.
describe('the dashboard filter bar', { timeout: 15_000 }, () => {
  it('choosing Navy puts it in the URL and in every chart subtitle, with counts per option', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await screen.findByRole('heading', { name: 'Deals by lifecycle stage' });
    await user.click(within(bar()).getByRole('button', { name: /^Service/ }));
    const navy = within(bar()).getByRole('checkbox', { name: /^Navy \d+ deals?$/ });
    // "Service not known" is an option of its own, not dropped.
    expect(
      within(bar()).getByRole('checkbox', { name: /^Service not known \d+ deals?$/ }),
    ).toBeInTheDocument();
    await user.click(navy);
    await waitFor(() => expect(router.state.location.search).toBe('?service=navy'));
    const stages = screen.getByRole('figure', { name: /Deals by lifecycle stage/ });
    expect(within(stages).getByText(/^Service: Navy · /)).toBeInTheDocument();
    expect(within(bar()).getByRole('button', { name: /^Service: Navy/ })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
    expect(within(bar()).getByRole('checkbox', { name: /^Navy/ })).toBeChecked();
  });

  it('opens and closes by keyboard: Escape closes the menu and gives the focus back to its button', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('heading', { name: 'Deals by lifecycle stage' });
    const status = within(bar()).getByRole('button', { name: /^Status/ });
    status.focus();
    await user.keyboard('{Enter}');
    expect(status).toHaveAttribute('aria-expanded', 'true');
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName(/^Announced \d+ deals?$/);
    await user.keyboard('{Escape}');
    expect(status).toHaveAttribute('aria-expanded', 'false');
    expect(within(bar()).queryByRole('checkbox')).toBeNull();
    expect(status).toHaveFocus();
  });

  it('a press outside closes an open menu', async () => {
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('heading', { name: 'Deals by lifecycle stage' });
    await user.click(within(bar()).getByRole('button', { name: /^Kind/ }));
    expect(within(bar()).getAllByRole('checkbox').length).toBeGreaterThan(2);
    await user.click(screen.getByRole('heading', { name: 'Dashboard' }));
    expect(within(bar()).queryByRole('checkbox')).toBeNull();
  });

  it('sets a year range in the URL, and keeps it the right way round', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await screen.findByRole('heading', { name: 'Deals by lifecycle stage' });
    // Every year from the seeds' earliest deal year to their latest, and only those.
    const known = parseDeals(seedRecords)
      .deals.map(dealYear)
      .filter((y): y is number => y !== undefined);
    const [lo, hi] = [Math.min(...known), Math.max(...known)];
    const from = within(bar()).getByRole('combobox', { name: 'Years from' });
    const years = within(from)
      .getAllByRole('option')
      .map((o) => Number(o.textContent))
      .filter((y) => !Number.isNaN(y));
    expect(years).toEqual(Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));
    await user.selectOptions(from, '2016');
    await waitFor(() => expect(router.state.location.search).toBe('?yearMin=2016'));
    await user.selectOptions(within(bar()).getByRole('combobox', { name: 'Years to' }), '2010');
    await waitFor(() => expect(router.state.location.search).toBe('?yearMin=2010&yearMax=2010'));
    expect(screen.getByRole('button', { name: 'Remove filter Year: 2010–2010' })).toBeInTheDocument();
  });
});
