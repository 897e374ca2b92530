import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { expect, openApp, test } from './fixtures';

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
    await expect(page).toHaveURL(/status=completed.*sort=quantity:desc/);
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

  test('Enter and Space on a column header sort the table and stay on it', async ({ page }) => {
    await openApp(page, '/deals');
    await expect(page.getByText('24 of 24 deals')).toBeVisible();
    const header = page.getByRole('button', { name: /^Quantity/ });
    await header.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/deals\?sort=quantity:desc$/);
    await expect(page.getByRole('columnheader', { name: /Quantity/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/\/deals\?sort=quantity:asc$/);
    await expect(header).toBeFocused();
  });

  test('a keyboard user skips to the deals table in a few presses', async ({ page }) => {
    await openApp(page, '/deals?sort=title:asc');
    await expect(table(page).locator('tbody tr').first()).toBeVisible();
    // The first Tab stop skips the header's links; the page's own skip link is the next one.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the deals table' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    const first = table(page).locator('tbody tr').first();
    await expect(first).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(table(page).locator('tbody tr').nth(1)).toBeFocused();
  });

  test('marks what the search matched, separators ignored', async ({ page }) => {
    await openApp(page, '/deals?q=MQ9B');
    const marks = table(page).locator('mark');
    await expect(marks.first()).toBeVisible();
    expect(new Set(await marks.allTextContents())).toEqual(new Set(['MQ-9B']));
  });
});

/** A `<details>` menu's trigger: a summary is no `button` to role queries, so it is found by its text. */
const trigger = (page: import('@playwright/test').Page, name: string) =>
  page.locator('summary', { hasText: new RegExp(`^${name}$`) }).first();
const isOpen = (page: import('@playwright/test').Page, name: string) =>
  trigger(page, name).evaluate((summary) => (summary.parentElement as HTMLDetailsElement).open);

test.describe('menus close on Escape and on a click outside', () => {
  for (const [path, name] of [
    ['/deals', 'Columns'],
    ['/deals', 'Export data'],
    ['/', 'Export all'],
  ] as const) {
    test(`${name} on ${path}`, async ({ page }) => {
      await openApp(page, path);
      const summary = trigger(page, name);
      await expect(summary).toBeVisible();
      await page.waitForLoadState('networkidle');
      await summary.click();
      expect(await isOpen(page, name)).toBe(true);
      const panel = summary.locator('xpath=following-sibling::*[1]');
      await expect(panel).toBeVisible();
      // Into the menu with the keyboard, then out with Escape.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(summary).toBeFocused();

      await page.keyboard.press('Enter');
      await expect(panel).toBeVisible();
      await page.getByRole('heading', { level: 1 }).click();
      await expect(panel).toBeHidden();
      await expect(summary).toBeFocused();
    });
  }
});

test('a chart’s Export menu (a button) closes on Escape and on a click outside', async ({ page }) => {
  await openApp(page, '/');
  const trigger = page.getByRole('button', { name: 'Export', exact: true }).first();
  await page.waitForLoadState('networkidle');
  await trigger.click();
  await expect(trigger).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('group', { name: /^Export / }).first();
  await expect(panel).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(trigger).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(panel).toBeHidden();
  await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  await expect(trigger).toBeFocused();
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const path of ['/', '/deals', '/deals/mq-9b-2024']) {
    test(`${path} does not scroll sideways`, async ({ page }) => {
      await openApp(page, path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      // The page itself, not its error boundary's message.
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page.locator('.dataset-label')).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
    });
  }
});

test('the footer of a synthetic data set does not credit published reports', async ({ page }) => {
  await openApp(page, '/deals?dataset=synthetic&size=1000');
  await expect(page.getByText('1,000 of 1,000 deals')).toBeVisible();
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('Synthetic data, generated for demonstration');
  await expect(footer).not.toContainText('compiled from published reports');
  await openApp(page, '/deals');
  await expect(page.getByRole('contentinfo')).toContainText('compiled from published reports');
});

test('the deal page, its citations and an opened quote have no serious accessibility violation', async ({
  page,
}) => {
  await openApp(page, '/deals/mq-9b-2024');
  await expect(page.getByRole('heading', { name: 'Sources', exact: true })).toBeVisible();
  await page.locator('.citations summary').first().click();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
