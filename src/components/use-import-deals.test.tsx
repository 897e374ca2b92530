import { readFileSync } from 'node:fs';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, configure, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import seedRecords from '../../seeds/deals.json';
import { dealQueries, fetchDeals, fetchRevisions, resetData, updateDeal, type DealListResult } from '../api';
import { Deal } from '../domain';
import { parseFile } from '../domain/import/detect';
import { buildImportPlan } from '../domain/import/plan';
import type { ImportPlan, ParseResult } from '../domain/import/types';
import { renderApp } from '../test/render-app';
import * as raster from './chart-export/raster';
import { ToastProvider } from './toast';
import { useImportDeals } from './use-import-deals';

configure({ asyncUtilTimeout: 5000 });

/*
 * An import as a user makes it, against the embedded API (MSW over fake-indexeddb): the SIPRI
 * India-from-US file parsed and previewed against the tracker, confirmed through the hook, shown in
 * the app's lists at once, and undone in one step.
 */

const FILE = 'sipri_trade_register_india_from_us.csv';
// Read from disk (jsdom's import.meta.url is not a file URL); never bundled into the app.
const bytes = new Uint8Array(readFileSync(`${process.cwd()}/src/domain/import/fixtures/${FILE}`));

function parsed(): ParseResult {
  const outcome = parseFile(bytes, { fileName: FILE, importedAt: '2026-12-01T09:00:00.000Z' });
  if (outcome.kind !== 'parsed') throw new Error(`expected the fixture to parse, got ${outcome.kind}`);
  return outcome.result;
}

/** The tracker as the import page sees it: the listed deals with their revisions. */
async function planNow(result = parsed()): Promise<ImportPlan> {
  const list = await fetchDeals({}, {});
  const revisions = await Promise.all(
    list.deals.map(async (deal) => (await fetchRevisions({}, deal.id))[0]!.revision),
  );
  return buildImportPlan(
    result,
    list.deals.map((deal, i) => ({ deal, revision: revisions[i]! })),
  );
}

function hookIn<T>(queryClient: QueryClient, hook: () => T) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
  return renderHook(hook, { wrapper });
}

// The machine is shared: an undo of 60 deals through fake-indexeddb can take seconds.
const notice = (text: RegExp) =>
  screen.findByText(
    (_, el) => el?.className === 'toast__text' && text.test(el.textContent ?? ''),
    undefined,
    {
      timeout: 15_000,
    },
  );

const cachedList = (client: QueryClient) =>
  client.getQueryData<DealListResult>(dealQueries.list({}).queryKey);

beforeEach(async () => {
  await resetData({});
});

describe('importing a SIPRI file', { timeout: 60_000 }, () => {
  it('previews new and matching rows, then imports them in one step; importing again changes nothing', async () => {
    const result = parsed();
    const plan = await planNow(result);
    // Every record of the file is accounted for, once.
    expect(plan.added.length + plan.updated.length + plan.unchanged + plan.rejected.length).toBe(
      result.deals.length + result.rejected.length,
    );
    expect(plan.rowsRead).toBe(result.detected.rowCount);
    expect(plan.added.length).toBeGreaterThan(0);
    // Some of SIPRI's India-from-US orders are the seeds' own deals: matched, not duplicated.
    expect(plan.updated.length).toBeGreaterThan(0);
    for (const update of plan.updated) {
      const seed = seedRecords.find((r) => r.id === update.existingId)!;
      expect(update.after.title).toBe(seed.title);
      expect(update.changes.length).toBeGreaterThan(0);
    }

    const { queryClient } = renderApp('/deals');
    await waitFor(() => expect(cachedList(queryClient)?.deals).toHaveLength(seedRecords.length));
    const fetches = vi.fn();
    server.events.on('request:start', ({ request }) => {
      if (new URL(request.url).pathname === '/api/deals') fetches();
    });
    const { result: hook } = hookIn(queryClient, () => useImportDeals());
    act(() => hook.current.mutate({ plan, note: `Imported from ${FILE}`, fileName: FILE }));
    await waitFor(() => expect(hook.current.isSuccess).toBe(true));
    const { counts } = hook.current.data!;
    expect(counts).toEqual({
      created: plan.added.length,
      updated: plan.updated.length,
      skipped: plan.rejected.length,
    });
    await notice(
      new RegExp(
        `^Imported ${plan.added.length} deals, updated ${plan.updated.length}, skipped ${plan.rejected.length}\\.$`,
      ),
    );
    // The table's list shows the import at once, without fetching the list again.
    const list = cachedList(queryClient)!;
    expect(list.deals).toHaveLength(seedRecords.length + plan.added.length);
    expect(list.total).toBe(seedRecords.length + plan.added.length);
    expect(list.deals.find((d) => d.id === plan.updated[0]!.existingId)).toEqual(plan.updated[0]!.after);
    expect(fetches).not.toHaveBeenCalled();
    server.events.removeAllListeners();
    // …and so does the server.
    const stored = await fetchDeals({}, {});
    expect(stored.deals.map((d) => d.id).sort()).toEqual(list.deals.map((d) => d.id).sort());

    const again = await planNow();
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toBe(plan.added.length + plan.updated.length);
  });

  it('undoes the whole import in one click: new deals retired, matched ones as they were, history says import', async () => {
    const user = userEvent.setup();
    const plan = await planNow();
    const updatedId = plan.updated[0]!.existingId;
    const { queryClient } = renderApp('/deals');
    await waitFor(() => expect(cachedList(queryClient)?.deals).toHaveLength(seedRecords.length));
    const { result: hook } = hookIn(queryClient, () => useImportDeals());
    act(() => hook.current.mutate({ plan, note: 'SIPRI India from US', fileName: FILE }));
    await waitFor(() => expect(hook.current.isSuccess).toBe(true));

    const history = await fetchRevisions({}, updatedId);
    expect(history.map((r) => [r.revision, r.action, r.note])).toEqual([
      [2, 'import', 'SIPRI India from US'],
      [1, 'seed', undefined],
    ]);

    const toast = (await notice(/^Imported /)).parentElement!;
    await user.click(within(toast).getByRole('button', { name: 'Undo' }));
    await notice(
      new RegExp(
        `^Undone: the import is taken back \\(${plan.added.length} new deals removed, ${plan.updated.length} deals? as before\\)\\.$`,
      ),
    );
    const list = cachedList(queryClient)!;
    expect(list.deals.map((d) => d.id).sort()).toEqual(seedRecords.map((r) => r.id).sort());
    expect(list.deals.find((d) => d.id === updatedId)).toEqual(
      Deal.parse(seedRecords.find((r) => r.id === updatedId)),
    );
    const deleted = await fetchDeals({}, { deleted: 'only' });
    expect(deleted.deals.map((d) => d.id).sort()).toEqual(plan.added.map((p) => p.deal.id).sort());
    expect((await fetchRevisions({}, updatedId)).map((r) => r.action)).toEqual(['revert', 'import', 'seed']);

    // The History tab says so, in words.
    renderApp(`/deals/${updatedId}?tab=history`);
    expect(await screen.findByRole('heading', { name: /Revision 2: Imported/ })).toBeVisible();
  });

  it('rejects a deal edited since the preview alone, and reports it with the file’s line', async () => {
    const plan = await planNow();
    const stale = plan.updated[0]!;
    await updateDeal(
      {},
      stale.existingId,
      { ...stale.before, summary: 'Edited while the preview was open.' },
      stale.revision,
    );
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const save = vi.spyOn(raster, 'download').mockImplementation(() => undefined);
    const { result: hook } = hookIn(queryClient, () => useImportDeals());
    act(() => hook.current.mutate({ plan, note: 'stale', fileName: FILE }));
    await waitFor(() => expect(hook.current.isSuccess).toBe(true));
    const { result, counts, rejected } = hook.current.data!;
    expect(result.rejected.map((r) => r.id)).toEqual([stale.existingId]);
    expect(counts).toEqual({
      created: plan.added.length,
      updated: plan.updated.length - 1,
      skipped: plan.rejected.length + 1,
    });
    expect(rejected.at(-1)).toMatchObject({ place: stale.places[0] });
    expect(rejected.at(-1)!.reason).toMatch(/changed since revision 1/);
    const toast = (await notice(/^Imported /)).parentElement!;
    await userEvent.click(within(toast).getByRole('button', { name: 'Download the report' }));
    expect(save).toHaveBeenCalledTimes(1);
    const [blob, name] = save.mock.calls[0]!;
    expect(name).toBe('import-report-sipri_trade_register_india_from_us.csv');
    const csv = await blob.text();
    expect(csv).toContain(`${stale.places[0]},`);
    expect(csv).toMatch(/changed since revision 1/);
    // The notice is still there, with its Undo.
    expect(within(toast).getByRole('button', { name: 'Undo' })).toBeVisible();
    save.mockRestore();
  });

  it('says why when the batch fails, and nothing changes', async () => {
    const plan = await planNow();
    server.use(
      http.post('*/api/deals/batch', () =>
        HttpResponse.json(
          {
            error: {
              code: 'storage_full',
              message: 'The browser’s storage for this site is full. Nothing was saved.',
            },
          },
          { status: 507 },
        ),
      ),
    );
    const { queryClient } = renderApp('/deals');
    await waitFor(() => expect(cachedList(queryClient)?.deals).toHaveLength(seedRecords.length));
    const { result: hook } = hookIn(queryClient, () => useImportDeals());
    act(() => hook.current.mutate({ plan, note: 'full', fileName: FILE }));
    await waitFor(() => expect(hook.current.isError).toBe(true));
    expect(hook.current.error!.kind).toBe('storage');
    await notice(/storage for this site is full/);
    expect(cachedList(queryClient)!.deals).toHaveLength(seedRecords.length);
    server.resetHandlers();
    expect((await fetchDeals({}, {})).deals).toHaveLength(seedRecords.length);
  });
});
