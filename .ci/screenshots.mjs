// Screenshots of every screen, for the README and for looking at what changed, from a running server
// (default: vite preview on 127.0.0.1:4173). Usage: node .ci/screenshots.mjs [outDir] [baseUrl]
import { chromium } from 'playwright-core';
import CHROMIUM_ARGS from './chromium-args.json' with { type: 'json' };

const outDir = process.argv[2] ?? 'docs/screenshots';
const base = process.argv[3] ?? 'http://127.0.0.1:4173';
const LAPTOP = [1366, 768];
const shots = [
  ['dashboard', '/', 1440, 900, 'light', true],
  ['dashboard-1080p', '/', 1920, 1080, 'light'],
  ['dashboard-dark', '/', 1440, 900, 'dark'],
  ...['navy', 'army', 'air-force', 'unknown'].map((s) => [
    `dashboard-${s}`,
    `/?service=${s}`,
    ...LAPTOP,
    'light',
  ]),
  ['dashboard-phone', '/', 390, 844, 'light', true],
  ['deals', '/deals?status=completed&status=contract-signed&sort=value:desc', 1440, 900, 'light'],
  ['deals-100k', '/deals?dataset=synthetic&size=100000&sort=value:desc', 1440, 900, 'light'],
  ['deals-search', '/deals?q=MQ9B', ...LAPTOP, 'light'],
  ['deal-mq-9b', '/deals/mq-9b-2024', ...LAPTOP, 'light', true],
  ['deal-mq-9b-phone', '/deals/mq-9b-2024', 390, 844, 'light', true],
  ['deals-none', '/deals?q=zzzz', 1440, 900, 'light'],
  ['synthetic', '/?dataset=synthetic&size=100000', 1440, 900, 'light'],
  ['error', '/deals?mock=error', 1440, 900, 'light'],
  ['malformed', '/?mock=malformed', 1440, 900, 'light'],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
for (const [name, path, width, height, scheme, fullPage] of shots) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
  await page.goto(base + path);
  await page.waitForSelector('main h1', { timeout: 120_000 });
  if (name === 'deals-100k') await page.getByText('100,000 of 100,000 deals').waitFor({ timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  if (name.startsWith('deal-mq-9b')) await page.getByRole('heading', { name: 'Sources' }).waitFor();
  if (name === 'error') await page.getByRole('button', { name: 'Retry' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: fullPage === true });
  await page.close();
  console.log(`${outDir}/${name}.png`);
}

// Every slide at the two commonest sizes, named by the slide's key.
for (const [width, height] of [LAPTOP, [1920, 1080]]) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${base}/present?slide=1`);
  await page.waitForSelector('.present__slide', { timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  for (;;) {
    await page.waitForTimeout(300);
    const slide = page.locator('.present__slide');
    const key = await slide.getAttribute('data-slide');
    const [, at, of] = /Slide (\d+) of (\d+)/.exec((await slide.getAttribute('aria-label')) ?? '') ?? [];
    await page.screenshot({ path: `${outDir}/present-${key}-${width}.png` });
    console.log(`${outDir}/present-${key}-${width}.png`);
    if (at === undefined || at === of) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.close();
}
await browser.close();
