import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { SEED } from '../seeds/expected';
import { openExportMenu } from './chart-export';
import { expect, openApp, test } from './fixtures';

const UNITS = /Platforms ordered, by armed service/;

/** The fill of each system's series in the units chart, read from the legend Recharts draws. */
async function seriesFills(page: Page): Promise<Record<string, string>> {
  const figure = page.getByRole('figure', { name: UNITS });
  await figure.locator('.recharts-legend-item').first().waitFor();
  return figure
    .locator('.recharts-legend-item')
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((item) => [
          item.textContent?.trim() ?? '',
          item.querySelector('path, rect')?.getAttribute('fill') ??
            item.querySelector('path, rect')?.getAttribute('stroke') ??
            '',
        ]),
      ),
    );
}

test.describe('figures a briefing can trust', () => {
  test('the Navy filter finds the P-8I and MH-60R deals and counts the Navy’s units only', async ({
    page,
  }) => {
    await openApp(page, '/?service=navy');
    await expect(page.getByText(`${SEED.services.navy.deals} of ${SEED.deals} deals`)).toBeVisible();
    const figures = page.getByLabel('Key figures');
    await expect(figures.getByText(`${SEED.services.navy.platformsOrdered} platforms`)).toBeVisible();
    await page.getByRole('link', { name: 'See them in the table →' }).click();
    const table = page.getByRole('table', { name: 'Matching deals' });
    for (const title of [/^8 P-8I maritime patrol aircraft/, /^24 MH-60R/, /^31 MQ-9B/])
      await expect(table.getByRole('link', { name: title })).toBeVisible();
  });

  test('a system has one colour in every view and in the exported SVG', async ({ page }) => {
    await openApp(page, '/');
    const whole = await seriesFills(page);
    expect(whole['MQ-9B']).toMatch(/^#[0-9A-Fa-f]{6}$/);
    for (const path of ['/?service=navy', '/?status=completed', '/?service=army']) {
      await page.goto(path);
      const view = await seriesFills(page);
      for (const [system, fill] of Object.entries(view)) {
        if (!(system in whole)) continue;
        expect({ path, system, fill }).toEqual({ path, system, fill: whole[system] });
      }
    }
    await page.goto('/?service=navy');
    const figure = page.getByRole('figure', { name: UNITS });
    await figure.locator('.chart-card__chart svg').first().waitFor();
    await openExportMenu(figure);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name: 'SVG', exact: true }).click(),
    ]);
    const svg = await readFile(await download.path(), 'utf8');
    expect(svg.toLowerCase()).toContain(`fill="${whole['MQ-9B']!.toLowerCase()}"`);
  });
});
