import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../../mocks/node';
import seedRecords from '../../../seeds/deals.json';
import { deleteDeal, fetchDeal, fetchDeals, resetData, updateDeal } from '../../api';
import { polyfillDialog } from '../../components/conflict/test-dialog';
import { Deal } from '../../domain';
import { renderApp } from '../../test/render-app';
import { SEED } from '../../../seeds/expected';

configure({ asyncUtilTimeout: 5000 });
polyfillDialog();

const ID = 'mq-9b-2024';
const seed = Deal.parse(seedRecords.find((r) => r.id === ID));

beforeEach(async () => {
  await resetData({});
});

/** The text of each file the page hands to the browser to save, by name. */
function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  const urls = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${urls.size}`;
    urls.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = urls.get(this.href);
    if (blob) files.push({ name: this.download, blob });
  });
  return files;
}

// Whole-app renders on a loaded 2-core machine: a hang detector, not a speed budget.
describe('delete and restore', { timeout: 60_000 }, () => {
  it('deletes from the deal page after a confirmation, lists it as deleted and restores it', async () => {
    const user = userEvent.setup();
    renderApp(`/deals/${ID}`);
    await screen.findByRole('heading', { level: 1, name: seed.title });
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this deal?' });
    expect(dialog).toHaveTextContent(seed.title);
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    // Its page says so, with Restore instead of the usual actions.
    expect(await screen.findByText(/^Deleted on/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect((await fetchDeals({}, {})).deals.map((d) => d.id)).not.toContain(ID);

    await user.click(screen.getByRole('link', { name: 'deleted deals' }));
    const item = (await screen.findByRole('link', { name: seed.title })).closest('li')!;
    expect(item).toHaveTextContent(/Deleted on \d/);
    expect(screen.getByText('1 deleted deal, most recently deleted first.')).toBeVisible();
    await user.click(within(item).getByRole('button', { name: /^Restore/ }));
    expect(await screen.findByText('No deal is deleted.')).toBeVisible();
    const list = await fetchDeals({}, {});
    expect(list.deals).toHaveLength(SEED.deals);
    expect((await fetchDeal({}, ID)).deleted).toBe(false);
  });

  it('is reached from the main navigation and the deals page', async () => {
    const user = userEvent.setup();
    renderApp('/deals');
    await user.click(await screen.findByRole('link', { name: /deleted deals/i }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Deleted deals' })).toBeVisible();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Data' }));
    expect(await screen.findByRole('heading', { level: 1, name: /back up, restore, reset/ })).toBeVisible();
  });
});

describe('backup, restore and reset', { timeout: 60_000 }, () => {
  it('backs up to a file, previews a restore of it and applies it', async () => {
    const files = captureDownloads();
    const user = userEvent.setup();
    renderApp('/data');
    await user.click(await screen.findByRole('button', { name: 'Back up all data (JSON)' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const [file] = files;
    expect(file!.name).toMatch(/^dpt-backup_seed_\d{4}-\d\d-\d\d\.json$/);
    const backup = JSON.parse(await file!.blob.text()) as { deals: { data: { id: string } }[] };
    expect(backup.deals).toHaveLength(SEED.deals);

    // After the backup the deal is edited and another deleted: restoring the backup undoes both,
    // and one record broken by hand is rejected with its reason.
    await updateDeal({}, ID, { ...seed, title: 'Edited after the backup' }, 1);
    const other = backup.deals.find((d) => d.data.id !== ID)!.data.id;
    await deleteDeal({}, other, 1);
    const broken = structuredClone(backup) as { deals: { data: Record<string, unknown> }[] };
    broken.deals.push({ ...broken.deals[0]!, data: { ...broken.deals[0]!.data, id: 'Not A Slug' } });
    const upload = new File([JSON.stringify(broken)], 'backup.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Restore from a backup…'), upload);

    const preview = (await screen.findByRole('heading', { name: /If you apply/ })).parentElement!;
    expect(preview).toHaveTextContent('1 deal would be changed');
    expect(preview).toHaveTextContent('1 deal would be restored from the deleted deals');
    expect(preview).toHaveTextContent(`${SEED.deals - 2} unchanged`);
    expect(preview).toHaveTextContent('1 rejected');
    expect(
      within(preview)
        .getByText(/Rejected, and skipped/)
        .closest('details'),
    ).toHaveTextContent(/Record \d+.*Not A Slug/);
    // A dry run writes nothing.
    expect((await fetchDeal({}, ID)).deal.title).toBe('Edited after the backup');

    await user.click(within(preview).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('heading', { name: 'Restored from the backup' })).toBeVisible();
    expect((await fetchDeal({}, ID)).deal.title).toBe(seed.title);
    expect((await fetchDeal({}, other)).deleted).toBe(false);
  });

  it('says a file that is not JSON is not a backup, and changes nothing', async () => {
    const user = userEvent.setup();
    renderApp('/data');
    const input = await screen.findByLabelText('Restore from a backup…');
    await user.upload(input, new File(['not json {'], 'notes.txt', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('“notes.txt” is not a backup');
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
  });

  it('resets after saying how many edited deals it drops', async () => {
    await updateDeal({}, ID, { ...seed, title: 'Edited' }, 1);
    const user = userEvent.setup();
    renderApp('/data');
    await user.click(await screen.findByRole('button', { name: 'Reset to the seed data' }));
    const dialog = screen.getByRole('dialog', { name: 'Reset to the seed data?' });
    await waitFor(() => expect(dialog).toHaveTextContent('1 edited deal will be dropped'));
    await user.click(within(dialog).getByRole('button', { name: 'Reset' }));
    expect(await screen.findByText(/Reset: 1 edited deal dropped/)).toBeVisible();
    expect((await fetchDeal({}, ID)).deal.title).toBe(seed.title);
  });

  it('shows a storage refusal in the API’s words and keeps the preview to apply again', async () => {
    await updateDeal({}, ID, { ...seed, title: 'Edited' }, 1);
    const full =
      "The browser's storage for this site is full, so the change could not be kept. Nothing was saved, and nothing saved before is lost.";
    // The dry run answers as usual; the import itself meets a full disk once.
    let refused = false;
    server.use(
      http.post('*/api/import', ({ request }) => {
        if (new URL(request.url).searchParams.has('dryRun') || refused) return undefined; // the store answers
        refused = true;
        return HttpResponse.json({ error: { code: 'storage_full', message: full } }, { status: 507 });
      }),
    );
    const user = userEvent.setup();
    renderApp('/data');
    const backup = {
      format: 'dpt-backup',
      version: 1,
      exportedAt: '2026-12-01T10:00:00.000Z',
      dataset: 'seed',
    };
    const file = new File(
      [JSON.stringify({ ...backup, deals: [{ revision: 1, deleted: false, data: seed }] })],
      'one-deal.json',
      { type: 'application/json' },
    );
    await user.upload(await screen.findByLabelText('Restore from a backup…'), file);
    const preview = (await screen.findByRole('heading', { name: /If you apply/ })).parentElement!;
    expect(preview).toHaveTextContent('1 deal would be changed');
    await user.click(within(preview).getByRole('button', { name: 'Apply' }));
    const alert = await within(preview).findByRole('alert');
    expect(alert).toHaveTextContent('Could not apply the backup.');
    expect(alert).toHaveTextContent('storage for this site is full');
    expect((await fetchDeal({}, ID)).deal.title).toBe('Edited');
    // The preview is still there; the second try goes through.
    await user.click(within(preview).getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('heading', { name: 'Restored from the backup' })).toBeVisible();
    expect((await fetchDeal({}, ID)).deal.title).toBe(seed.title);
  });

  it('says on the page that a synthetic data set is synthetic', async () => {
    renderApp('/data?dataset=synthetic&size=50&seed=7');
    expect(await screen.findByText('Synthetic data set.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reset to the generated data' })).toBeVisible();
  });
});
