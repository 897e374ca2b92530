import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RejectedRecord } from '../domain';
import { RejectedRecordsNotice } from './rejected-records-notice';

// jsdom has <dialog> but not its modal methods; Chromium's own (focus trap, Escape) is tested in e2e.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

const rejects = (count: number): RejectedRecord[] =>
  Array.from({ length: count }, (_, i) =>
    i % 10 === 9
      ? { index: i, reason: 'id: Expected string, received number' }
      : { index: i, id: `deal-${i}`, reason: i % 2 ? 'status: Invalid option' : 'sources: Too small' },
  );

function openNotice(rejected: RejectedRecord[]) {
  render(<RejectedRecordsNotice rejected={rejected} />);
  return screen.getByRole('status');
}

describe('rejected records beyond the first 100', () => {
  it('can all be seen: Show all opens a dialog listing every one, searchable by id and reason', async () => {
    const user = userEvent.setup();
    const notice = openNotice(rejects(1450));
    expect(within(notice).getAllByRole('listitem')).toHaveLength(100);
    expect(notice).toHaveTextContent('… and 1,350 more.');

    await user.click(within(notice).getByRole('button', { name: 'Show all 1,450 rejected records' }));
    const dialog = screen.getByRole('dialog', { name: '1,450 rejected records' });
    expect(dialog).toHaveAttribute('open');
    const search = within(dialog).getByRole('searchbox', { name: 'Search by id or reason' });
    expect(search).toHaveFocus();
    expect(within(dialog).getByText('Showing all 1,450.')).toBeInTheDocument();

    await user.type(search, 'deal-1448');
    expect(within(dialog).getByText('Showing 1 of 1,450.')).toBeInTheDocument();
    const rows = within(dialog).getAllByRole('listitem');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('deal-1448: sources: Too small');

    await user.clear(search);
    await user.type(search, 'EXPECTED STRING');
    expect(within(dialog).getByText('Showing 145 of 1,450.')).toBeInTheDocument();
    expect(within(dialog).getAllByRole('listitem')[0]).toHaveTextContent(
      'record #10 (no id): id: Expected string, received number',
    );

    await user.clear(search);
    await user.type(search, 'no such thing');
    expect(within(dialog).getByText('No rejected record matches “no such thing”.')).toBeInTheDocument();
  });

  it('closes and gives focus back to the button that opened it', async () => {
    const user = userEvent.setup();
    const notice = openNotice(rejects(150));
    const opener = within(notice).getByRole('button', { name: 'Show all 150 rejected records' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(dialog).not.toHaveAttribute('open');
    expect(opener).toHaveFocus();
  });

  it('opens 10,000 rejects a page at a time, and pages through them', async () => {
    const user = userEvent.setup();
    const notice = openNotice(rejects(10_000));
    await user.click(within(notice).getByRole('button', { name: 'Show all 10,000 rejected records' }));
    const dialog = screen.getByRole('dialog');
    const pager = within(dialog).getByRole('navigation', { name: 'Pages of rejected records' });
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(100);
    expect(pager).toHaveTextContent('1–100 of 10,000');
    expect(within(pager).getByRole('button', { name: '← Previous 100' })).toBeDisabled();
    await user.click(within(pager).getByRole('button', { name: 'Next 100 →' }));
    expect(pager).toHaveTextContent('101–200 of 10,000');
    expect(within(dialog).getAllByRole('listitem')[0]).toHaveTextContent('deal-100: sources: Too small');

    // A search narrows the list; the pager follows it.
    await user.type(within(dialog).getByRole('searchbox'), 'deal-5');
    expect(within(dialog).getByText('Showing 1,000 of 10,000.')).toBeInTheDocument();
    expect(pager).toHaveTextContent('101–200 of 1,000');
    await user.type(within(dialog).getByRole('searchbox'), '55');
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(10);
    expect(within(dialog).queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('downloads every rejected record as CSV, from the notice and from the dialog', async () => {
    const user = userEvent.setup();
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
    const notice = openNotice(rejects(1450));
    await user.click(within(notice).getByRole('button', { name: 'Download all as CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    expect(names[0]).toMatch(/^rejected-records_\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<string[]>((await blobs[0]!.text()).replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(1451);
    expect(rows[0]).toEqual(['index', 'id', 'reason']);
    expect(rows[1450]).toEqual(['1449', '', 'id: Expected string, received number']);

    await user.click(within(notice).getByRole('button', { name: /Show all/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Download all as CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(2));
  });

  it('lists a short set in full, with no Show all', () => {
    const notice = openNotice(rejects(2));
    expect(within(notice).getAllByRole('listitem')).toHaveLength(2);
    expect(within(notice).queryByRole('button', { name: /Show all/ })).not.toBeInTheDocument();
    expect(within(notice).getByRole('button', { name: 'Download all as CSV' })).toBeInTheDocument();
  });
});
