import { readFile } from 'node:fs/promises';
import { exportChart } from './chart-export';
import { expect, test } from './fixtures';
import { pdfOutline, pdfText } from './pdf-text';

test.describe('chart export', () => {
  test('a 2× PNG has twice the size of the exported view, is not blank and is named for what it shows', async ({
    page,
  }) => {
    await page.goto('/?service=navy');
    const { name, bytes, figure } = await exportChart(page, /Deals by lifecycle stage/, 'PNG 2×');
    expect(name).toMatch(/^deals-by-lifecycle-stage_service-navy_\d{4}-\d{2}-\d{2}\.png$/);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const chart = (await figure.locator('.recharts-wrapper > svg').first().boundingBox())!;
    // The image is the chart plus margins, a title block, legend and footer, at twice the scale.
    expect(width).toBe(2 * (Math.round(chart.width) + 48));
    expect(height).toBeGreaterThan(2 * chart.height);
    const status = await figure.getByRole('status').textContent();
    expect(status).toContain(`(${width} × ${height} px)`);

    // Decode it in the page and measure how much the pixels vary: a blank image has none.
    const variance = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let sum = 0;
      let sumSq = 0;
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const v = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
        sum += v;
        sumSq += v * v;
      }
      return sumSq / n - (sum / n) ** 2;
    }, bytes.toString('base64'));
    expect(variance).toBeGreaterThan(100);
  });

  test('the SVG is valid XML and carries the title, the filters, the legend and the sources', async ({
    page,
  }) => {
    await page.goto('/');
    const { name, bytes } = await exportChart(page, /Contract value by year/, 'SVG');
    expect(name).toMatch(/^contract-value-by-year-us-dollars_all-deals_\d{4}-\d{2}-\d{2}\.svg$/);
    const svg = bytes.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        styled: doc.querySelectorAll('[style*="fill"]').length,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    const all = parsed.texts.join(' ');
    expect(all).toContain('Contract value by year (US dollars)');
    expect(all).toContain('All deals');
    expect(all).toContain('Estimate or unconfirmed');
    expect(all).toMatch(/Source: .*SIPRI.* · Defence Procurement Tracker · \d{1,2} \w{3} \d{4}/);
    // Colours are inlined, not left to the page's CSS variables.
    expect(parsed.styled).toBeGreaterThan(10);
    expect(svg).not.toContain('var(--');
  });

  test('synthetic data says so in the exported image', async ({ page }) => {
    await page.goto('/?dataset=synthetic&size=500');
    const { bytes } = await exportChart(page, /Deals by lifecycle stage/, 'SVG');
    expect(bytes.toString('utf8')).toContain('SYNTHETIC DATA, not real deals');
  });
});

test.describe('export of the whole dashboard', () => {
  async function exportAll(page: import('@playwright/test').Page, button: string) {
    await page.goto('/?status=completed');
    await expect(page.locator('figure.chart-card .recharts-wrapper').first()).toBeVisible();
    const charts = await page.locator('figure.chart-card').count();
    await page.locator('summary', { hasText: 'Export all' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return { charts, name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  test('"Export all" gives a ZIP with one PNG and one SVG per chart and a README', async ({ page }) => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const { charts, name, bytes } = await exportAll(page, 'All charts (ZIP of PNG and SVG)');
    expect(charts).toBeGreaterThanOrEqual(5);
    expect(name).toMatch(/^dashboard_status-completed_\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(bytes));
    const names = Object.keys(files);
    expect(names.filter((n) => n.endsWith('.png'))).toHaveLength(charts);
    expect(names.filter((n) => n.endsWith('.svg'))).toHaveLength(charts);
    // Beside each PNG its alt text, and the numbers of the chart's table.
    expect(names.filter((n) => /^\d+_.*\.txt$/.test(n))).toHaveLength(charts);
    expect(names.filter((n) => n.endsWith('.csv'))).toHaveLength(charts);
    // Files are numbered in page order and named for their chart's title.
    const first = (await page.locator('figure.chart-card .chart-card__title').first().textContent())!;
    const slug = first
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    expect(names).toContain(`01_${slug}_status-completed_${name.slice(-14, -4)}.png`);
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('Filters: Status: Completed');
    expect(readme).toMatch(/Sources: .*SIPRI/);
  });

  test('the README names the date of the data', async ({ page }) => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const { bytes } = await exportAll(page, 'All charts (ZIP of PNG and SVG)');
    const readme = strFromU8(unzipSync(new Uint8Array(bytes))['README.txt']!);
    expect(readme).toMatch(/^Data as of \w+ \d{4} \(newest source\)\r$/m);
  });

  test('the briefing PDF is small, drawn as text and vectors, with key figures and a bookmark per chart', async ({
    page,
  }) => {
    const { charts, name, bytes } = await exportAll(page, 'Briefing PDF');
    expect(name).toMatch(/^briefing_status-completed_\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // A 2× PNG a page made this file 38 MB; as vectors it is about 0.15 MB.
    expect(bytes.length).toBeLessThan(2_000_000);
    const raw = bytes.toString('latin1');
    expect(raw).not.toContain('/Subtype /Image');
    // A title page, the key figures, then one page per chart.
    expect(raw.match(/\/Type \/Page\b(?!s)/g) ?? []).toHaveLength(charts + 2);

    const titles = await page.locator('figure.chart-card .chart-card__title').allTextContents();
    expect(pdfOutline(bytes)).toEqual(['Title and contents', 'Key figures', ...titles]);
    const text = pdfText(bytes);
    for (const title of titles) expect(text).toContain(title);
    expect(text).toContain('Filters: Status: Completed');
    expect(text).toMatch(/Data as of \w+ \d{4} \(newest source\)/);
    // The key figures as the page shows them, as text.
    const deals = await page.getByLabel('Key figures').locator('.kpi__value').first().textContent();
    expect(text).toContain('Key figures');
    expect(text).toContain('Not yet under contract');
    expect(text).toContain(deals!.trim());
    await expect(page.locator('.export-menu--all').getByRole('status')).toContainText(/\(0\.\d MB\)/);
  });
});
