import { readFile } from 'node:fs/promises';
import type { Page, Route } from '@playwright/test';
import seeds from '../seeds/deals.json' with { type: 'json' };
import { exportChart } from './chart-export';
import { expect, test } from './fixtures';
import { pdfText } from './pdf-text';

// The deals come from this test, not the embedded mock. The mock answers from a service worker,
// before page.route could: so the page gets no service worker API (the app then says the demo API
// is unavailable and asks the page's origin), and page.route answers with the contract (docs/api.md).
test.use({ serviceWorkers: 'block' });

const RLO = '\u202e';
/** A system name with an unterminated RIGHT-TO-LEFT OVERRIDE and a NUL, as a broken feed could send it. */
const HOSTILE_SYSTEM = `${RLO}MQ\u00009B`;
const deals = seeds.map((deal) =>
  deal.id === 'mq-9b-2024' && deal.system
    ? { ...deal, system: { ...deal.system, name: HOSTILE_SYSTEM } }
    : deal,
);

async function serveDeals(page: Page): Promise<void> {
  const json = (route: Route, body: unknown) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  await page.route('**/api/meta*', (route) =>
    json(route, {
      dataset: 'seed',
      title: 'India–US defence deals',
      recordCount: deals.length,
      generatedAt: '2026-12-01T00:00:00Z',
      synthetic: false,
    }),
  );
  await page.route('**/api/deals**', (route) => {
    const url = new URL(route.request().url());
    const id = decodeURIComponent(url.pathname.split('/api/deals/')[1] ?? '');
    if (id) {
      const deal = deals.find((d) => d.id === id);
      if (deal) return json(route, { data: deal });
      const error = { code: 'not_found', message: `No deal has the id "${id}".` };
      return route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error }) });
    }
    return json(route, { data: deals, total: deals.length, offset: 0, limit: deals.length });
  });
}

/** Whether every override and embedding in `text` sits inside an isolate (FSI, LRI or RLI … PDI). */
function overridesOutsideIsolates(text: string): number {
  let isolates = 0;
  let outside = 0;
  for (const c of text) {
    if (c === '\u2066' || c === '\u2067' || c === '\u2068') isolates += 1;
    else if (c === '\u2069') isolates = Math.max(0, isolates - 1);
    else if (c >= '\u202a' && c <= '\u202e' && isolates === 0) outside += 1;
  }
  return outside;
}

const exportUnits = (page: Page, format: string) => exportChart(page, /ordered, by armed service/, format);

test.describe('hostile text from the API', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
    });
    await serveDeals(page);
  });

  test('a system named with U+202E and a NUL exports as an SVG that parses, every override isolated', async ({
    page,
  }) => {
    await page.goto('/');
    const { bytes, status } = await exportUnits(page, 'SVG');
    expect(status).toMatch(/^Saved /);
    const svg = bytes.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(svg).not.toContain('\u0000');
    // The legend names the system, still readable, its override kept inside an isolate.
    expect(parsed.texts.some((t) => t.includes('MQ9B'))).toBe(true);
    expect(svg).toContain(RLO);
    expect(overridesOutsideIsolates(svg)).toBe(0);
  });

  test('the same chart exports as a PNG that decodes', async ({ page }) => {
    await page.goto('/');
    const { bytes, status } = await exportUnits(page, 'PNG 2×');
    expect(status).toMatch(/^Saved .*\.png/);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const size = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      return image.width * image.height;
    }, bytes.toString('base64'));
    expect(size).toBeGreaterThan(0);
  });

  test('filtered by that system, "Export all" saves a ZIP and a PDF whose every file opens', async ({
    page,
  }) => {
    const { unzipSync, strFromU8 } = await import('fflate');
    await page.goto(`/?system=${encodeURIComponent(HOSTILE_SYSTEM)}`);
    await expect(page.locator('figure.chart-card .recharts-wrapper').first()).toBeVisible();
    const exportAll = async (button: string) => {
      const menu = page.locator('details.export-menu--all');
      if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open)))
        await menu.locator('summary').click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: button }).click(),
      ]);
      await expect(menu.getByRole('status')).toContainText(/^Saved /);
      return readFile(await download.path());
    };

    const files = unzipSync(new Uint8Array(await exportAll('All charts (ZIP of PNG and SVG)')));
    const svgs = Object.entries(files).filter(([name]) => name.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(3);
    for (const [name, bytes] of svgs) {
      const svg = strFromU8(bytes);
      const error = await page.evaluate(
        (text) =>
          new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')?.textContent,
        svg,
      );
      expect(error, name).toBeUndefined();
      expect(overridesOutsideIsolates(svg), name).toBe(0);
    }
    const readme = strFromU8(files['README.txt']!);
    expect(readme).not.toContain('\u0000');
    expect(readme).toContain(`Filters: System: \u2068${RLO}MQ9B\u202c\u2069`);
    expect(overridesOutsideIsolates(readme)).toBe(0);

    // The PDF's text has no controls at all: jsPDF knows no isolates.
    const text = pdfText(await exportAll('Briefing PDF'));
    expect(text).toContain('Filters: System: MQ9B');
    expect(text).not.toContain('\u0000');
    expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  test('a link with ?status=%E2%80%AE names it apart from the notice’s own words', async ({ page }) => {
    await page.goto('/deals?status=%E2%80%AE');
    const notice = page.getByRole('status').filter({ hasText: /^Ignored/ });
    await expect(notice).toBeVisible();
    // The notice's words with each isolated value as "[value]": what no value may reorder.
    const words = await notice.evaluate((element) => {
      const walk = (node: Node): string =>
        node.nodeType === Node.TEXT_NODE
          ? (node.textContent ?? '')
          : (node as Element).tagName === 'BDI'
            ? '[value]'
            : [...node.childNodes].map(walk).join('');
      return walk(element);
    });
    expect(words).toBe('Ignored status=[value] ("[value]" is not a known status).');
    await expect(notice.locator('bdi').first()).toHaveCSS('unicode-bidi', 'isolate');
    // And the value reads as part of the sentence: right after "status=", not spread across the row.
    const gap = await notice.evaluate((element) => {
      const bdi = element.querySelector('bdi')!;
      const range = document.createRange();
      range.selectNodeContents(bdi.previousSibling!);
      return bdi.getBoundingClientRect().left - range.getBoundingClientRect().right;
    });
    expect(Math.abs(gap)).toBeLessThan(4);
  });
});
