import AxeBuilder from '@axe-core/playwright';
import { chromium, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openApp, test } from './fixtures';

// The project's axe-core (4.14) in place of the one @axe-core/playwright bundles, as foundation.spec does.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const ID = 'mq-9b-2024';
const DEAL = `/deals/${ID}`;

async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page, axeSource: AXE_SOURCE }).options({
    rules: { 'label-content-name-mismatch': { enabled: true } },
  });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Console errors of a page the fixture does not watch (a second tab, a relaunched browser). */
function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** From the deal page: Edit, a new title, Save changes; back on the deal page. */
async function editTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.locator('#f-title').fill(title);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test.describe('tracking edits in Chromium', () => {
  test('two tabs: an edit in one shows in the other; a conflicting save shows the conflict view', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const other = await context.newPage();
    const otherErrors = watch(other);
    await openApp(page, DEAL);
    await openApp(other, DEAL);
    await expect(other.getByRole('heading', { level: 1 })).toBeVisible();

    // An edit in the first tab reaches the second without a reload.
    await editTitle(page, 'Edited in the first tab');
    await expect(other.getByRole('heading', { level: 1, name: 'Edited in the first tab' })).toBeVisible({
      timeout: 5_000,
    });

    // The second tab opens the form at revision 2; the first saves revision 3 meanwhile.
    await other.getByRole('link', { name: 'Edit', exact: true }).click();
    await expect(other.getByText('Editing revision 2.')).toBeVisible();
    await editTitle(page, 'Saved first, in the first tab');
    await other.locator('#f-title').fill('Saved second, in the second tab');
    await other.getByRole('button', { name: 'Save changes' }).click();

    const conflict = other.locator('section.conflict');
    await expect(conflict.getByRole('heading', { name: /changed while you were editing/ })).toBeVisible();
    await expect(conflict).toContainText('You started from revision 2; it is now at revision 3');
    const title = conflict.locator('.conflict-field', { hasText: 'Title' });
    await expect(title).toContainText('Saved first, in the first tab');
    await expect(title).toContainText('Saved second, in the second tab');
    expect(await seriousViolations(other, 'section.conflict')).toEqual([]);

    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect(
      other.getByRole('heading', { level: 1, name: 'Saved second, in the second tab' }),
    ).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Saved second, in the second tab' }),
    ).toBeVisible({
      timeout: 5_000,
    });
    // The refused save is the browser's logged 412, and nothing else.
    expect(otherErrors.filter((e) => !/status of 412 \(Precondition Failed\)/.test(e))).toEqual([]);
    expect(otherErrors.length).toBeLessThanOrEqual(1);
  });

  test('the History tab shows the edit as a diff, restores revision 1, and passes axe', async ({ page }) => {
    test.setTimeout(90_000);
    await openApp(page, DEAL);
    const shipped = await page.getByRole('heading', { level: 1 }).innerText();
    await editTitle(page, 'A title to take back');
    await page.getByRole('tab', { name: 'History' }).click();
    await expect(page).toHaveURL(/tab=history/);
    const newest = page.locator('.revision').first();
    await expect(newest.getByRole('heading', { name: /Revision 2: Edited/ })).toBeVisible();
    await expect(newest.locator('del')).toContainText(shipped);
    await expect(newest.locator('ins')).toContainText('A title to take back');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Restore this version (revision 1)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore revision 1?' });
    await expect(dialog).toContainText('1 field changes');
    expect(await seriousViolations(page, 'dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Restore this version' }).click();
    await expect(page.getByRole('heading', { name: /Revision 3: Reverted/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(shipped);
    // Arrow keys move between the tabs, and the URL follows.
    await page.getByRole('tab', { name: 'History' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('tab', { name: 'Overview' })).toBeFocused();
    await expect(page).not.toHaveURL(/tab=history/);
  });

  test('an edit survives a reload and a browser restart on the same profile', async ({
    baseURL,
  }, testInfo) => {
    test.setTimeout(120_000);
    const profile = await mkdtemp(join(tmpdir(), 'dpt-profile-'));
    const { launchOptions } = testInfo.project.use;
    const launch = () =>
      chromium.launchPersistentContext(profile, {
        ...launchOptions,
        baseURL,
        viewport: { width: 1366, height: 768 },
      });
    try {
      const first = await launch();
      const page = first.pages()[0] ?? (await first.newPage());
      const errors = watch(page);
      await openApp(page, DEAL);
      await editTitle(page, 'Kept across a restart');
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Kept across a restart' })).toBeVisible();
      expect(errors).toEqual([]);
      await first.close();

      const second = await launch();
      const again = second.pages()[0] ?? (await second.newPage());
      const againErrors = watch(again);
      await openApp(again, DEAL);
      await expect(again.getByRole('heading', { level: 1, name: 'Kept across a restart' })).toBeVisible();
      await again.getByRole('tab', { name: 'History' }).click();
      await expect(again.getByRole('heading', { name: /Revision 2: Edited/ })).toBeVisible();
      expect(againErrors).toEqual([]);
      await second.close();
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });

  test('delete, Undo, delete again: the Deleted view restores it; it and the Data page pass axe', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openApp(page, DEAL);
    const title = await page.getByRole('heading', { level: 1 }).innerText();
    const remove = async () => {
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await page
        .getByRole('dialog', { name: 'Delete this deal?' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await expect(page.getByText(/^Deleted on/)).toBeVisible();
    };
    // The toast's Undo brings it straight back; deleted again, it waits in the Deleted view.
    await remove();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText(/^Deleted on/)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
    await remove();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Deleted' }).click();
    const item = page.locator('.deleted-item', { hasText: title });
    await expect(item).toContainText('Deleted on');
    expect(await seriousViolations(page)).toEqual([]);
    await item.getByRole('button', { name: /^Restore/ }).click();
    await expect(page.getByText('No deal is deleted.')).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    await expect(page.getByRole('button', { name: 'Back up all data (JSON)' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Back up all data (JSON)' }).click();
    expect((await download).suggestedFilename()).toMatch(/^dpt-backup_seed_\d{4}-\d\d-\d\d\.json$/);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
