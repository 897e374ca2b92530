import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../test/render-app';

const table = () => screen.getByRole('table', { name: 'Matching deals' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const titles = () => bodyRows().map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('the deals table', () => {
  afterEach(() => vi.restoreAllMocks());

  it('narrows the rows as the user types and keeps the search in the URL', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/deals');
    await screen.findByRole('table', { name: 'Matching deals' });
    await user.type(screen.getByLabelText('Search deals'), 'globemaster');
    await waitFor(() => expect(titles()).toHaveLength(2));
    for (const title of titles()) expect(title).toMatch(/C-17/);
    expect(router.state.location.search).toBe('?q=globemaster');
    expect(screen.getByText('2 of 24 deals')).toBeInTheDocument();
  });

  it('shows each facet option with its count and filters by it', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/deals');
    const kinds = await screen.findByRole('group', { name: 'Kind' });
    const lease = within(kinds).getByRole('checkbox', { name: /Lease/ });
    expect(lease.closest('label')).toHaveTextContent(/Lease\s*1$/);
    await user.click(lease);
    await waitFor(() => expect(titles()).toEqual(['2 MQ-9B SeaGuardian drones leased for the Indian Navy']));
    expect(router.state.location.search).toBe('?kind=lease');
    // Counts of the other facets follow the filter.
    expect(
      within(screen.getByRole('group', { name: 'Status' }))
        .getByRole('checkbox', { name: /Completed/ })
        .closest('label'),
    ).toHaveTextContent(/1$/);
  });

  it('keeps the facet options in place while the user types, with 0 where nothing matches', async () => {
    const user = userEvent.setup();
    renderApp('/deals');
    const kinds = await screen.findByRole('group', { name: 'Kind' });
    const options = () =>
      within(kinds)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')!.textContent);
    const before = options();
    await user.type(screen.getByLabelText('Search deals'), 'globemaster');
    await waitFor(() => expect(titles()).toHaveLength(2));
    const after = options();
    expect(after.map((text) => text.replace(/[\d,]+$/, ''))).toEqual(
      before.map((text) => text.replace(/[\d,]+$/, '')),
    );
    expect(after.some((text) => /\D0$/.test(text))).toBe(true);
    expect(after).not.toEqual(before);
  });

  it('sorts by value with unknown values last, and adds a second sort on shift-click', async () => {
    const { router } = renderApp('/deals?kind=purchase&status=completed');
    await screen.findByRole('table', { name: 'Matching deals' });
    fireEvent.click(screen.getByRole('button', { name: /Headline value/ }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?kind=purchase&status=completed&sort=value%3Adesc'),
    );
    await waitFor(() => expect(titles()[0]).toBe('10 C-17 Globemaster III transport aircraft'));
    expect(screen.getByRole('columnheader', { name: /Headline value/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const values = bodyRows().map((row) => within(row).getAllByRole('cell')[6]!.textContent);
    const firstUnknown = values.indexOf('—');
    expect(firstUnknown).toBeGreaterThan(0);
    expect(values.slice(firstUnknown).every((v) => v === '—')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: /^Deal/ }), { shiftKey: true });
    await waitFor(() =>
      expect(router.state.location.search).toBe(
        '?kind=purchase&status=completed&sort=value%3Adesc%2Ctitle%3Aasc',
      ),
    );
  });

  it('restores filters, sort and visible columns from a shared link, and names what it ignored', async () => {
    renderApp('/deals?kind=purchase&sort=quantity:desc&cols=title,quantity,bogus');
    await screen.findByRole('table', { name: 'Matching deals' });
    expect(
      within(table())
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([expect.stringMatching(/^Deal/), expect.stringMatching(/^Quantity/)]);
    await waitFor(() => expect(titles()[0]).toBe('216 Excalibur guided artillery rounds (FMS approval)'));
    expect(screen.getByText(/Ignored cols=bogus/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove filter Kind: Purchase' })).toBeInTheDocument();
  });

  it('exports the rows shown as CSV', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp('/deals?q=ah-64e');
    await waitFor(() => expect(titles()).toHaveLength(2));
    await user.click(screen.getByText('Export data'));
    await user.click(screen.getByRole('button', { name: 'CSV (2 deals)' }));
    // The CSV writer loads on first use.
    await waitFor(() => expect(blobs).toHaveLength(1));
    const csv = await blobs[0]!.text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('AH-64E');
  });

  it('moves between rows with the arrow keys and opens one with Enter', async () => {
    const { router } = renderApp('/deals?sort=title:asc');
    await screen.findByRole('table', { name: 'Matching deals' });
    const first = bodyRows()[0]!;
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(bodyRows()[1]).toHaveFocus());
    const second = titles()[1]!;
    fireEvent.keyDown(bodyRows()[1]!, { key: 'Enter' });
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/deals\/[a-z0-9-]+$/));
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(second);
  });
});
