import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../../mocks/node';
import seedRecords from '../../../seeds/deals.json';
import { polyfillDialog } from '../../components/conflict/test-dialog';
import { Deal, formatMoney, LABELS } from '../../domain';
import { renderApp } from '../../test/render-app';

// A lazily loaded page can take over a second to appear on a machine shared by several runs.
configure({ asyncUtilTimeout: 6000 });
polyfillDialog();

const seeds = (seedRecords as unknown[]).map((r) => Deal.parse(r));
/** A seed with a quantity split over services and several reported figures. */
const split = seeds.find((d) => d.quantity && d.quantity.allocations.length > 1 && d.figures.length > 1)!;
// Tests that save take a deal each, so no test reads another's edit.
const [renamed, contested, figured] = seeds.filter((d) => d.id !== split.id && d.figures.length > 0);
const api = (path: string) => new URL(path, window.location.href).toString();

afterEach(() => vi.restoreAllMocks());

/**
 * The form's section (a card) headed `name`. Found by its heading: role queries over the whole edit
 * form (hundreds of controls) cost seconds each in jsdom; within a section they are quick.
 */
async function sectionOf(name: string): Promise<HTMLElement> {
  const heading = await screen.findByText(name, { selector: 'h2' });
  return heading.closest('section')!;
}
const saveButton = async (name: string) => within(await sectionOf('Save')).getByRole('button', { name });

describe('New deal', () => {
  it(
    'creates a deal from the table\'s "New deal" and shows it in the table',
    { timeout: 60_000 },
    async () => {
      const user = userEvent.setup();
      renderApp('/deals');
      await user.click(await screen.findByRole('link', { name: 'New deal' }));
      expect(await screen.findByRole('heading', { level: 1, name: 'New deal' })).toBeInTheDocument();

      const deal = await sectionOf('The deal');
      await user.type(within(deal).getByLabelText('Title'), 'Twelve test howitzers');
      // The id follows the title until it is typed by hand.
      expect(within(deal).getByLabelText('Id')).toHaveValue('twelve-test-howitzers');
      await user.click(within(deal).getByLabelText('Summary'));
      await user.paste('A deal typed in the form.');
      await user.selectOptions(within(deal).getByLabelText('Kind'), LABELS.kind.purchase);
      await user.selectOptions(within(deal).getByLabelText('Status'), LABELS.status.announced);

      const sources = await sectionOf('Sources');
      await user.type(within(sources).getByLabelText('Publisher'), 'Test Wire');
      await user.click(within(sources).getByLabelText('Title'));
      await user.paste('Howitzers announced');
      expect(within(sources).getByLabelText('Id')).toHaveValue('test-wire-howitzers-announced');

      const countries = await sectionOf('Countries, parties and routes');
      await user.type(within(countries).getByLabelText('Buyer countries'), 'IN');
      await user.type(within(countries).getByLabelText('Supplier countries'), 'us');
      expect(within(countries).getByText('United States')).toBeInTheDocument();

      const quantity = await sectionOf('Quantity and end user');
      await user.type(within(quantity).getByLabelText('Total units'), '12');
      await user.type(within(quantity).getByLabelText('Unit'), 'howitzers');
      await user.click(
        within(quantity).getAllByRole('checkbox', { name: /Test Wire: Howitzers announced/ })[0]!,
      );

      await user.click(await saveButton('Create deal'));
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Twelve test howitzers' }),
      ).toBeInTheDocument();
      expect(window.location.pathname).toBe('/deals/twelve-test-howitzers');

      await user.click(screen.getByRole('link', { name: /Back to the deals/ }));
      await user.type(await screen.findByLabelText('Search deals'), 'Twelve test');
      expect(await screen.findByRole('link', { name: 'Twelve test howitzers' })).toBeInTheDocument();
    },
  );

  it('names every missing field beside it and in a summary that takes focus', async () => {
    const user = userEvent.setup();
    renderApp('/deals/new');
    await user.click(await saveButton('Create deal'));
    const summary = await screen.findByRole('heading', { name: /fields need attention/ });
    await waitFor(() => expect(summary.closest('[tabindex="-1"]')).toHaveFocus());
    const title = within(await sectionOf('The deal')).getByLabelText('Title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(/Required/);
    // The summary links to the field: following it puts the caret there.
    await user.click(within(summary.parentElement!).getByRole('link', { name: 'Title' }));
    expect(title).toHaveFocus();
  });

  it('refuses an id another deal has', async () => {
    const user = userEvent.setup();
    renderApp('/deals/new');
    const id = within(await sectionOf('The deal')).getByLabelText('Id');
    await user.type(id, split.id);
    await user.tab();
    expect(id).toHaveAccessibleDescription(/Another deal already has the id/);
  });
});

describe('Edit', () => {
  it(
    'opens from the table row, keeps a half-typed number as typed and says what is wrong beside it',
    { timeout: 60_000 },
    async () => {
      const user = userEvent.setup();
      renderApp(`/deals?q=${encodeURIComponent(split.system!.name)}`);
      await user.click(await screen.findByRole('link', { name: `Edit ${split.title}` }));
      const quantity = await sectionOf('Quantity and end user');
      const total = within(quantity).getByLabelText('Total units');
      expect(total).toHaveValue(String(split.quantity!.total));

      await user.type(total, 'a');
      await user.tab();
      expect(total).toHaveValue(`${split.quantity!.total}a`);
      expect(total).toHaveAttribute('aria-invalid', 'true');
      expect(total).toHaveAccessibleDescription(/is not a number/);

      // Fewer units than the allocations add up to: said beside the allocations, after Save.
      await user.clear(total);
      await user.type(total, '1');
      await user.click(await saveButton('Save changes'));
      const allocated = split.quantity!.allocations.reduce((sum, a) => sum + a.count, 0);
      const message = `allocations add up to ${allocated}, more than the total of 1`;
      expect(await within(quantity).findByText(message)).toBeInTheDocument();
      const summary = screen.getByText(/fields? needs? attention/).parentElement!;
      expect(within(summary).getByRole('link', { name: 'Quantity: allocations' })).toBeInTheDocument();
      expect(total).toHaveValue('1');
      expect(window.location.pathname).toBe(`/deals/${split.id}/edit`);
    },
  );

  it("shows the server's refusal beside the field and keeps the form as typed", async () => {
    const user = userEvent.setup();
    server.use(
      http.put('*/api/deals/:id', () =>
        HttpResponse.json(
          {
            error: {
              code: 'invalid_record',
              message: 'The record fails the deal schema.',
              issues: [
                { path: ['figures', 0, 'sourceIds', 0], message: 'cites a source the server refuses' },
              ],
            },
          },
          { status: 422 },
        ),
      ),
    );
    renderApp(`/deals/${split.id}/edit`);
    const summaryField = within(await sectionOf('The deal')).getByLabelText('Summary');
    await user.type(summaryField, ' Edited.');
    await user.click(await saveButton('Save changes'));
    const money = await sectionOf('Money');
    expect(await within(money).findByText('cites a source the server refuses')).toBeInTheDocument();
    expect(summaryField).toHaveValue(`${split.summary} Edited.`);
    expect(screen.getByText(/The server refused the record/)).toBeInTheDocument();
  });

  it('a refused write (storage full) says nothing was saved and keeps the form', async () => {
    const user = userEvent.setup();
    server.use(
      http.put('*/api/deals/:id', () =>
        HttpResponse.json(
          { error: { code: 'storage_full', message: "The browser's storage is full." } },
          { status: 507 },
        ),
      ),
    );
    renderApp(`/deals/${split.id}/edit`);
    const title = within(await sectionOf('The deal')).getByLabelText('Title');
    await user.type(title, '?');
    await user.click(await saveButton('Save changes'));
    // Said once, with what to do: the client's words, then that the form still holds the edit.
    expect(await screen.findByText(/saved.*Your changes are still here; try again\./)).toBeInTheDocument();
    expect(title).toHaveValue(`${split.title}?`);
    expect(window.location.pathname).toBe(`/deals/${split.id}/edit`);
  });

  it('saves an edit: the deal page shows it', async () => {
    const user = userEvent.setup();
    renderApp(`/deals/${renamed!.id}/edit`);
    const title = within(await sectionOf('The deal')).getByLabelText('Title');
    await user.clear(title);
    await user.type(title, 'Renamed in a test');
    await user.type(screen.getByLabelText("Editor's note"), 'Title shortened');
    await user.click(await saveButton('Save changes'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Renamed in a test' })).toBeInTheDocument();
    expect(window.location.pathname).toBe(`/deals/${renamed!.id}`);
    // The client's notice offers Undo.
    const notices = screen.getByRole('status', { name: 'Notifications' });
    expect(await within(notices).findByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('offers no form for a deleted deal, and says how to get it back', async () => {
    const user = userEvent.setup();
    server.use(
      http.get('*/api/deals/:id', () =>
        HttpResponse.json({ data: split, revision: 3, savedAt: '2026-12-01T10:00:00.000Z', deleted: true }),
      ),
    );
    renderApp(`/deals/${split.id}/edit`);
    expect(
      await screen.findByRole('heading', { level: 1, name: `${split.title} is deleted` }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save changes' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'its page' }));
    expect(window.location.pathname).toBe(`/deals/${split.id}`);
  });

  it('asks before leaving with unsaved changes, and stays when told to', async () => {
    const user = userEvent.setup();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    renderApp(`/deals/${split.id}/edit`);
    const title = within(await sectionOf('The deal')).getByLabelText('Title');
    await user.type(title, '!');
    await user.click(within(await sectionOf('Save')).getByRole('link', { name: 'Cancel' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(window.location.pathname).toBe(`/deals/${split.id}/edit`);
    expect(title).toHaveValue(`${split.title}!`);
  });

  it('shows both sides when the deal was saved elsewhere since the form opened (412)', async () => {
    const user = userEvent.setup();
    const deal = contested!;
    renderApp(`/deals/${deal.id}/edit`);
    const title = within(await sectionOf('The deal')).getByLabelText('Title');
    // Another tab saves first.
    const stored = (await (await fetch(api(`/api/deals/${deal.id}`))).json()) as { revision: number };
    const other = await fetch(api(`/api/deals/${deal.id}`), {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'If-Match': `"${stored.revision}"` },
      body: JSON.stringify({ data: { ...deal, summary: 'Changed in another tab.' } }),
    });
    expect(other.status).toBe(200);

    await user.type(title, ' (mine)');
    await user.click(await saveButton('Save changes'));
    expect((await screen.findAllByText(/Changed in another tab\./)).length).toBeGreaterThan(0);
    expect(title).toHaveValue(`${deal.title} (mine)`);

    // The two edits touch different fields: the merge keeps both, saved over their revision.
    const conflict = title.closest('.deal-form-page')!.querySelector<HTMLElement>('.form-conflict')!;
    await user.click(within(conflict).getByRole('button', { name: 'Save the merged record' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: `${deal.title} (mine)` }),
    ).toBeInTheDocument();
    expect(screen.getByText('Changed in another tab.')).toBeInTheDocument();
    expect(window.location.pathname).toBe(`/deals/${deal.id}`);
  });
});

describe('Add a reported figure', () => {
  it('adds a figure beside the others from the deal page, in two clicks and its fields', async () => {
    const user = userEvent.setup();
    const deal = figured!;
    renderApp(`/deals/${deal.id}`);
    const money = await screen.findByRole('table', { name: 'Reported values' });
    const before = within(money).getAllByRole('row').length;

    await user.click(await screen.findByRole('button', { name: 'Add a reported figure' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a reported figure' });
    await user.type(within(dialog).getByLabelText('Amount'), '4000000000');
    await user.selectOptions(within(dialog).getByLabelText('Kind'), LABELS.figureKind.estimate);
    await user.type(within(dialog).getByLabelText('As of'), '2025-01');
    const source = deal.sources[0]!;
    await user.selectOptions(within(dialog).getByLabelText('Source'), `${source.publisher}: ${source.title}`);
    await user.click(within(dialog).getByRole('button', { name: 'Add figure' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const currency = deal.figures.find((f) => f.id === deal.headlineFigureId)!.currency;
    const added = formatMoney(4e9, currency);
    const table = await screen.findByRole('table', { name: 'Reported values' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(before + 1));
    expect(within(table).getByText(added)).toBeInTheDocument();
  });

  it('makes another reported figure the headline, from the Money section', async () => {
    const user = userEvent.setup();
    const deal = split;
    const other = deal.figures.find((f) => f.id !== deal.headlineFigureId)!;
    renderApp(`/deals/${deal.id}`);
    const choice = await screen.findByLabelText('Headline figure');
    const option = within(choice)
      .getAllByRole('option')
      .find((o) => (o as HTMLOptionElement).value === other.id)!;
    await user.selectOptions(choice, option);
    await user.click(screen.getByRole('button', { name: 'Make headline' }));
    const table = screen.getByRole('table', { name: 'Reported values' });
    await waitFor(() => {
      const headline = within(table).getByText('Headline').closest('tr')!;
      expect(headline).toHaveTextContent(
        formatMoney(other.amount, other.currency, { approximate: other.approximate }),
      );
    });
  });

  it('keeps what was typed and says why when a field is wrong', async () => {
    const user = userEvent.setup();
    renderApp(`/deals/${split.id}`);
    await user.click(await screen.findByRole('button', { name: 'Add a reported figure' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a reported figure' });
    const amount = within(dialog).getByLabelText('Amount');
    await user.type(amount, '4bn');
    await user.selectOptions(within(dialog).getByLabelText('Source'), 'A new source…');
    await user.click(within(dialog).getByRole('button', { name: 'Add figure' }));
    expect(amount).toHaveAccessibleDescription(/"4bn" is not a number/);
    expect(within(dialog).getByLabelText('Publisher of the new source')).toHaveAccessibleDescription(
      /Required/,
    );
    expect(within(dialog).getByLabelText('Kind')).toHaveAccessibleDescription(/Choose one/);
    expect(amount).toHaveValue('4bn');
  });
});
