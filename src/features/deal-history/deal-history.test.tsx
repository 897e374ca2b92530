import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { deleteDeal, fetchDeal, fetchRevisions, resetData, updateDeal } from '../../api';
import { polyfillDialog } from '../../components/conflict/test-dialog';
import { Deal, formatMoney, LABELS } from '../../domain';
import { renderApp } from '../../test/render-app';

configure({ asyncUtilTimeout: 5000 });
polyfillDialog();

const ID = 'mq-9b-2024';
const seed = Deal.parse(seedRecords.find((r) => r.id === ID));
const figure = seed.figures[0]!;
/** An edit a user could make: the title, the status and the first figure's amount. */
const edited: Deal = {
  ...seed,
  title: `${seed.title} (edited)`,
  status: 'in-delivery',
  figures: seed.figures.map((f, i) => (i === 0 ? { ...f, amount: f.amount + 1e8 } : f)),
};

beforeEach(async () => {
  await resetData({});
});

describe('the History tab', { timeout: 60_000 }, () => {
  it('is a tab of the deal page, chosen in the URL and by arrow keys', async () => {
    const user = userEvent.setup();
    const { router } = renderApp(`/deals/${ID}`);
    const overview = await screen.findByRole('tab', { name: 'Overview' });
    expect(overview).toHaveAttribute('aria-selected', 'true');
    overview.focus();
    await user.keyboard('{ArrowRight}');
    const history = screen.getByRole('tab', { name: 'History' });
    expect(history).toHaveAttribute('aria-selected', 'true');
    expect(history).toHaveFocus();
    expect(router.state.location.search).toContain('tab=history');
    expect(await screen.findByRole('heading', { name: /Revision 1: As shipped/ })).toBeVisible();
    expect(screen.getByText('One revision: the deal has not been changed.')).toBeVisible();
    expect(screen.getByRole('tabpanel', { name: 'History' })).toBeVisible();
  });

  it('shows an edit as a field-level diff, newest first, with its note', async () => {
    await updateDeal({}, ID, edited, 1, 'Status from the delivery report');
    renderApp(`/deals/${ID}?tab=history`);
    const newest = (await screen.findByRole('heading', { name: /Revision 2: Edited/ })).closest('li')!;
    const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('revision'));
    expect(items[0]).toBe(newest);
    expect(within(newest).getByText('Status from the delivery report')).toBeVisible();
    const change = (label: RegExp) =>
      within(newest).getByText(label, { selector: '.change__label' }).closest('li')!;
    expect(change(/^Title/).querySelector('del')).toHaveTextContent(seed.title);
    expect(change(/^Title/).querySelector('ins')).toHaveTextContent(edited.title);
    expect(change(/^Status/).querySelector('del')).toHaveTextContent(LABELS.status[seed.status]);
    expect(change(/^Status/).querySelector('ins')).toHaveTextContent(LABELS.status['in-delivery']);
    expect(change(/amount$/).querySelector('ins')).toHaveTextContent(
      formatMoney(figure.amount + 1e8, figure.currency),
    );
    expect(within(newest).queryByRole('button', { name: /Restore this version/ })).toBeNull();
  });

  it('restores an old revision as a new one, after naming what will change', async () => {
    await updateDeal({}, ID, edited, 1, 'An edit to undo');
    const user = userEvent.setup();
    renderApp(`/deals/${ID}?tab=history`);
    await screen.findByRole('heading', { name: /Revision 2: Edited/ });
    await user.click(screen.getByRole('button', { name: /Restore this version \(revision 1\)/ }));
    const dialog = screen.getByRole('dialog', { name: 'Restore revision 1?' });
    expect(dialog).toHaveTextContent('3 fields change');
    expect(
      within(dialog)
        .getByText(/^Title/)
        .closest('li')!
        .querySelector('ins'),
    ).toHaveTextContent(seed.title);
    await user.click(within(dialog).getByRole('button', { name: 'Restore this version' }));

    expect(await screen.findByRole('heading', { name: /Revision 3: Reverted/ })).toBeVisible();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const stored = await fetchDeal({}, ID);
    expect(stored.revision).toBe(3);
    expect(stored.deal.title).toBe(seed.title);
    const revisions = await fetchRevisions({}, ID);
    expect(revisions.map((r) => r.revision)).toEqual([3, 2, 1]);
    expect(revisions[0]!.note).toMatch(/revision 1/);
  });

  it('draws hostile text in a note and a title as text', async () => {
    const hostile = '<img src=x onerror=alert(1)> javascript:alert(1)';
    await updateDeal({}, ID, { ...seed, title: hostile }, 1, hostile);
    renderApp(`/deals/${ID}?tab=history`);
    await screen.findByRole('heading', { name: /Revision 2: Edited/ });
    expect(document.querySelector('main img')).toBeNull();
    expect(screen.getAllByText(/onerror=alert/).length).toBeGreaterThan(1);
  });

  it('shows a delete and a restore as what they did, and offers no old version of a deleted deal', async () => {
    await deleteDeal({}, ID, 1);
    const user = userEvent.setup();
    renderApp(`/deals/${ID}?tab=history`);
    const deleted = (await screen.findByRole('heading', { name: /Revision 2: Deleted/ })).closest('li')!;
    expect(deleted).toHaveTextContent('The deal was deleted; its record was kept.');
    expect(within(deleted).queryByText('No field changed.')).toBeNull();
    // Bringing back an old record of a deleted deal would be a second way to restore it: one is enough.
    expect(screen.queryByRole('button', { name: /Restore this version/ })).toBeNull();
    await user.click(within(screen.getByRole('note')).getByRole('button', { name: 'Restore' }));
    const restored = (await screen.findByRole('heading', { name: /Revision 3: Restored/ })).closest('li')!;
    expect(restored).toHaveTextContent('The deal was brought back from the deleted deals.');
    expect(screen.getByRole('button', { name: 'Restore this version (revision 1)' })).toBeVisible();
    expect((await fetchDeal({}, ID)).deleted).toBe(false);
  });
});
