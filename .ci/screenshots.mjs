// Screenshots of the main pages from a running server (default: vite preview on 127.0.0.1:4173),
// for the README and for looking at what changed. Usage: node .ci/screenshots.mjs [outDir] [baseUrl]
import { chromium } from 'playwright-core';
import CHROMIUM_ARGS from './chromium-args.json' with { type: 'json' };

const outDir = process.argv[2] ?? 'docs/screenshots';
const base = process.argv[3] ?? 'http://127.0.0.1:4173';
const shots = [
  ['dashboard', '/', 1440, 900, 'light'],
  ['dashboard-1080p', '/', 1920, 1080, 'light'],
  ['dashboard-dark', '/', 1440, 900, 'dark'],
  ['deals', '/deals?status=completed&status=contract-signed&sort=value:desc', 1440, 900, 'light'],
  ['deals-100k', '/deals?dataset=synthetic&size=100000&sort=value:desc', 1440, 900, 'light'],
  ['present-slide', '/present?slide=3', 1920, 1080, 'light'],
  ['deal-mq-9b', '/deals?q=MQ-9B', 1440, 900, 'light'],
  ['deals-none', '/deals?q=zzzz', 1440, 900, 'light'],
  ['synthetic', '/?dataset=synthetic&size=100000', 1440, 900, 'light'],
  ['error', '/deals?mock=error', 1440, 900, 'light'],
  ['malformed', '/?mock=malformed', 1440, 900, 'light'],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
for (const [name, path, width, height, scheme] of shots) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme });
  await page.goto(base + path);
  await page.waitForSelector(name.startsWith('present') ? '.present__slide' : 'main h1', {
    timeout: 120_000,
  });
  if (name === 'deals-100k') await page.getByText('100,000 of 100,000 deals').waitFor({ timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  if (name === 'deal-mq-9b') {
    await page.getByRole('link', { name: /31 MQ-9B/ }).click();
    await page.getByRole('heading', { name: 'Sources' }).waitFor();
  }
  if (name === 'error') await page.getByRole('button', { name: 'Retry' }).waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({
    path: `${outDir}/${name}.png`,
    fullPage: name === 'deal-mq-9b' || name === 'dashboard',
  });
  await page.close();
  console.log(`${outDir}/${name}.png`);
}
await browser.close();
