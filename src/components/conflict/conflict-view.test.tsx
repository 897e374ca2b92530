import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { Deal, formatMoney, LABELS, type DealInput } from '../../domain';
import { ConflictView, type ConflictResolution } from './conflict-view';
import { polyfillDialog } from './test-dialog';

polyfillDialog();

const base = Deal.parse(seedRecords.find((r) => r.id === 'mq-9b-2024'));
const figure = base.figures[0]!;

/** Mine retitles the deal and raises its first figure; theirs retitles it too and moves the status. */
const mine: DealInput = {
  ...base,
  title: 'Mine: 31 MQ-9B drones',
  figures: base.figures.map((f, i) => (i === 0 ? { ...f, amount: f.amount + 1e8 } : f)),
};
const theirsRecord: DealInput = { ...base, title: 'Theirs: 31 MQ-9B drones', status: 'in-delivery' };
const theirs = { deal: theirsRecord, revision: 3, savedAt: '2026-12-01T10:00:00.000Z' };

function renderView() {
  const onResolve = vi.fn<(r: ConflictResolution) => void>();
  render(<ConflictView base={base} baseRevision={2} mine={mine} theirs={theirs} onResolve={onResolve} />);
  return { onResolve, user: userEvent.setup() };
}

describe('the conflict view', () => {
  it('shows the field both changed side by side and lists what merges by itself', () => {
    renderView();
    expect(screen.getByRole('heading', { name: /changed while you were editing/ })).toBeVisible();
    expect(screen.getByText(/You started from revision 2; it is now at revision 3/)).toBeVisible();

    const both = screen.getByRole('heading', { name: 'Changed by both of you' }).closest('section')!;
    const title = within(both).getByRole('heading', { name: 'Title' }).closest('li')!;
    expect(title).toHaveTextContent(`When you started${base.title}`);
    expect(title).toHaveTextContent(`Yours${mine.title}`);
    expect(title).toHaveTextContent(`Theirs${theirsRecord.title}`);

    const theirsOnly = screen.getByRole('heading', { name: /only in theirs/ }).closest('section')!;
    const status = within(theirsOnly).getByText('Status').closest('li')!;
    expect(status.querySelector('del')).toHaveTextContent(LABELS.status[base.status]);
    expect(status.querySelector('ins')).toHaveTextContent(LABELS.status['in-delivery']);

    const mineOnly = screen.getByRole('heading', { name: /only in yours/ }).closest('section')!;
    const amount = within(mineOnly)
      .getByText(/amount/)
      .closest('li')!;
    // Money with its currency, as the deal page writes it.
    expect(amount.querySelector('del')).toHaveTextContent(formatMoney(figure.amount, figure.currency));
    expect(amount.querySelector('ins')).toHaveTextContent(formatMoney(figure.amount + 1e8, figure.currency));
  });

  it('keep mine saves my record over their revision', async () => {
    const { onResolve, user } = renderView();
    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    expect(onResolve).toHaveBeenCalledWith({ choice: 'mine', record: mine, ifMatch: 3 });
  });

  it('take theirs asks first, then drops mine', async () => {
    const { onResolve, user } = renderView();
    await user.click(screen.getByRole('button', { name: 'Take theirs' }));
    const dialog = screen.getByRole('dialog', { name: 'Drop your changes?' });
    expect(dialog).toHaveTextContent('Your 2 changes will be dropped and revision 3 stays as it is.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onResolve).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Take theirs' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Take theirs' }));
    expect(onResolve).toHaveBeenCalledWith({ choice: 'theirs', record: theirsRecord, revision: 3 });
  });

  it('merge takes their status, keeps my amount and uses the side chosen for the title', async () => {
    const { onResolve, user } = renderView();
    await user.click(screen.getByRole('button', { name: 'Merge…' }));
    await user.click(screen.getByRole('radio', { name: 'Use theirs' }));
    await user.click(screen.getByRole('button', { name: 'Save the merged record' }));
    const resolution = onResolve.mock.calls[0]![0];
    expect(resolution.choice).toBe('merged');
    if (resolution.choice !== 'merged') return;
    expect(resolution.ifMatch).toBe(3);
    const merged = Deal.parse(resolution.record);
    expect(merged.title).toBe(theirsRecord.title);
    expect(merged.status).toBe('in-delivery');
    expect(merged.figures[0]!.amount).toBe(figure.amount + 1e8);
  });

  it('shows hostile text as text', () => {
    const hostile = '<img src=x onerror=alert(1)>\u202Eevil';
    render(
      <ConflictView
        base={base}
        mine={{ ...base, title: hostile }}
        theirs={{ deal: { ...base, title: 'javascript:alert(1)' }, revision: 2 }}
        onResolve={() => {}}
      />,
    );
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('a')).toBeNull();
    expect(screen.getByText(/onerror=alert/)).toBeVisible();
  });
});
