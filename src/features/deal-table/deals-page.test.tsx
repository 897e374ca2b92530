import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import seedRecords from '../../../seeds/deals.json';
import { renderApp } from '../../test/render-app';

// The machine is shared by several test runs: a lazily loaded page can take over a second to appear.
configure({ asyncUtilTimeout: 4000 });

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
      expect(router.state.location.search).toBe('?kind=purchase&status=completed&sort=value:desc'),
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
      expect(router.state.location.search).toBe('?kind=purchase&status=completed&sort=value:desc,title:asc'),
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
    expect(screen.getByText(/^Ignored /)).toHaveTextContent(/Ignored cols=bogus/);
    expect(screen.getByRole('button', { name: 'Remove filter Kind: Purchase' })).toBeInTheDocument();
  });

  /** The files the page downloads, read back as text. */
  const captureDownloads = () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    return { blobs, names };
  };
  const csvRecords = (csv: string) =>
    Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
      .data;

  it('exports the rows shown as CSV', async () => {
    const user = userEvent.setup();
    const { blobs } = captureDownloads();
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
    // Every reported figure and every source's address is in the file, not only the headline.
    for (const record of csvRecords(csv)) {
      const seed = seedRecords.find((r) => r.id === record.id)!;
      expect(record.all_figures!.split(' | ')).toHaveLength(seed.figures?.length ?? 0);
      for (const source of seed.sources.filter((s) => s.url))
        expect(record.sources).toContain(`<${new URL(source.url!).href}>`);
    }
  });

  it('exports every reported figure of the rows shown, one a row, with its sources', async () => {
    const user = userEvent.setup();
    const { blobs, names } = captureDownloads();
    renderApp('/deals?q=ah-64e');
    await waitFor(() => expect(titles()).toHaveLength(2));
    await user.click(screen.getByText('Export data'));
    await user.click(screen.getByRole('button', { name: /^Reported figures CSV/ }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(names[0]).toMatch(/^deal-figures_.*\.csv$/);
    const records = csvRecords(await blobs[0]!.text());
    const seeds = seedRecords.filter((r) => /AH-64E/.test(r.title) || r.system?.name === 'AH-64E');
    expect(records).toHaveLength(seeds.reduce((sum, r) => sum + (r.figures?.length ?? 0), 0));
    expect(records.every((r) => r.sources!.length > 0 && r.amount !== '')).toBe(true);
  });

  it('sorts with Enter or Space on a column header, staying on the table', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/deals');
    await screen.findByRole('table', { name: 'Matching deals' });
    const header = screen.getByRole('button', { name: /Headline value/ });
    header.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(router.state.location.search).toBe('?sort=value:desc'));
    await user.keyboard(' ');
    await waitFor(() => expect(router.state.location.search).toBe('?sort=value:asc'));
    expect(router.state.location.pathname).toBe('/deals');
    expect(screen.getByRole('columnheader', { name: /Headline value/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
  });

  it('closes the Columns and Export menus on Escape and on a click outside, focus back on the trigger', async () => {
    const user = userEvent.setup();
    renderApp('/deals');
    await screen.findByRole('table', { name: 'Matching deals' });
    const columns = screen.getByText('Columns');
    await user.click(columns);
    const panel = screen.getByRole('group', { name: 'Visible columns' });
    expect(panel).toBeVisible();
    await user.click(within(panel).getByRole('checkbox', { name: 'Route' }));
    await user.keyboard('{Escape}');
    expect(panel).not.toBeVisible();
    expect(columns).toHaveFocus();

    const exports = screen.getByText('Export data');
    await user.click(exports);
    const exportPanel = screen.getByRole('group', { name: 'Export the deals shown' });
    expect(exportPanel).toBeVisible();
    await user.click(screen.getByRole('heading', { level: 1, name: 'Deals' }));
    expect(exportPanel).not.toBeVisible();
    await waitFor(() => expect(exports).toHaveFocus());

    // A click outside on another control leaves the focus there.
    await user.click(exports);
    await user.click(screen.getByLabelText('Search deals'));
    expect(exportPanel).not.toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.getByLabelText('Search deals')).toHaveFocus();
  });

  it('skips from the top of the page to the current row', async () => {
    const user = userEvent.setup();
    renderApp('/deals?sort=title:asc');
    await screen.findByRole('table', { name: 'Matching deals' });
    await user.click(screen.getByRole('link', { name: 'Skip to the deals table' }));
    expect(bodyRows()[0]).toHaveFocus();
  });

  it('marks what the search matched in the titles and systems, as written', async () => {
    renderApp('/deals?q=MQ9B');
    await waitFor(() => expect(titles().length).toBeGreaterThan(0));
    for (const row of bodyRows()) {
      const [title, system] = within(row).getAllByRole('cell');
      const marks = [title!, system!].flatMap((cell) => [...cell.querySelectorAll('mark')]);
      expect(marks.length).toBeGreaterThan(0);
      for (const mark of marks) expect(mark).toHaveTextContent(/^MQ-9B$/);
    }
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
