import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { SEED } from '../../../seeds/expected';
import { fetchDeals, resetData } from '../../api';
import { Deal, formatCount } from '../../domain';
import { parseFile } from '../../domain/import/detect';
import { MAX_IMPORT_BYTES } from '../../domain/import/decode';
import { buildImportPlan } from '../../domain/import/plan';
import { renderApp } from '../../test/render-app';

configure({ asyncUtilTimeout: 10_000 });

const FIXTURES = join(process.cwd(), 'src/domain/import/fixtures');
const FROM_US = 'sipri_trade_register_india_from_us.csv';

function fixture(name: string, type = 'text/csv'): File {
  return new File([readFileSync(join(FIXTURES, name))], name, { type });
}

/** The plan the domain makes of the file against the seeds: what the preview must show. */
function expectedPlan(name: string) {
  const parsed = parseFile(new Uint8Array(readFileSync(join(FIXTURES, name))), {
    fileName: name,
    importedAt: new Date().toISOString(),
  });
  if (parsed.kind !== 'parsed') throw new Error(`${name} should parse without a mapping`);
  return buildImportPlan(
    parsed.result,
    seedRecords.map((r) => ({ deal: Deal.parse(r), revision: 1 })),
  );
}

function count(label: string): string {
  const term = screen.getByText(label, { selector: 'dt' });
  return term.parentElement!.querySelector('dd')!.textContent ?? '';
}

beforeEach(async () => {
  await resetData({});
});

describe('the Import page', { timeout: 90_000 }, () => {
  it('reads the SIPRI India-from-US file, previews it, imports it on Confirm and undoes it', async () => {
    const user = userEvent.setup();
    const plan = expectedPlan(FROM_US);
    const { router } = renderApp('/import');
    await user.upload(await screen.findByLabelText('Choose a file to import'), fixture(FROM_US));

    expect(await screen.findByText(/SIPRI trade register, classic layout/)).toHaveTextContent(
      plan.detected.description,
    );
    expect(count('rows read')).toBe(formatCount(plan.rowsRead));
    expect(count('new deals')).toBe(formatCount(plan.added.length));
    expect(count('matching deals that change')).toBe(formatCount(plan.updated.length));
    expect(count('rows that cannot be imported')).toBe(formatCount(plan.rejected.length));
    // Nothing is written before Confirm.
    expect((await fetchDeals({}, {})).deals).toHaveLength(SEED.deals);

    await user.click(screen.getByRole('button', { name: /^Confirm: import/ }));
    const undo = await screen.findByRole('button', { name: 'Undo' }, { timeout: 20_000 });
    const toast = undo.closest('.toast') as HTMLElement;
    expect(toast).toHaveTextContent(
      `Imported ${formatCount(plan.added.length)} deals, updated ${formatCount(plan.updated.length)}`,
    );
    const after = await fetchDeals({}, {});
    expect(after.deals).toHaveLength(SEED.deals + plan.added.length);

    // The deals list shows them (the pointer rests on the notice, which keeps it open meanwhile).
    await user.hover(toast);
    const first = plan.added[0]!.deal;
    await router.navigate(`/deals?q=${encodeURIComponent(first.title)}`);
    expect((await screen.findAllByText(first.title, {}, { timeout: 20_000 })).length).toBeGreaterThan(0);

    // Undo takes the whole import back in one step.
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await fetchDeals({}, {})).deals).toHaveLength(SEED.deals));
  });

  it('maps a generic CSV: the guess is shown, a changed column updates the preview', async () => {
    const user = userEvent.setup();
    renderApp('/import');
    const csv = [
      'Name,Seller,Customer,Other country,Year',
      'Radar set,France,India,Israel,2019',
      'Patrol boat,Israel,India,France,2021',
    ].join('\n');
    await user.upload(
      await screen.findByLabelText('Choose a file to import'),
      new File([csv], 'deals.csv', { type: 'text/csv' }),
    );
    await screen.findByRole('heading', { name: /Match the file.s columns/ });
    const supplier = screen.getByLabelText('Supplier country');
    const preview = screen.getByRole('region', { name: /The first 2 rows/ });
    // The guess: "Seller" is the supplier.
    expect(supplier).toHaveDisplayValue('Seller');
    expect(within(preview).getByText('Radar set').closest('li')).toHaveTextContent('France to India');

    await user.selectOptions(supplier, 'Other country');
    expect(within(preview).getByText('Radar set').closest('li')).toHaveTextContent('Israel to India');
  });

  it('reads a value column in crore, lets the user change its scale and kind, and imports it so', async () => {
    const user = userEvent.setup();
    renderApp('/import');
    const csv = ['Name,Seller,Customer,Year,Value (INR crore)', 'Radar set,France,India,2019,"3,500"'].join(
      '\n',
    );
    await user.upload(
      await screen.findByLabelText('Choose a file to import'),
      new File([csv], 'crore.csv', { type: 'text/csv' }),
    );
    await screen.findByRole('heading', { name: /Match the file.s columns/ });
    const row = () => within(screen.getByRole('region', { name: /The first 1 rows/ })).getByText('Radar set');
    // Guessed from the header: rupees, in crore, an estimate until the user says otherwise.
    expect(screen.getByLabelText('Currency of the values')).toHaveDisplayValue('INR');
    expect(screen.getByLabelText('Amounts in')).toHaveDisplayValue('crore (10⁷)');
    expect(row().closest('li')).toHaveTextContent('₹3,500 crore (estimate)');

    // Without the year column the figure has no date, and the row says so once, beside its line.
    await user.selectOptions(screen.getByLabelText('Order year'), '(none)');
    expect(screen.getByText(/has no date to date the figure by/)).toHaveTextContent(/^Column "Value/);
    await user.selectOptions(screen.getByLabelText('Order year'), 'Year');

    await user.selectOptions(screen.getByLabelText('Amounts in'), 'lakh (10⁵)');
    await user.selectOptions(screen.getByLabelText('Kind of figure'), 'Signed');
    expect(row().closest('li')).toHaveTextContent('₹35 crore (signed)');

    await user.click(screen.getByRole('button', { name: /^Read all 1 rows/ }));
    await user.click(await screen.findByRole('button', { name: /^Confirm: import/ }));
    await screen.findByRole('button', { name: 'Undo' }, { timeout: 20_000 });
    const imported = (await fetchDeals({}, {})).deals.find((d) => d.title === 'Radar set')!;
    expect(imported.figures).toEqual([
      expect.objectContaining({ amount: 3_500 * 1e5, currency: 'INR', kind: 'signed' }),
    ]);
  });

  it('says why a file cannot be read, changes nothing, and reads the next file', async () => {
    const user = userEvent.setup();
    renderApp('/import');
    const input = await screen.findByLabelText('Choose a file to import');
    await user.upload(input, new File([], 'empty.csv', { type: 'text/csv' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/empty/i);

    // Over 200 MB: refused by its size, before a byte is read.
    const huge = new File(['Title,Supplier,Buyer'], 'huge.csv', { type: 'text/csv' });
    Object.defineProperty(huge, 'size', { value: MAX_IMPORT_BYTES + 1 });
    await user.upload(screen.getByLabelText('Choose a file to import'), huge);
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/huge\.csv.*up to 200 MB/));

    await user.upload(
      screen.getByLabelText('Choose a file to import'),
      new File(['{"hello": 1, "world": 2}'], 'notes.json', { type: 'application/json' }),
    );
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/hello, world/));
    expect((await fetchDeals({}, {})).deals).toHaveLength(SEED.deals);

    await user.upload(screen.getByLabelText('Choose a file to import'), fixture(FROM_US));
    expect(await screen.findByText(/SIPRI trade register, classic layout/)).toBeVisible();
  });
});
