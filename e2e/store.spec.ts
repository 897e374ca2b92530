import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

/**
 * The embedded API's store in a real browser: Chromium's IndexedDB under two MSW instances (two
 * pages of one context), as two tabs of one user run it. The screens are tested in tracking.spec.ts;
 * this checks the API itself, by calling it from the page as the app does.
 */

const ID = 'mq-9b-2024';

async function save(page: Page, title: string, ifMatch: string) {
  return page.evaluate(
    async ([id, title, ifMatch]) => {
      const current = (await (await fetch(`/api/deals/${id}`)).json()) as { data: Record<string, unknown> };
      const response = await fetch(`/api/deals/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'If-Match': ifMatch },
        body: JSON.stringify({ data: { ...current.data, title }, note: 'e2e' }),
      });
      const body = (await response.json()) as {
        revision?: number;
        current?: { revision: number; data: { title: string } };
      };
      return { status: response.status, etag: response.headers.get('ETag'), body };
    },
    [ID, title, ifMatch] as const,
  );
}

async function stored(page: Page) {
  return page.evaluate(async (id) => {
    const deal = (await (await fetch(`/api/deals/${id}`)).json()) as {
      revision: number;
      deleted: boolean;
      data: { title: string };
    };
    const list = (await (await fetch('/api/deals')).json()) as { data: { id: string; title: string }[] };
    return {
      revision: deal.revision,
      deleted: deal.deleted,
      title: deal.data.title,
      listed: list.data.find((d) => d.id === id)?.title,
    };
  }, ID);
}

test.describe('the embedded store in Chromium', () => {
  test('two tabs over one IndexedDB: the second save on the same revision is refused', async ({
    page,
    context,
    consoleErrors,
  }) => {
    await openApp(page, '/deals');
    const other = await context.newPage();
    const otherErrors: string[] = [];
    other.on('console', (m) => m.type() === 'error' && otherErrors.push(m.text()));
    await openApp(other, '/deals');

    const first = await save(page, 'Saved in the first tab', '"1"');
    expect(first).toMatchObject({ status: 200, etag: '"2"', body: { revision: 2 } });
    const second = await save(other, 'Saved in the second tab', '"1"');
    expect(second.status).toBe(412);
    expect(second.body.current).toMatchObject({ revision: 2, data: { title: 'Saved in the first tab' } });
    // The refused save is the only failed request the second tab logged.
    expect(otherErrors.every((e) => e.startsWith('Failed to load resource') && e.includes('412'))).toBe(true);

    // The saved edit survives a reload, in the deal and in the list.
    await other.reload();
    await expect(other.getByRole('link', { name: 'Defence Procurement Tracker' })).toBeVisible();
    expect(await stored(other)).toEqual({
      revision: 2,
      deleted: false,
      title: 'Saved in the first tab',
      listed: 'Saved in the first tab',
    });
    await other.close();

    const reset = await page.evaluate(
      async () => (await (await fetch('/api/reset', { method: 'POST' })).json()) as unknown,
    );
    expect(reset).toEqual({ data: { dropped: 1 } });
    expect(await stored(page)).toMatchObject({ revision: 1, deleted: false });
    expect(consoleErrors).toEqual([]);
  });

  test('a deleted deal leaves the list, is listed under deleted=only and comes back on restore', async ({
    page,
  }) => {
    await openApp(page, '/deals');
    const answers = await page.evaluate(async (id) => {
      const ids = async (q = '') =>
        ((await (await fetch(`/api/deals${q}`)).json()) as { data: { id: string }[] }).data.map((d) => d.id);
      const deleted = await fetch(`/api/deals/${id}`, { method: 'DELETE', headers: { 'If-Match': '"1"' } });
      const afterDelete = {
        status: deleted.status,
        listed: (await ids()).includes(id),
        bin: await ids('?deleted=only'),
      };
      const restored = await fetch(`/api/deals/${id}/restore`, { method: 'POST' });
      const afterRestore = {
        status: restored.status,
        listed: (await ids()).includes(id),
        bin: await ids('?deleted=only'),
      };
      await fetch('/api/reset', { method: 'POST' });
      return { afterDelete, afterRestore };
    }, ID);
    expect(answers).toEqual({
      afterDelete: { status: 200, listed: false, bin: [ID] },
      afterRestore: { status: 200, listed: true, bin: [] },
    });
  });
});
