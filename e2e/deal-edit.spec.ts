import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The form's section headed `name` (each section is a region named by its heading). */
const section = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('main').analyze();
  return results.violations
    .filter(
      (v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'label-content-name-mismatch',
    )
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('the deal form in Chromium', () => {
  test('a new deal is saved in the browser: after a reload it is still there', async ({ page }) => {
    await page.goto('/deals');
    await page.getByRole('link', { name: 'New deal' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New deal' })).toBeVisible();

    const deal = section(page, 'The deal');
    await deal.getByLabel('Title').fill('Six test radars');
    await expect(deal.getByLabel('Id')).toHaveValue('six-test-radars');
    await deal.getByLabel('Summary').fill('A deal typed into the form by an end-to-end test.');
    await deal.getByLabel('Kind').selectOption({ label: 'Purchase' });
    await deal.getByLabel('Status').selectOption({ label: 'Announced' });
    const sources = section(page, 'Sources');
    await sources.getByLabel('Publisher').fill('Test Wire');
    await sources.getByLabel('Title').fill('Radars announced');
    const countries = section(page, 'Countries, parties and routes');
    await countries.getByLabel('Buyer countries').fill('IN');
    await countries.getByLabel('Supplier countries').fill('US');
    await page.getByRole('button', { name: 'Create deal' }).click();

    await expect(page).toHaveURL(/\/deals\/six-test-radars$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Six test radars' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Six test radars' })).toBeVisible();
    await page.goto('/deals?q=radars');
    await expect(page.getByRole('link', { name: 'Six test radars', exact: true })).toBeVisible();
  });

  test("a row's Edit is the next stop after its title, by keyboard", async ({ page }) => {
    await page.goto('/deals?q=seahawk');
    const title = page.getByRole('link', { name: /^24 MH-60R Seahawk/ });
    await title.focus();
    await page.keyboard.press('Tab');
    const edit = page.getByRole('link', { name: /^Edit 24 MH-60R Seahawk/ });
    await expect(edit).toBeFocused();
    await expect(edit).toHaveText('');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/deals\/mh-60r[^/]*\/edit\?q=seahawk$/);
    await expect(page.getByRole('heading', { level: 1, name: /^Edit 24 MH-60R/ })).toBeVisible();
  });

  test('unsaved changes: Back and a link ask first, and a no keeps the form as typed', async ({ page }) => {
    await page.goto('/deals');
    await page.getByRole('link', { name: 'New deal' }).click();
    const title = section(page, 'The deal').getByLabel('Title');
    await title.fill('Half-typed');
    const questions: string[] = [];
    page.on('dialog', (dialog) => {
      questions.push(dialog.type());
      void dialog.dismiss();
    });
    await page.goBack();
    await expect(page).toHaveURL(/\/deals\/new$/);
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(page).toHaveURL(/\/deals\/new$/);
    await expect(title).toHaveValue('Half-typed');
    expect(questions).toEqual(['confirm', 'confirm']);
    // Closing the tab asks too (the browser's own question).
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => questions).toEqual(['confirm', 'confirm', 'beforeunload']);
  });

  test('the form has no serious axe violation, empty and with every error shown', async ({ page }) => {
    await page.goto('/deals/new');
    await expect(section(page, 'The deal').getByLabel('Title')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Create deal' }).click();
    const summary = page.getByRole('heading', { name: /fields need attention/ });
    await expect(summary).toBeVisible();
    // Focus is on the summary, which links to each field.
    await expect(page.locator('.form-summary')).toBeFocused();
    await expect(section(page, 'The deal').getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the edit form of a seed deal, with a figure and milestones, has no serious axe violation', async ({
    page,
  }) => {
    // Hundreds of controls (a citation checkbox per source on every figure and milestone): axe takes a while.
    test.setTimeout(120_000);
    await page.goto('/deals/mq-9b-2024/edit');
    await expect(section(page, 'Money').getByRole('group', { name: 'Figure 1' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('Add a reported figure: a modal dialog, Escape closes it, saving adds a row', async ({ page }) => {
    await page.goto('/deals/mq-9b-2024');
    const money = page.getByRole('table', { name: 'Reported values' });
    await expect(money.locator('tbody tr').first()).toBeVisible();
    const before = await money.locator('tbody tr').count();
    await page.getByRole('button', { name: 'Add a reported figure' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a reported figure' });
    await expect(dialog).toBeVisible();
    expect(
      await new AxeBuilder({ page })
        .include('dialog')
        .analyze()
        .then((r) => r.violations.map((v) => v.id)),
    ).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Add a reported figure' }).click();
    await dialog.getByLabel('Amount').fill('4000000000');
    await dialog.getByLabel('Kind').selectOption({ label: 'Estimate' });
    await dialog.getByLabel('As of').fill('2025-01');
    await dialog.getByLabel('Source').selectOption({ index: 1 });
    await dialog.getByRole('button', { name: 'Add figure' }).click();
    await expect(dialog).toBeHidden();
    await expect(money.locator('tbody tr')).toHaveCount(before + 1);
    await page.reload();
    await expect(page.getByRole('table', { name: 'Reported values' }).locator('tbody tr')).toHaveCount(
      before + 1,
    );
  });
});
