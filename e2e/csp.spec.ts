import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { contentSecurityPolicy } from '../vite/csp-plugin';
import { exportChart } from './chart-export';
import { expect, openApp, test } from './fixtures';

/** What the server in docs/deploying.md sends: the same policy, plus frame-ancestors. */
const HEADER_POLICY = contentSecurityPolicy({}, { header: true });

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  where: string;
}
declare global {
  interface Window {
    __cspViolations: Violation[];
  }
}

test.beforeEach(async ({ page }) => {
  // Registered before any of the page's own scripts, so nothing blocked at start-up is missed.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations.push({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        where: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
  // The preview server sends no CSP; add it to every page the app loads as a document, as a
  // production server does. The built page's own <meta> policy applies as well.
  await page.route(
    (url) => !/\.[a-z0-9]+$/i.test(url.pathname),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      return route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': HEADER_POLICY },
      });
    },
  );
});

const violations = (page: Page) => page.evaluate(() => window.__cspViolations);

test.describe('under a strict Content-Security-Policy', () => {
  test('the built page carries the policy, and the header reaches the browser', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.headers()['content-security-policy']).toBe(HEADER_POLICY);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute(
      'content',
      contentSecurityPolicy({}),
    );
    expect(HEADER_POLICY).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(HEADER_POLICY).toContain("frame-ancestors 'none'");
  });

  test('dashboard, deals, a deal page and a slide load with no violation', async ({ page }) => {
    await openApp(page, '/');
    await expect(page.locator('figure.chart-card .recharts-wrapper svg').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Largest deals' })).toBeVisible();

    await openApp(page, '/deals');
    const rows = page.getByRole('table', { name: 'Matching deals' }).getByRole('row');
    await expect(rows.nth(3)).toBeVisible();
    expect(await violations(page)).toEqual([]);

    await openApp(page, '/deals/mq-9b-2024');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('MQ-9B');
    expect(await violations(page)).toEqual([]);

    // The slides have no site header to wait for.
    await page.goto('/present?slide=2');
    await expect(page.getByRole('region', { name: /^Slide 2 of \d+$/ }).getByRole('heading')).toBeVisible();
    // And the next slide, a chart.
    await page.keyboard.press('ArrowRight');
    await expect(
      page
        .getByRole('region', { name: /^Slide 3 of \d+$/ })
        .locator('svg')
        .first(),
    ).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });

  test('a chart exports as SVG and PNG, and the dashboard as a briefing PDF, with no violation', async ({
    page,
  }) => {
    await openApp(page, '/');
    const svg = (await exportChart(page, /Deals by lifecycle stage/, 'SVG')).bytes;
    expect(svg.toString('utf8')).toContain('<svg');
    const png = (await exportChart(page, /Deals by lifecycle stage/, 'PNG 2×')).bytes;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(await violations(page)).toEqual([]);

    await page.locator('summary', { hasText: 'Export all' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Briefing PDF' }).click(),
    ]);
    const pdf = await readFile(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await violations(page)).toEqual([]);
  });
});
