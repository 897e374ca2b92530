import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { fetchDeal, resetData, updateDeal } from '../../api';
import { polyfillDialog } from '../../components/conflict/test-dialog';
import { Deal, LABELS } from '../../domain';
import { renderApp } from '../../test/render-app';

// The edit form is large: on a shared machine it can take seconds to appear.
configure({ asyncUtilTimeout: 15000 });
polyfillDialog();

const ID = 'mq-9b-2024';
const seed = Deal.parse(seedRecords.find((r) => r.id === ID));
/** Meanwhile, in another tab: their title and their status, as revision 2. */
const theirs: Deal = { ...seed, title: 'Their title', status: 'in-delivery' };

beforeEach(async () => {
  await resetData({});
});

/** Opens the edit form at revision 1, types a title, lets "another tab" save, then saves: a 412. */
async function editIntoConflict(myTitle: string) {
  const user = userEvent.setup();
  renderApp(`/deals/${ID}/edit`);
  await screen.findByRole('button', { name: 'Save changes' });
  // The form's own title field (sources have titles too); typed in one change, as a paste would.
  fireEvent.change(document.getElementById('f-title')!, { target: { value: myTitle } });
  await updateDeal({}, ID, theirs, 1, 'Saved in another tab');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));
  const view = (await screen.findByRole('heading', { name: /changed while you were editing/ })).closest(
    'section',
  )!;
  return { user, view };
}

describe('a 412 on save, resolved in the conflict view of the edit form', { timeout: 60_000 }, () => {
  it('keep mine saves my record over their revision', async () => {
    const { user, view } = await editIntoConflict('My title');
    expect(view).toHaveTextContent('You started from revision 1; it is now at revision 2');
    await user.click(within(view).getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () => expect((await fetchDeal({}, ID)).revision).toBe(3));
    const stored = await fetchDeal({}, ID);
    expect(stored.deal.title).toBe('My title');
    // Mine is the whole record as I had it: their status change is gone.
    expect(stored.deal.status).toBe(seed.status);
  });

  it('take theirs drops mine after confirming and saves nothing', async () => {
    const { user, view } = await editIntoConflict('My title');
    await user.click(within(view).getByRole('button', { name: 'Take theirs' }));
    const dialog = screen.getByRole('dialog', { name: 'Drop your changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Take theirs' }));
    expect(await screen.findByRole('heading', { level: 1, name: theirs.title })).toBeVisible();
    const stored = await fetchDeal({}, ID);
    expect(stored.revision).toBe(2);
    expect(stored.deal.title).toBe(theirs.title);
  });

  it('merge keeps their status and the title chosen field by field', async () => {
    const { user, view } = await editIntoConflict('My title');
    const status = within(view)
      .getByRole('heading', { name: /only in theirs/ })
      .closest('section')!;
    expect(status).toHaveTextContent(LABELS.status['in-delivery']);
    await user.click(within(view).getByRole('button', { name: 'Merge…' }));
    await user.click(within(view).getByRole('radio', { name: 'Use yours' }));
    await user.click(within(view).getByRole('button', { name: 'Save the merged record' }));
    await waitFor(async () => expect((await fetchDeal({}, ID)).revision).toBe(3));
    const stored = await fetchDeal({}, ID);
    expect(stored.deal.title).toBe('My title');
    expect(stored.deal.status).toBe('in-delivery');
  });
});
