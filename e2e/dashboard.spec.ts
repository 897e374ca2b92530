import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const figure = (page: import('@playwright/test').Page, name: RegExp) => page.getByRole('figure', { name });
const kpi = (page: import('@playwright/test').Page, label: string) =>
  page
    .getByLabel('Key figures')
    .locator('.kpi')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.kpi__value');

test.describe('the dashboard in Chromium', () => {
  test('renders every chart with the seed data', async ({ page, consoleErrors }) => {
    await page.goto('/');
    for (const name of [
      /Units by armed service/,
      /Contract value by year/,
      /Deals by lifecycle stage/,
      /Deals by domain/,
      /From first step to signature/,
    ]) {
      const chart = figure(page, name);
      await expect(chart.locator('.chart-card__chart')).toBeVisible();
      // Each chart has drawn shapes, not an empty frame.
      expect(await chart.locator('svg rect, svg path').count()).toBeGreaterThan(3);
    }
    await expect(kpi(page, 'Deals')).toHaveText('24');
    expect(consoleErrors).toEqual([]);
  });

  test('clicking Navy in the service chart leaves only deals with a navy allocation, and the URL round-trips', async ({
    page,
  }) => {
    await page.goto('/');
    const units = figure(page, /Units by armed service/);
    const navyTick = units.locator('svg text', { hasText: /^Navy$/ });
    const box = (await navyTick.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y - 14);
    await expect(page).toHaveURL(/[?&]service=navy/);
    await expect(page.getByRole('button', { name: 'Remove filter Service: Navy' })).toBeVisible();
    await expect(kpi(page, 'Deals')).toHaveText('1');
    const largest = page.getByRole('list', { name: 'Deals' });
    await expect(largest.getByRole('link')).toHaveText([/31 MQ-9B/]);

    await page.reload();
    await expect(kpi(page, 'Deals')).toHaveText('1');
    await page.goBack();
    await expect(kpi(page, 'Deals')).toHaveText('24');
    await page.goForward();
    await expect(kpi(page, 'Deals')).toHaveText('1');
  });

  test('renders in dark mode with light text on dark cards', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const card = figure(page, /Deals by lifecycle stage/);
    await expect(card.locator('.chart-card__chart')).toBeVisible();
    const [background, colour] = await card.evaluate((el) => {
      const style = getComputedStyle(el);
      return [style.backgroundColor, style.color];
    });
    const lightness = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
      return (r! + g! + b!) / 3;
    };
    expect(lightness(background)).toBeLessThan(80);
    expect(lightness(colour)).toBeGreaterThan(170);
  });

  test('has no serious or critical accessibility violation (axe-core)', async ({ page }) => {
    await page.goto('/');
    await expect(figure(page, /Units by armed service/).locator('.chart-card__chart')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
