import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { renderApp } from '../../test/render-app';

const hostile = {
  id: 'hostile',
  title: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>',
  summary: 'Ṫëxt ‮right-to-left‬ 🚁 ' + 'Supercalifragilistic'.repeat(20),
  kind: 'purchase',
  status: 'announced',
  buyerCountries: ['IN'],
  supplierCountries: ['US'],
  sources: [
    { id: 'js', title: 'Script link', publisher: 'Evil', url: 'javascript:window.__pwned=1' },
    { id: 'data', title: 'Data link', publisher: 'Evil', url: 'data:text/html,<script>alert(1)</script>' },
    {
      id: 'ok',
      title: 'Real link',
      publisher: 'Fine',
      url: 'https://example.org/report',
      quote: '"quoted" <b>bold</b>',
    },
  ],
};

describe('the deal page', () => {
  it('shows the MQ-9B with every reported figure, the disagreement and its sources', async () => {
    const user = userEvent.setup();
    renderApp('/deals?q=MQ-9B');
    await user.click(await screen.findByRole('link', { name: /31 MQ-9B/ }));
    expect(await screen.findByRole('heading', { level: 1, name: /MQ-9B/ })).toBeInTheDocument();
    expect(screen.getByText(/Sources disagree/)).toBeInTheDocument();
    const money = screen.getAllByRole('table')[0]!;
    expect(within(money).getByText('Headline')).toBeInTheDocument();
    expect(within(money).getAllByText('Unconfirmed').length).toBeGreaterThan(0);
    expect(screen.getByRole('img', { name: /Navy 15, Army 8, Air Force 8/ })).toBeInTheDocument();
  });

  it('renders a hostile record as inert text and links only http(s) sources', async () => {
    server.use(http.get('*/api/deals/hostile', () => HttpResponse.json({ data: hostile })));
    renderApp('/deals/hostile');
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(hostile.title);
    expect(document.querySelector('script, img[src="x"]')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Script link' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Data link' })).not.toBeInTheDocument();
    expect(screen.getByText('Address (not linked): javascript:window.__pwned=1')).toBeInTheDocument();
    const real = screen.getByRole('link', { name: 'Real link' });
    expect(real).toHaveAttribute('href', 'https://example.org/report');
    expect(real).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByText('“"quoted" <b>bold</b>”')).toBeInTheDocument();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('steps to the previous and next deal of the filtered, sorted view it came from', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/deals/m777-2016?kind=purchase&sort=quantity:desc');
    const nav = await screen.findByRole('navigation', { name: 'Deals in this view' });
    expect(nav).toHaveTextContent('2 of 18 in this view');
    expect(within(nav).getByRole('link', { name: /Previous: 216 Excalibur/ })).toBeInTheDocument();
    await user.click(within(nav).getByRole('link', { name: /Next: 113 more F404-IN20/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/deals/f404-in20-2025'));
    expect(router.state.location.search).toBe('?kind=purchase&sort=quantity:desc');
    expect(await screen.findByText('3 of 18 in this view')).toBeInTheDocument();
  });
});
