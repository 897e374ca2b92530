import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

/**
 * Exports one dashboard chart as a user does (its Export menu, then a format) and returns the file
 * that was downloaded, its suggested name, the chart's figure and the status line the chart showed.
 */
export async function exportChart(page: Page, chart: RegExp, format: string) {
  const figure = page.getByRole('figure', { name: chart }).first();
  await figure.locator('.chart-card__chart svg').first().waitFor();
  const menu = figure.locator('details.export-menu');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) await menu.locator('summary').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: format, exact: true }).click(),
  ]);
  const bytes = await readFile(await download.path());
  const status = (await figure.getByRole('status').textContent()) ?? '';
  return { name: download.suggestedFilename(), bytes, figure, status };
}
