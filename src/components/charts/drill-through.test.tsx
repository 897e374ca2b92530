import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render-app';

// The whole app loads for each test: on a shared 2-core machine that alone can take 3 s.
describe('drill-through from a chart to its deals', { timeout: 15_000 }, () => {
  it('lists a stage’s deals as links by keyboard, keeping the view, and Escape gives the focus back', async () => {
    const user = userEvent.setup();
    renderApp('/?kind=purchase');
    const stages = await screen.findByRole('figure', { name: /Deals by lifecycle stage/ });
    await user.click(within(stages).getByRole('button', { name: 'Show as table' }));
    const list = within(stages).getByRole('button', { name: /^(List|Hide) the \d+ deals?: Completed$/ });
    list.focus();
    await user.keyboard('{Enter}');
    expect(list).toHaveAttribute('aria-expanded', 'true');
    const deals = within(stages).getByRole('list', { name: 'Deals: Completed' });
    const links = within(deals).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    // Each goes to its deal and keeps the dashboard's filter in the query string.
    for (const link of links) expect(link.getAttribute('href')).toMatch(/^\/deals\/[^/?]+\?kind=purchase$/);
    expect(within(stages).getByText(/^Completed: \d+ deals?$/)).toBeInTheDocument();
    // The number listed is the number in the row.
    const row = list.closest('tr')!;
    expect(row.querySelector('td.num')!.textContent).toBe(String(links.length));

    await user.tab();
    expect(links[0]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(within(stages).queryByRole('list', { name: 'Deals: Completed' })).toBeNull();
    expect(list).toHaveFocus();
  });

  it('links a domain’s deals to the same deals in the table where the table can show exactly them', async () => {
    const user = userEvent.setup();
    renderApp('/?status=completed');
    const breakdown = await screen.findByRole('figure', { name: /Deals by domain/ });
    await user.click(within(breakdown).getByRole('button', { name: 'Show as table' }));
    await user.click(within(breakdown).getByRole('button', { name: /^List the \d+ deals?: Air$/ }));
    expect(within(breakdown).getAllByRole('link', { name: /.+/ }).length).toBeGreaterThan(1);
    expect(within(breakdown).getByRole('link', { name: 'See them in the table' })).toHaveAttribute(
      'href',
      '/deals?status=completed&domain=air',
    );
  });
});
