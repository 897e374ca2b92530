import { expect, test } from './fixtures';

// The units chart's title names what it counts ("Units by armed service", "Platforms ordered, by armed service").
const UNITS = /^(Units|Platforms ordered,) by armed service/;
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
      UNITS,
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
    const units = figure(page, UNITS);
    const navyTick = units.locator('svg text', { hasText: /^Navy$/ });
    // Mouse coordinates are the viewport's: bring the axis into view first.
    await navyTick.scrollIntoViewIfNeeded();
    const box = (await navyTick.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y - 14);
    await expect(page).toHaveURL(/[?&]service=navy/);
    await expect(page.getByRole('button', { name: 'Remove filter Service: Navy' })).toBeVisible();
    // Deals with a navy share or the navy as stated end user: the MQ-9B split, the P-8I and the MH-60R.
    await expect(kpi(page, 'Deals')).toHaveText('6');
    const largest = page.getByRole('list', { name: 'Deals', exact: true });
    await expect(largest.getByRole('link', { name: /31 MQ-9B/ })).toBeVisible();

    await page.reload();
    await expect(kpi(page, 'Deals')).toHaveText('6');
    await page.goBack();
    await expect(kpi(page, 'Deals')).toHaveText('24');
    await page.goForward();
    await expect(kpi(page, 'Deals')).toHaveText('6');
  });

  test('the filter bar: Navy from its Service menu gives the navy deals, P-8I and MH-60R among them', async ({
    page,
  }) => {
    await page.goto('/');
    const bar = page.getByRole('group', { name: 'Filter the dashboard' });
    await bar.getByRole('button', { name: /^Service/ }).click();
    await bar.getByRole('checkbox', { name: /^Navy \d+ deals$/ }).check();
    await expect(page).toHaveURL(/\?service=navy$/);
    await expect(page.getByText(/^6 of 24 deals/)).toBeVisible();
    const largest = page.getByRole('list', { name: 'Deals', exact: true });
    await expect(largest.getByRole('link', { name: /MH-60R/ })).toHaveAttribute(
      'href',
      /^\/deals\/mh-60r-2020/,
    );
    await expect(largest.getByRole('link', { name: /^8 P-8I/ })).toHaveAttribute(
      'href',
      /^\/deals\/p-8i-2009/,
    );
    await expect(figure(page, /Deals by lifecycle stage/).getByText(/^Service: Navy · /)).toBeVisible();
    // Escape closes the menu and the focus is back on its button.
    await page.keyboard.press('Escape');
    await expect(bar.getByRole('checkbox')).toHaveCount(0);
    await expect(bar.getByRole('button', { name: /^Service: Navy/ })).toBeFocused();
  });

  test('drill-through: a bar lists its deals on hover, and by keyboard from "Show as table"', async ({
    page,
  }) => {
    await page.goto('/');
    const stages = figure(page, /Deals by lifecycle stage/);
    // Hover the bar beside its "Completed" label (a stage with no deals has a bar of no width).
    const label = stages.locator('svg text', { hasText: /^Completed$/ });
    await label.scrollIntoViewIfNeeded();
    const box = (await label.boundingBox())!;
    await page.mouse.move(box.x + box.width + 30, box.y + box.height / 2);
    const tooltip = stages.locator('.drill-tooltip');
    await expect(tooltip).toContainText(/^Completed: 12 deals/);
    expect(await tooltip.getByRole('link').count()).toBeGreaterThan(0);

    await stages.getByRole('button', { name: 'Show as table' }).focus();
    await page.keyboard.press('Enter');
    const list = stages.getByRole('button', { name: /^List the 12 deals: Completed$/ });
    await list.focus();
    await page.keyboard.press('Enter');
    const deals = stages.getByRole('list', { name: 'Deals: Completed' });
    await expect(deals.getByRole('link')).toHaveCount(12);
    await page.keyboard.press('Tab');
    const first = deals.getByRole('link').first();
    await expect(first).toBeFocused();
    const title = (await first.textContent())!;
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/deals\/[^/?]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  });

  test('the stage axis steps by round numbers', async ({ page }) => {
    await page.goto('/');
    const ticks = figure(page, /Deals by lifecycle stage/).locator('.recharts-cartesian-axis-tick-value');
    await expect(ticks.first()).toBeVisible();
    // The stage names are the other axis's ticks.
    const values = (await ticks.allTextContents()).filter((t) => /^\d/.test(t)).map(Number);
    expect(values.length).toBeGreaterThan(2);
    const step = values[1]! - values[0]!;
    expect(values[0]).toBe(0);
    expect(String(step)).toMatch(/^[125]0*$/);
    values.forEach((v, i) => expect(v).toBe(i * step));
  });

  test('says how fresh the data is', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText(/^Data as of \w+ \d{4} \(newest source\)$/)).toBeVisible();
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
});
