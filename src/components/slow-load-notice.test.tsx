import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import seedRecords from '../../seeds/deals.json';
import { renderApp } from '../test/render-app';
import { SlowLoadNotice } from './slow-load-notice';

const seeds = seedRecords as unknown[];

/** The deal list served in pages of 10, the way a capped server sends it. */
function pagedDeals(page: (offset: number) => Promise<Response> | Response) {
  return http.get('*/api/deals', ({ request }) =>
    page(Number(new URL(request.url).searchParams.get('offset') ?? 0)),
  );
}
const pageAt = (offset: number, sentOffset = offset) =>
  HttpResponse.json({
    data: seeds.slice(sentOffset, sentOffset + 10),
    total: seeds.length,
    offset: sentOffset,
    limit: 10,
  });

describe('a slow deal list', () => {
  it('says how long it has waited, and Cancel stops it with the error and Retry', async () => {
    const user = userEvent.setup();
    server.use(
      http.get('*/api/deals', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    renderApp('/deals');
    const notice = await screen.findByText(/Still loading…/, {}, { timeout: 8000 });
    const status = notice.closest('[role="status"]') as HTMLElement;
    expect(status).toHaveTextContent(/Still loading… \([4-9] s\)/);
    expect(within(status).getByRole('button', { name: 'Keep waiting' })).toBeInTheDocument();
    await user.click(within(status).getByRole('button', { name: 'Cancel' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the deals. The load was cancelled.');
    expect(screen.queryByText(/Still loading/)).not.toBeInTheDocument();

    server.resetHandlers();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    const table = await screen.findByRole('table', { name: 'Matching deals' });
    await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(3));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows how far a paged load has got', async () => {
    server.use(
      pagedDeals(async (offset) => {
        if (offset === 0) return pageAt(0);
        await delay('infinite');
        return pageAt(offset);
      }),
    );
    renderApp('/');
    expect(
      await screen.findByText(`Loading deals… 10 of ${seeds.length}.`, {}, { timeout: 5000 }),
    ).toBeInTheDocument();
  });

  it('says plainly when the server sent only part of the deals', async () => {
    // A server that ignores offset sends the first page again for every request.
    server.use(pagedDeals(() => pageAt(0, 0)));
    renderApp('/deals');
    const notice = await screen.findByText(/^Only 10 of \d+ deals arrived/, {}, { timeout: 5000 });
    expect(notice.closest('[role="status"]')).toHaveTextContent(
      'asked for offset 10, so it cannot be read page by page. Every count and chart here covers only those.',
    );
  });
});

describe('SlowLoadNotice', () => {
  it('stays quiet at first, offers Cancel once slow, and after Keep waiting asks again later', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    const { rerender } = render(
      <SlowLoadNotice loading onCancel={onCancel} slowAfterMs={900} askAgainAfterMs={1000} />,
    );
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    await screen.findByText('Still loading…', { exact: false }, { timeout: 3000 });
    await user.click(screen.getByRole('button', { name: 'Keep waiting' }));
    // The question goes away; the progress bar, shown from the first second, stays.
    expect(screen.queryByRole('button', { name: 'Cancel' })).not.toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Deals loaded' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Cancel' }, { timeout: 3000 }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    rerender(<SlowLoadNotice loading={false} onCancel={onCancel} />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('shows a progress bar after a second: nothing known, then bytes received, then records checked', async () => {
    const { rerender } = render(<SlowLoadNotice loading onCancel={() => {}} progressAfterMs={300} />);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    const bar = await screen.findByRole('progressbar', { name: 'Deals loaded' }, { timeout: 3000 });
    expect(bar).not.toHaveAttribute('value');
    expect(screen.getByRole('status')).toHaveTextContent('Loading deals…');

    const MB = 1024 * 1024;
    rerender(
      <SlowLoadNotice
        loading
        onCancel={() => {}}
        progressAfterMs={300}
        progress={{ received: 0, total: 0, bytes: { received: 52 * MB, total: 130 * MB } }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Receiving deals… 52 of 130 MB.');
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', String(52 * MB));
    expect(screen.getByRole('progressbar')).toHaveAttribute('max', String(130 * MB));

    rerender(
      <SlowLoadNotice
        loading
        onCancel={() => {}}
        progressAfterMs={300}
        progress={{ received: 45_000, total: 100_000 }}
      />,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Loading deals… 45,000 of 100,000.');
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '45000');
    expect(screen.getByRole('progressbar')).toHaveAttribute('max', '100000');
  });
});
