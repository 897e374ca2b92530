import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../mocks/node';
import { renderApp } from '../test/render-app';

describe('the app over the mock API', () => {
  it('shows the MQ-9B split by service and a list of the seed deals', async () => {
    renderApp('/');
    const chart = await screen.findByRole('img', { name: /^MQ-9B drones by armed service\./ });
    expect(chart).toHaveAccessibleName('MQ-9B drones by armed service. Navy 15, Army 8, Air Force 8');
    expect(screen.getByRole('heading', { name: 'MQ-9B drones by armed service' })).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Deals' });
    expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(3);
    expect(await screen.findByText(/Sourced · \d+ records/)).toBeInTheDocument();
  });

  it('narrows the deals list as the user types, and keeps the search in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/deals');
    const search = await screen.findByLabelText('Search deals');
    await screen.findByRole('table', { name: 'Matching deals' });
    await user.type(search, 'ch-47');
    await waitFor(() => {
      const titles = within(screen.getByRole('table', { name: 'Matching deals' }))
        // Each row also has an "Edit <title>" link; the titles are the other links.
        .getAllByRole('link', { name: /^(?!Edit )/ })
        .map((a) => a.textContent);
      expect(titles.length).toBeGreaterThan(0);
      for (const title of titles) expect(title).toMatch(/Chinook|CH-47/);
    });
    expect(router.state.location.search).toBe('?q=ch-47');
  });

  it('reports a parameter it cannot use and applies the rest', async () => {
    renderApp('/deals?status=bogus&kind=lease');
    // The link's value sits in its own <bdi>: the notice is found by its words, then read whole.
    expect(await screen.findByText(/^Ignored /)).toHaveTextContent(/Ignored status=bogus/);
    const table = await screen.findByRole('table', { name: 'Matching deals' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toHaveTextContent('Lease');
  });

  it('explains a server error and recovers on Retry', async () => {
    const user = userEvent.setup();
    server.use(
      http.get(
        '*/api/deals',
        () =>
          HttpResponse.json({ error: { code: 'internal_error', message: 'Database down' } }, { status: 500 }),
        {
          once: true,
        },
      ),
    );
    renderApp('/deals');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the deals. The deal API answered 500: Database down');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(
      within(await screen.findByRole('table', { name: 'Matching deals' })).getAllByRole('row').length,
    ).toBeGreaterThan(3);
  });

  it('explains a network failure', async () => {
    renderApp('/?mock=offline');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not reach the deal API: the network request failed',
    );
    expect(screen.getByRole('note')).toHaveTextContent('the mock API is running the offline scenario');
  });

  it('explains an HTML answer where JSON was expected', async () => {
    server.use(http.get('*/api/deals', () => HttpResponse.html('<!doctype html><title>app</title>')));
    renderApp('/deals');
    expect(await screen.findByRole('alert')).toHaveTextContent('answered with text/html instead of JSON');
  });

  it('keeps the deals on screen when loading another data set fails', async () => {
    const { router } = renderApp('/deals');
    await screen.findByRole('table', { name: 'Matching deals' });
    const before = within(screen.getByRole('table', { name: 'Matching deals' })).getAllByRole('row').length;
    await router.navigate('/deals?dataset=synthetic&size=50&mock=error');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The data below is from the last successful load.',
    );
    expect(within(screen.getByRole('table', { name: 'Matching deals' })).getAllByRole('row')).toHaveLength(
      before,
    );
  });

  it('reports malformed records by id and reason and shows the rest', async () => {
    const user = userEvent.setup();
    renderApp('/?mock=malformed');
    const summary = await screen.findByText(/^2 records rejected/);
    await user.click(summary);
    const details = summary.closest('details')!;
    expect(details).toHaveTextContent(/status: Invalid option/);
    expect(details).toHaveTextContent('sources: every deal needs at least one source');
    expect(
      within(screen.getByRole('list', { name: 'Deals' })).getAllByRole('listitem').length,
    ).toBeGreaterThan(3);
  });

  it('shows a not-found page for an unknown deal and for an unknown path', async () => {
    renderApp('/deals/no-such-deal');
    expect(await screen.findByRole('heading', { name: 'Deal not found' })).toBeInTheDocument();
  });

  it('shows a not-found page for an unknown path', async () => {
    renderApp('/nowhere');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});
