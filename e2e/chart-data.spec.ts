import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';
import Papa from 'papaparse';
import { SEED } from '../seeds/expected';
import { formatCount, formatMoney } from '../src/domain/money-dates/money';
import { exportChart, openExportMenu } from './chart-export';
import { expect, test } from './fixtures';
import { pdfText } from './pdf-text';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const STAGES = /Deals by lifecycle stage/;

async function exportAll(page: Page, button: RegExp) {
  const menu = page.locator('details.export-menu--all');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await expect(menu.getByRole('status')).toContainText(/^Saved /);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

async function zipOf(page: Page) {
  const { unzipSync, strFromU8 } = await import('fflate');
  const files = unzipSync(new Uint8Array((await exportAll(page, /^All charts \(ZIP/)).bytes));
  return { files, text: (name: string) => strFromU8(files[name]!) };
}

/** The CSV as a spreadsheet reads it: rows of fields, the BOM off. */
function parseCsv(csv: string): string[][] {
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n' });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** The card's "Show as table" as the screen shows it: header texts and, per row, each cell's text. */
async function screenTable(figure: Locator) {
  await figure.getByRole('button', { name: 'Show as table' }).click();
  const table = figure.locator('.chart-card__table table');
  await expect(table).toBeVisible();
  const read = await table.evaluate((t) => ({
    header: [...t.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? ''),
    rows: [...t.querySelectorAll('tbody tr')]
      .filter((tr) => tr.querySelector('th[scope="row"]'))
      .map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? '')),
  }));
  await figure.getByRole('button', { name: 'Show as chart' }).click();
  return read;
}

/** Which screen column a CSV header is: "Ordered (ordered platforms)" is "Ordered". */
function screenColumn(screen: string[], csvHeader: string): number {
  return screen.findIndex((s, i) => {
    const bare = s.replace(/\s*\((USD|INR)\)$/, '');
    return i > 0 && (csvHeader === s || csvHeader.startsWith(`${bare} (`));
  });
}

/**
 * A CSV cell against the screen's: the screen writes "–" for none and for not known (the CSV: 0 or
 * empty), a count grouped, money compact; a number in the CSV is the raw figure.
 */
function expectSameFigure(csv: string, screen: string, money: boolean, currency: string, where: string) {
  if (screen === '–') {
    expect(['', '0'], where).toContain(csv);
    return;
  }
  if (csv === '' || Number.isNaN(Number(csv))) {
    expect(csv, where).toBe(screen);
    return;
  }
  const value = Number(csv);
  expect(money ? formatMoney(value, currency) : formatCount(value), where).toBe(screen);
}

test.describe('the data behind every chart', () => {
  test('the ZIP has a CSV per chart whose numbers are the chart’s table, and each SVG its title and desc', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/?service=navy');
    await expect(page.locator('figure.chart-card .recharts-wrapper').first()).toBeVisible();
    const { files, text } = await zipOf(page);
    const names = Object.keys(files).sort();
    const cards = page.locator('figure.chart-card');
    const count = await cards.count();
    const csvs = names.filter((n) => n.endsWith('.csv'));
    const svgs = names.filter((n) => n.endsWith('.svg'));
    expect(svgs).toHaveLength(count);
    // Every dashboard chart has its data, the timeline's milestones as text included.
    expect(csvs).toHaveLength(count);
    for (const png of names.filter((n) => n.endsWith('.png'))) {
      expect(names, `alt text beside ${png}`).toContain(png.replace(/\.png$/, '.txt'));
    }

    for (let i = 0; i < count; i++) {
      const figure = cards.nth(i);
      const title = (await figure.locator('.chart-card__title').textContent())!.trim();
      const prefix = `${String(i + 1).padStart(2, '0')}_`;
      const csvName = csvs.find((n) => n.startsWith(prefix))!;
      const svgName = svgs.find((n) => n.startsWith(prefix))!;

      const svg = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
        const root = doc.documentElement;
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          title: root.querySelector(':scope > title')?.textContent ?? null,
          desc: root.querySelector(':scope > desc')?.textContent ?? null,
        };
      }, text(svgName));
      expect(svg.error).toBeNull();
      expect(svg.title).toBe(title);
      expect(svg.desc?.length, `${svgName} desc`).toBeGreaterThan(40);
      // The PNG's alt text is the SVG's description.
      expect(text(svgName.replace(/\.svg$/, '.txt'))).toContain(svg.desc!);
      expect(svg.desc).toContain('Service: Navy');

      // A BOM, so Excel reads UTF-8 (the decoder of the ZIP's text drops it).
      expect([...files[csvName]!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = parseCsv(`\uFEFF${text(csvName)}`);
      const screen = await screenTable(figure);
      const header = csv[0]!;
      expect(header[0]).toBe(screen.header[0]);
      const about = csv.filter((r) => r.length > 1 && r[0] === 'Filters');
      expect(about[0]?.[1]).toBe('Service: Navy');
      const currency = /₹|INR/.test(title) ? 'INR' : 'USD';
      for (const [r, row] of screen.rows.entries()) {
        const line = csv[1 + r]!;
        expect(line[0], `${csvName} row ${r}`).toBe(row[0]);
        for (let c = 1; c < header.length; c++) {
          const at = screenColumn(screen.header, header[c]!);
          expect(at, `${csvName}: "${header[c]!}" is a column of the screen's table`).toBeGreaterThan(0);
          const money = /US dollars|rupees|headline value/.test(header[c]!);
          expectSameFigure(line[c]!, row[at]!, money, currency, `${csvName} ${row[0]!} ${header[c]!}`);
        }
      }
      // No row more than the screen's before the empty line and what the table is.
      expect(csv[1 + screen.rows.length]!.every((cell) => cell === '')).toBe(true);
    }
  });

  test('"Download data" on a card saves its CSV and XLSX, numbers as numbers', async ({ page }) => {
    await page.goto('/');
    const figure = page.getByRole('figure', { name: STAGES });
    await figure.locator('.chart-card__chart svg').first().waitFor();
    const panel = await openExportMenu(figure);
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Data as CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(
      /^deals-by-lifecycle-stage_all-deals_\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const csv = parseCsv(await readFile(await csvDownload.path(), 'utf8'));
    expect(csv[0]).toEqual(['Stage', 'Deals']);
    const screen = await screenTable(figure);
    expect(csv.slice(1, 1 + screen.rows.length).map((r) => r[0])).toEqual(screen.rows.map((r) => r[0]));

    await openExportMenu(figure);
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name: 'Data as Excel (XLSX)' }).click(),
    ]);
    expect(xlsxDownload.suggestedFilename()).toMatch(/\.xlsx$/);
    const { unzipSync, strFromU8 } = await import('fflate');
    const parts = unzipSync(new Uint8Array(await readFile(await xlsxDownload.path())));
    const sheetName = Object.keys(parts).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))!;
    const sheet = strFromU8(parts[sheetName]!);
    // Each stage's count is a number cell, in the table's order.
    const numbers = [...sheet.matchAll(/<c r="B(\d+)"[^>]*>\s*<v>([^<]*)<\/v>/g)]
      .filter(([, row]) => Number(row) >= 2 && Number(row) < 2 + screen.rows.length)
      .map(([, , v]) => formatCount(Number(v)));
    expect(numbers).toEqual(screen.rows.map((r) => r[1]));
    const strings = strFromU8(parts['xl/sharedStrings.xml'] ?? new Uint8Array()) + sheet;
    expect(strings).toContain('Deals by lifecycle stage');
  });

  test('the deal page’s chart card has its data too: the MQ-9B’s split', async ({ page }) => {
    await page.goto(`/deals/${SEED.mq9b.id}`);
    const figure = page.getByRole('figure', { name: /drones by armed service/ });
    await figure.locator('.chart-card__chart svg').first().waitFor();
    const panel = await openExportMenu(figure);
    await expect(panel).toContainText('Navy 15');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Data as CSV' }).click(),
    ]);
    const csv = parseCsv(await readFile(await download.path(), 'utf8'));
    const rows = Object.fromEntries(csv.slice(1, 4).map((r): [string, number] => [r[0] ?? '', Number(r[1])]));
    expect(rows).toEqual({ Navy: SEED.mq9b.navy, Army: SEED.mq9b.army, 'Air Force': SEED.mq9b.airForce });
  });

  test('an edited description ends up in the SVG and in the ZIP', async ({ page }) => {
    await page.goto('/');
    const figure = page.getByRole('figure', { name: STAGES });
    await figure.locator('.chart-card__chart svg').first().waitFor();
    const panel = await openExportMenu(figure);
    await panel.getByRole('button', { name: 'Edit description…' }).click();
    const dialog = page.getByRole('dialog', { name: /Description of/ });
    await expect(dialog).toBeVisible();
    const field = dialog.getByLabel('Description (alt text)');
    // Prefilled with the generated description, which names the stages and what is counted.
    await expect(field).toHaveValue(/^Deals: .*Completed/);
    const edited = 'Most deals on record are completed; <none> & "few" are stalled.';
    await field.fill(edited);
    await dialog.getByRole('button', { name: 'Save description' }).click();
    await expect(dialog).toBeHidden();
    await expect(panel).toContainText(edited);

    const { bytes } = await exportChart(page, STAGES, 'SVG');
    const desc = await page.evaluate(
      (source) => new DOMParser().parseFromString(source, 'image/svg+xml').querySelector('desc')?.textContent,
      bytes.toString('utf8'),
    );
    expect(desc).toBe(edited);
    await page.keyboard.press('Escape');

    const { files, text } = await zipOf(page);
    const svg = Object.keys(files).find((n) => /deals-by-lifecycle-stage.*\.svg$/.test(n))!;
    expect(text(svg)).toContain('<desc id="chart-desc">Most deals on record are completed; &#60;none&#62;');
  });

  test('the briefing PDF of the seed dashboard is under 2 MB, vector, with each description as text', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.goto('/');
    await expect(page.locator('figure.chart-card .recharts-wrapper').first()).toBeVisible();
    const { bytes } = await exportAll(page, /^Briefing PDF/);
    console.info(`briefing PDF of the seed dashboard: ${bytes.length} bytes`);
    expect(bytes.length).toBeLessThan(2_000_000);
    const raw = bytes.toString('latin1');
    // Every chart went in as vectors: no image, so no JPEG fallback.
    expect(raw).not.toContain('/Subtype /Image');
    await expect(page.locator('.export-menu--all').getByRole('status')).not.toContainText('as images');
    const text = pdfText(bytes).replace(/\s+/g, ' ');
    const titles = await page.locator('figure.chart-card .chart-card__title').allTextContents();
    expect(text.split('Description: ').length - 1).toBe(titles.length);
    for (const title of titles) expect(text).toContain(title);
    expect(text).toMatch(/Description: Deals: Announced \d+, Negotiating \d+/);
  });

  test('"Copy link to this chart" opens the dashboard at that chart with the same filters', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/?service=navy');
    const figure = page.getByRole('figure', { name: STAGES });
    await figure.locator('.chart-card__chart svg').first().waitFor();
    const panel = await openExportMenu(figure);
    await panel.getByRole('button', { name: 'Copy link to this chart' }).click();
    await expect(panel.getByRole('status')).toContainText('Copied a link to this chart');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(link);
    expect(url.searchParams.get('service')).toBe('navy');
    expect(url.hash).toBe('#chart-stages');

    const other = await context.newPage();
    await other.setViewportSize({ width: 1366, height: 768 });
    await other.goto(link);
    const heading = other.getByRole('heading', { name: 'Deals by lifecycle stage' });
    await expect(heading).toBeFocused();
    const box = (await heading.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(await other.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    await expect(other.getByRole('figure', { name: STAGES }).locator('.chart-card__subtitle')).toContainText(
      'Service: Navy',
    );
    await other.close();
  });
});

test.describe('sizes, backgrounds and the menu', () => {
  async function exportWith(
    page: Page,
    options: { size: string; background: string; only?: boolean },
    format: string,
  ) {
    const figure = page.getByRole('figure', { name: STAGES });
    await figure.locator('.chart-card__chart svg').first().waitFor();
    const panel = await openExportMenu(figure);
    await panel.getByLabel('Size').selectOption({ label: options.size });
    await panel.getByLabel('Background').selectOption({ label: options.background });
    const only = panel.getByLabel('Chart only (no title or footer)');
    if ((await only.isChecked()) !== (options.only ?? false)) await only.click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: format, exact: true }).click(),
    ]);
    return readFile(await download.path());
  }
  const pngSize = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

  test('a size preset sets the image’s size, and density multiplies it', async ({ page }) => {
    await page.goto('/');
    expect(
      pngSize(await exportWith(page, { size: '16:9 slide, 1920 × 1080', background: 'Light' }, 'PNG 1×')),
    ).toEqual([1920, 1080]);
    expect(
      pngSize(await exportWith(page, { size: '16:9 slide, 1920 × 1080', background: 'Light' }, 'PNG 2×')),
    ).toEqual([3840, 2160]);
    expect(
      pngSize(
        await exportWith(page, { size: 'A4 page, portrait, 794 × 1123', background: 'Light' }, 'PNG 1×'),
      ),
    ).toEqual([794, 1123]);
    expect(
      pngSize(await exportWith(page, { size: 'Social card, 1200 × 630', background: 'Light' }, 'PNG 1×')),
    ).toEqual([1200, 630]);
  });

  test('at a slide’s size the chart is laid out again, filling the slide, its labels inside it', async ({
    page,
  }) => {
    await page.goto('/');
    const svg = (
      await exportWith(page, { size: '16:9 slide, 1920 × 1080', background: 'Light' }, 'SVG')
    ).toString('utf8');
    const layout = await page.evaluate((source) => {
      const host = document.createElement('div');
      host.innerHTML = source;
      document.body.append(host);
      const root = host.querySelector('svg')!;
      const frame = root.getBoundingClientRect();
      const drawing = root.querySelector(':scope > svg')!.getBoundingClientRect();
      const texts = [...root.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
      const inside = texts.every(
        (t) =>
          t.left >= frame.left - 1 &&
          t.right <= frame.right + 1 &&
          t.top >= frame.top - 1 &&
          t.bottom <= frame.bottom + 1,
      );
      host.remove();
      return {
        width: root.getAttribute('width'),
        height: root.getAttribute('height'),
        share: (drawing.width * drawing.height) / (frame.width * frame.height),
        inside,
        viewBox: root.getAttribute('viewBox'),
      };
    }, svg);
    expect([layout.width, layout.height]).toEqual(['1920', '1080']);
    // Laid out at 1280 × 720 and drawn at 1.5×: the same aspect, nothing stretched.
    expect(layout.viewBox).toBe('0 0 1280 720');
    // The drawing takes most of the slide, not an on-screen-sized drawing centred in white.
    expect(layout.share).toBeGreaterThan(0.55);
    expect(layout.inside).toBe(true);
  });

  test('dark, transparent and chart-only variants', async ({ page }) => {
    await page.goto('/');
    const dark = (await exportWith(page, { size: 'As on screen', background: 'Dark' }, 'SVG')).toString(
      'utf8',
    );
    expect(dark).toMatch(/<rect width="100%" height="100%" fill="#17212b"\/>/);
    expect(dark).toContain('fill="#e6edf3"');
    const clear = (
      await exportWith(page, { size: 'As on screen', background: 'Transparent', only: true }, 'SVG')
    ).toString('utf8');
    expect(clear).not.toMatch(/<rect width="100%" height="100%"/);
    // Chart only: no title block, no footer; still named and described for a screen reader.
    expect(clear).not.toContain('Source:');
    expect(clear).not.toMatch(/<text[^>]*font-size="22"/);
    expect(clear).toMatch(/<title id="chart-title">Deals by lifecycle stage<\/title>/);
    // Transparent PNG: a corner pixel has no alpha.
    const png = await exportWith(
      page,
      { size: 'As on screen', background: 'Transparent', only: true },
      'PNG 1×',
    );
    const alpha = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return context.getImageData(1, 1, 1, 1).data[3];
    }, png.toString('base64'));
    expect(alpha).toBe(0);
  });

  test('the open menu and its description editor have no serious axe violation', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('/');
    const figure = page.getByRole('figure', { name: STAGES });
    await figure.locator('.chart-card__chart svg').first().waitFor();
    const panel = await openExportMenu(figure);
    const axe = () =>
      new AxeBuilder({ page, axeSource: AXE_SOURCE })
        .include('figure.chart-card')
        .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
        .analyze();
    const serious = (r: Awaited<ReturnType<typeof axe>>) =>
      r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious(await axe())).toEqual([]);
    // By keyboard: Tab reaches the size field first, Escape closes and gives focus back.
    await page.keyboard.press('Tab');
    await expect(panel.getByLabel('Size')).toBeFocused();
    await panel.getByRole('button', { name: 'Edit description…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(serious(await axe())).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    // The dialog's Escape closed the dialog only.
    await expect(panel).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(figure.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
  });
});
