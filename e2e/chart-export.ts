import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';

/** Opens a chart card's Export menu (a button that shows a panel), unless it is open already. */
export async function openExportMenu(figure: Locator): Promise<Locator> {
  const trigger = figure.getByRole('button', { name: 'Export', exact: true });
  if ((await trigger.getAttribute('aria-expanded')) !== 'true') await trigger.click();
  return figure.getByRole('group', { name: /^Export / });
}

/**
 * Exports one dashboard chart as a user does (its Export menu, then a format) and returns the file
 * that was downloaded, its suggested name, the chart's figure and the status line the chart showed.
 */
export async function exportChart(page: Page, chart: RegExp, format: string) {
  const figure = page.getByRole('figure', { name: chart }).first();
  await figure.locator('.chart-card__chart svg').first().waitFor();
  await openExportMenu(figure);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByRole('button', { name: format, exact: true }).click(),
  ]);
  const bytes = await readFile(await download.path());
  const status = (await figure.getByRole('status').textContent()) ?? '';
  return { name: download.suggestedFilename(), bytes, figure, status };
}
