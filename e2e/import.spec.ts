import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import seedRecords from '../seeds/deals.json' with { type: 'json' };
import { SEED } from '../seeds/expected';
import { Deal } from '../src/domain/model/deal-schema';
import { parseFile } from '../src/domain/import/detect';
import { buildImportPlan } from '../src/domain/import/plan';
import { formatCount } from '../src/domain/money-dates/money';
import { expect, test } from './fixtures';

const INDIA = fileURLToPath(
  new URL('../src/domain/import/fixtures/sipri_trade_register_india_recipient.csv', import.meta.url),
);

const kpi = (page: import('@playwright/test').Page, label: string) =>
  page
    .getByLabel('Key figures')
    .locator('.kpi')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.kpi__value');

const count = (page: import('@playwright/test').Page, label: string) =>
  page
    .locator('.import-counts__item')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');

/** What the domain parser makes of the file against the seed deals: the preview must say the same. */
async function expectedPlan() {
  const bytes = new Uint8Array(await readFile(INDIA));
  const parsed = parseFile(bytes, {
    fileName: 'sipri_trade_register_india_recipient.csv',
    importedAt: new Date().toISOString(),
  });
  if (parsed.kind !== 'parsed') throw new Error('the SIPRI file should parse without a mapping');
  const existing = seedRecords.map((record) => ({ deal: Deal.parse(record), revision: 1 }));
  return buildImportPlan(parsed.result, existing);
}

test.describe('import in Chromium', () => {
  test('imports the SIPRI India file through the file picker, after one confirmation', async ({ page }) => {
    const plan = await expectedPlan();
    expect(plan.rowsRead).toBe(764);
    await page.goto('/');
    await expect(kpi(page, 'Deals')).toHaveText(String(SEED.deals));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import' }).click();
    await page.getByLabel('Choose a file to import').setInputFiles(INDIA);

    await expect(page.locator('.import-detected')).toContainText(
      'SIPRI trade register, classic layout, 764 rows',
    );
    await expect(count(page, 'rows read')).toHaveText(formatCount(plan.rowsRead));
    await expect(count(page, 'new deals')).toHaveText(formatCount(plan.added.length));
    await expect(count(page, 'matching deals that change')).toHaveText(formatCount(plan.updated.length));
    await expect(count(page, 'rows that cannot be imported')).toHaveText(formatCount(plan.rejected.length));

    const axe = await new AxeBuilder({ page }).analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    await page.getByRole('button', { name: /^Confirm: import/ }).click();
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: /^Imported / })
        .first(),
    ).toBeVisible({ timeout: 20_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(kpi(page, 'Deals')).toHaveText(formatCount(SEED.deals + plan.added.length));
  });

  test('a hostile file dropped anywhere gets a message, runs nothing and changes nothing', async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto('/');
    await expect(kpi(page, 'Deals')).toHaveText(String(SEED.deals));

    /** Drops a file on the dashboard, as a file dragged from the desktop would arrive. */
    const drop = async (name: string, bytes: number[], type: string) => {
      await page.evaluate(
        ({ name, bytes, type }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], name, { type }));
          const target = document.querySelector('main') ?? document.body;
          for (const kind of ['dragenter', 'dragover', 'drop'])
            target.dispatchEvent(
              new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }),
            );
        },
        { name, bytes, type },
      );
    };

    // A PNG renamed .csv: its first bytes are the PNG signature.
    const png = [
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
    ];
    await drop('chart.csv', png, 'text/csv');
    await expect(page).toHaveURL(/\/import$/);
    await expect(page.getByRole('alert')).toContainText(/binary/i);
    // The page still works: the picker is there for the next file.
    await expect(page.getByLabel('Choose a file to import')).toBeEnabled();

    const hostile = [
      'Title,Supplier,Buyer,Order year',
      '"<img src=x onerror=alert(1)>",United States,India,2019',
      '"=HYPERLINK(""http://evil.example"",""click"")",France,India,2020',
    ].join('\n');
    await page.getByLabel('Choose a file to import').setInputFiles({
      name: 'hostile.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(hostile),
    });
    await expect(page.getByRole('heading', { name: /Match the file.s columns/ })).toBeVisible();
    // Both cells are shown as the text they are.
    await expect(page.getByText('<img src=x onerror=alert(1)>', { exact: true })).toBeVisible();
    await expect(page.getByText('=HYPERLINK("http://evil.example","click")', { exact: true })).toBeVisible();
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Import cancelled' })).toBeVisible();

    expect(dialogs).toEqual([]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(kpi(page, 'Deals')).toHaveText(String(SEED.deals));
  });
});
