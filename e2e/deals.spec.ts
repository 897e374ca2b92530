import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

const table = (page: import('@playwright/test').Page) => page.getByRole('table', { name: 'Matching deals' });
const titles = (page: import('@playwright/test').Page) =>
  table(page).locator('tbody tr td:first-child').allTextContents();

test.describe('the deals table in Chromium', () => {
  test('search narrows the rows', async ({ page }) => {
    await page.goto('/deals');
    await expect(page.getByText('24 of 24 deals')).toBeVisible();
    await page.getByLabel('Search deals').fill('seahawk');
    await expect(page.getByText('1 of 24 deals')).toBeVisible();
    expect(await titles(page)).toEqual(['24 MH-60R Seahawk naval helicopters']);
    // "/" focuses the search from anywhere on the page.
    await page.getByRole('heading', { name: 'Deals', level: 1 }).click();
    await page.keyboard.press('/');
    await expect(page.getByLabel('Search deals')).toBeFocused();
  });

  test('a facet plus a sort, reloaded, comes back the same', async ({ page }) => {
    await page.goto('/deals');
    await page
      .getByRole('group', { name: 'Status' })
      .getByRole('checkbox', { name: /Completed/ })
      .click();
    await page.getByRole('button', { name: /^Quantity/ }).click();
    await expect(page).toHaveURL(/status=completed.*sort=quantity%3Adesc/);
    await expect(page.getByText('12 of 24 deals')).toBeVisible();
    const before = await titles(page);
    expect(before[0]).toBe('145 M777A2 ultra-light howitzers');
    await page.reload();
    await expect(page.getByText('12 of 24 deals')).toBeVisible();
    expect(await titles(page)).toEqual(before);
    await expect(
      page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: /Completed/ }),
    ).toBeChecked();
    await expect(page.getByRole('columnheader', { name: /Quantity/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
  });

  test('the CSV download holds the rows shown', async ({ page }) => {
    await page.goto('/deals?kind=mou&kind=framework');
    await expect(page.getByText('4 of 24 deals')).toBeVisible();
    await page.getByText('Export data').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV (4 deals)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^deals_kind-mou-kind-framework-roadmap_\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = (await readFile(await download.path())).toString('utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]!.startsWith('id,title,')).toBe(true);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual([
      'defence-industrial-roadmap-2023',
      'hal-ge-f414-mou-2023',
      'indus-x-2023',
      'major-defence-partnership-framework-2025',
    ]);
  });

  test('100,000 synthetic deals: only the visible rows are in the DOM while scrolling', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/deals?dataset=synthetic&size=100000');
    await expect(page.getByText('100,000 of 100,000 deals')).toBeVisible({ timeout: 90_000 });
    await expect(table(page)).toHaveAttribute('aria-rowcount', '100001');
    const scroller = page.locator('.deal-table');
    for (const top of [40_000, 400_000, 2_000_000]) {
      await scroller.evaluate((el, y) => el.scrollTo(0, y), top);
      await page.waitForTimeout(100);
      const count = await table(page).locator('tbody tr').count();
      expect(count).toBeGreaterThan(5);
      expect(count).toBeLessThan(200);
    }
    const last = await table(page).locator('tbody tr').last().getAttribute('aria-rowindex');
    expect(Number(last)).toBeGreaterThan(40_000);
  });

  test('has no serious or critical accessibility violation (axe-core)', async ({ page }) => {
    await page.goto('/deals?status=completed&sort=value:desc');
    await expect(table(page).locator('tbody tr').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
