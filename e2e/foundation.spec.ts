import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, openApp, test } from './fixtures';
import type { Locator } from '@playwright/test';

/** The deals' title links of a table: each row also has an "Edit <title>" link. */
const titleLinks = (table: Locator) => table.getByRole('link', { name: /^(?!Edit )/ });

// @axe-core/playwright 4.13 bundles axe-core 4.13; the project's own axe-core (4.14, with its newer
// rules) is injected in its place.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** The scenario's own failed requests are expected: drop them, so the fixture fails on anything else. */
function expectOnly(errors: string[], expected: RegExp): void {
  expect(errors.some((e) => expected.test(e))).toBe(true);
  const rest = errors.filter((e) => !(e.startsWith('Failed to load resource') && expected.test(e)));
  errors.splice(0, errors.length, ...rest);
}
const AXE_VERSION = (createRequire(import.meta.url)('axe-core/package.json') as { version: string }).version;

test.describe('production build with the embedded mock API', () => {
  test('the service worker serves the API and the first chart shows 15 / 8 / 8', async ({
    page,
    consoleErrors,
  }) => {
    await openApp(page);
    const chart = page.getByRole('img', { name: /^MQ-9B drones by armed service\./ });
    await expect(chart).toHaveAccessibleName('MQ-9B drones by armed service. Navy 15, Army 8, Air Force 8');
    await expect(page.getByRole('heading', { name: 'MQ-9B drones by armed service' })).toBeVisible();
    // The bars' value labels are drawn in the SVG itself.
    const labels = await chart.locator('svg .recharts-label-list text').allTextContents();
    expect(labels).toEqual(['15', '8', '8']);

    const api = await page.evaluate(async () => {
      const response = await fetch('/api/meta');
      return {
        type: response.headers.get('content-type'),
        body: (await response.json()) as { dataset: string; synthetic: boolean; recordCount: number },
        controlled: navigator.serviceWorker.controller !== null,
      };
    });
    expect(api.type).toContain('application/json');
    expect(api.body).toMatchObject({ dataset: 'seed', synthetic: false });
    expect(api.body.recordCount).toBeGreaterThan(15);
    expect(api.controlled).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('lists the seed deals and opens one with its sources', async ({ page, consoleErrors }) => {
    await openApp(page, '/deals');
    const list = page.getByRole('table', { name: 'Matching deals' });
    await expect(list.getByRole('row').nth(1)).toBeVisible();
    await page.getByLabel('Search deals').fill('Globemaster');
    await expect(list.getByRole('row')).not.toHaveCount(1);
    for (const title of await titleLinks(list).allTextContents()) expect(title).toMatch(/C-17/);

    await page.getByLabel('Search deals').fill('MQ-9B');
    await list.getByRole('link', { name: /^31 MQ-9B/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('MQ-9B');
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    await expect(page.getByText('Sources disagree')).toBeVisible();
    const links = page.locator('.source-list a');
    await expect(links.first()).toHaveAttribute('rel', 'noopener noreferrer');
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) {
      expect(href).toMatch(/^https?:\/\//);
    }
    expect(consoleErrors).toEqual([]);
  });

  test('an unknown deal id shows a not-found page', async ({ page, consoleErrors }) => {
    await openApp(page, '/deals/no-such-deal');
    await expect(page.getByRole('heading', { name: 'Deal not found' })).toBeVisible();
    // The API's 404 is what this test asks for; the browser logs it, and nothing else may be logged.
    expectOnly(consoleErrors, /status of 404/);
  });

  test('the error scenario shows what failed and Retry recovers', async ({ page, consoleErrors }) => {
    // Two failures: the first request and the query client's one automatic retry.
    await openApp(page, '/deals?mock=error&mockTimes=2');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the deals' });
    await expect(alert).toContainText('500');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(alert).toBeHidden();
    await expect(page.getByRole('table', { name: 'Matching deals' }).getByRole('row').nth(1)).toBeVisible();
    expectOnly(consoleErrors, /status of 500/);
  });

  test('malformed records are reported by id and reason, the rest still shown', async ({ page }) => {
    await openApp(page, '/?mock=malformed');
    const notice = page.getByText(/2 records rejected/);
    await expect(notice).toBeVisible();
    await notice.click();
    await expect(page.getByText(/status: /).first()).toBeVisible();
    await expect(page.getByText(/sources: /).first()).toBeVisible();
    await expect(page.getByRole('list', { name: 'Deals' }).getByRole('listitem').first()).toBeVisible();
  });

  test('synthetic data is labelled synthetic on screen', async ({ page, consoleErrors }) => {
    await openApp(page, '/?dataset=synthetic&size=2000');
    await expect(page.getByRole('note').filter({ hasText: 'Synthetic data' })).toContainText(
      '2,000 generated records',
    );
    await expect(page.getByText('Synthetic · 2,000 records')).toBeVisible();
    await page.getByRole('link', { name: 'Deals', exact: true }).click();
    await expect(page).toHaveURL(/\/deals\?.*dataset=synthetic/);
    await expect(page.getByRole('heading', { level: 1, name: 'Deals' })).toBeVisible();
    await expect(page.getByText(/^\d[\d,]* of 2,000 deals$/)).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
  test('a synthetic set opened again comes from the browser cache: the same deals, the same generation time', async ({
    page,
    consoleErrors,
  }) => {
    const url = '/deals?dataset=synthetic&size=1500&seed=11&sort=value:desc';
    await openApp(page, url);
    const list = page.getByRole('table', { name: 'Matching deals' });
    await expect(page.getByText('1,500 of 1,500 deals')).toBeVisible();
    const firstRows = await titleLinks(list).evaluateAll((as) => as.slice(0, 5).map((a) => a.textContent));
    const meta = () =>
      page.evaluate(async () => {
        const response = await fetch('/api/meta?dataset=synthetic&size=1500&seed=11');
        return ((await response.json()) as { generatedAt: string }).generatedAt;
      });
    const generatedAt = await meta();
    await expect
      .poll(() => page.evaluate(async () => (await (await caches.open('dpt-synthetic-lists')).keys()).length))
      .toBe(1);

    await page.reload();
    await expect(page.getByText('1,500 of 1,500 deals')).toBeVisible();
    expect(await titleLinks(list).evaluateAll((as) => as.slice(0, 5).map((a) => a.textContent))).toEqual(
      firstRows,
    );
    expect(await meta()).toBe(generatedAt);
    expect(firstRows[0]).toMatch(/^Synthetic:/);
    expect(consoleErrors).toEqual([]);
  });

  const pages: {
    path: string;
    ready: string;
    open?: (page: import('@playwright/test').Page) => Promise<void>;
  }[] = [
    { path: '/', ready: 'figure.chart-card .chart-card__chart svg' },
    {
      path: '/?kind=purchase',
      ready: 'figure.chart-card .chart-card__chart svg',
      // The filter bar's menu and a drill-through list, open.
      open: async (page) => {
        const stages = page.getByRole('figure', { name: /Deals by lifecycle stage/ });
        await stages.getByRole('button', { name: 'Show as table' }).click();
        await stages
          .getByRole('button', { name: /^List the/ })
          .first()
          .click();
        const bar = page.getByRole('group', { name: 'Filter the dashboard' });
        await bar.getByRole('button', { name: /^Service/ }).click();
        await expect(bar.getByRole('checkbox').first()).toBeVisible();
      },
    },
    { path: '/deals', ready: 'table tbody tr a' },
    { path: '/deals/mq-9b-2024', ready: '.source-list a' },
    { path: '/present?slide=2', ready: '.present__slide h2' },
  ];
  for (const { path, ready, open } of pages) {
    test(`axe-core ${AXE_VERSION} finds no serious or critical violation on ${path}${open ? ' with menus open' : ''}`, async ({
      page,
    }) => {
      // axe walks the whole page: the dashboard takes 10–20 s on a busy 2-core machine.
      test.setTimeout(90_000);
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await open?.(page);
      const results = await new AxeBuilder({ page, axeSource: AXE_SOURCE })
        // Off by default as experimental in 4.14: a visible label the accessible name does not contain.
        .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
        .analyze();
      expect(results.testEngine.version).toBe(AXE_VERSION);
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
});
