import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * A hostile or broken feed, played by rewriting the demo API's answers in the page: the app's
 * fetch of /api/deals… gets the embedded API's response with some records changed. (page.route
 * cannot do it: the demo API answers inside a service worker, which Playwright does not route.)
 */
async function rewriteDeals(page: Page, change: { hugeText?: string[]; rejects?: number }) {
  await page.addInitScript((change) => {
    const MB = 1024 * 1024;
    const megabyte = (word: string) => word.repeat(Math.ceil(MB / word.length)).slice(0, MB);
    const hostile = (record: Record<string, unknown>) =>
      change.hugeText?.includes(record.id as string)
        ? { ...record, title: megabyte(`${String(record.id)}:title:`), summary: megabyte('summary') }
        : record;
    const original = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const response = await original(input, init);
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (!response.ok || !url.pathname.startsWith('/api/deals')) return response;
      const body = (await response.json()) as { data: unknown };
      if (Array.isArray(body.data)) {
        const records = (body.data as Record<string, unknown>[]).map(hostile);
        // Records that fail validation: no sources, the one field every deal needs.
        for (let i = 0; i < (change.rejects ?? 0); i++)
          records.push({ ...records[0], id: `bad-${i}`, sources: [] });
        body.data = records;
        if ('total' in body) (body as { total: number }).total = records.length;
      } else {
        body.data = hostile(body.data as Record<string, unknown>);
      }
      return new Response(JSON.stringify(body), {
        status: response.status,
        headers: { 'content-type': 'application/json' },
      });
    };
  }, change);
}

const SEEDS = ['mq-9b-2024', 'mq-9b-seaguardian-lease-2020', 'hal-ge-f414-mou-2023'];

/** Milliseconds from navigation to the first frame painted after the deal and its neighbours are in the page. */
async function timeDealPage(page: Page, path: string): Promise<number> {
  await page.goto(path);
  await page.waitForFunction(
    () => document.querySelector('.deal h1') && document.querySelectorAll('.deal-neighbours a').length === 2,
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  return page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(Math.round(performance.now())))),
      ),
  );
}

test.describe('a feed with 1 MB titles and summaries', () => {
  test('the previous and next links name those deals in 200 characters and stay inside the page', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await rewriteDeals(page, { hugeText: SEEDS });
    const ms = await timeDealPage(page, `/deals/${SEEDS[1]}`);
    // A figure for the report, not a budget.
    console.info(`deal page with 1 MB title and summary, and 1 MB neighbours: ${ms} ms to the painted page`);
    const viewport = page.viewportSize()!;
    const links = page.getByRole('navigation', { name: 'Deals in this view' }).getByRole('link');
    await expect(links).toHaveCount(2);
    for (const link of await links.all()) {
      const text = (await link.textContent())!;
      expect(text.length).toBeLessThan(220);
      expect(text).toContain('…');
      const box = (await link.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.height).toBeLessThan(200);
    }
    // Nothing makes the page scroll sideways.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(viewport.width);
  });
});

test.describe('a feed with 1,450 records that fail validation', () => {
  for (const viewport of [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    test(`every rejected record can be seen in a dialog, searched, and closed with Escape (${viewport.name})`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize(viewport);
      await rewriteDeals(page, { rejects: 1450 });
      await page.goto('/deals');
      const notice = page.getByRole('status').filter({ hasText: '1,450 records rejected' });
      await notice.locator('summary').click();
      await expect(notice).toContainText('… and 1,350 more.');
      const opener = notice.getByRole('button', { name: 'Show all 1,450 rejected records' });
      await opener.click();

      const dialog = page.getByRole('dialog', { name: '1,450 rejected records' });
      await expect(dialog).toBeVisible();
      const search = dialog.getByRole('searchbox', { name: 'Search by id or reason' });
      await expect(search).toBeFocused();
      await expect(dialog.getByRole('listitem')).toHaveCount(100);
      await page.screenshot({ path: testInfo.outputPath(`rejected-dialog-${viewport.name}.png`) });

      await search.fill('bad-1449');
      await expect(dialog.getByText('Showing 1 of 1,450.')).toBeVisible();
      await expect(dialog.getByRole('listitem')).toHaveText(/^bad-1449: sources/);
      await search.fill('');

      // The page behind is inert: Tab only moves between the dialog's own controls.
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        expect(
          await dialog.evaluate(
            (d) => d.contains(document.activeElement) || document.activeElement === document.body,
          ),
        ).toBe(true);
      }
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(opener).toBeFocused();
    });
  }
});
