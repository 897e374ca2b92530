import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, configure, renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { server } from '../../mocks/node';
import seedRecords from '../../seeds/deals.json';
import {
  dealQueries,
  fetchDeal,
  fetchRevisions,
  isApiError,
  updateDeal,
  type DealListResult,
  type StoredDeal,
} from '../api';
import { Deal } from '../domain';
import { renderApp } from '../test/render-app';
import { CrossTabSyncProvider, createCrossTabSync } from './cross-tab-sync';
import { ToastProvider } from './toast';
import { useDeleteDeal, useResetData, useUpdateDeal } from './use-deal-mutations';

// The machine is shared by several test runs: a lazily loaded page can take over a second to appear.
configure({ asyncUtilTimeout: 4000 });

/*
 * The write hooks against the embedded API (MSW handlers over fake-indexeddb), as a user meets them:
 * the app renders a deal page and the table from the same query client the hook writes through.
 * Each test edits a different seed deal, since the store lives for the whole file.
 */

const seeds = seedRecords.map((record) => Deal.parse(record));
const seed = (index: number) => seeds[index]!;

/** The hook under the app's query client, with its own notice region (the app's is the same component). */
function hookIn<T>(queryClient: QueryClient, hook: () => T) {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
  return renderHook(hook, { wrapper });
}

/** Holds every PUT until `release()`, then lets it through to the embedded API. */
function holdWrites(method: 'put' | 'delete' = 'put') {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  server.use(
    http[method]('*/api/deals/:id', async () => {
      held++;
      await gate;
      // Nothing returned: the request goes on to the embedded API's own handler.
    }),
  );
  return { release, held: () => held };
}

/** Waits until the page's heading says `text` (it may say the old title for a moment). */
const headingSays = (text: string) =>
  waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(text));

describe('saving a deal', () => {
  it('shows the edit on the deal page before the server answers, then its new revision and a notice', async () => {
    const deal = seed(0);
    const { queryClient } = renderApp(`/deals/${deal.id}`);
    await headingSays(deal.title);
    const before = queryClient.getQueryData<StoredDeal>(dealQueries.detail({}, deal.id).queryKey)!;

    const writes = holdWrites();
    const { result } = hookIn(queryClient, () => useUpdateDeal());
    act(() =>
      result.current.mutate({
        id: deal.id,
        record: { ...deal, title: 'Renamed before the answer' },
        ifMatch: before.revision,
      }),
    );
    await waitFor(() => expect(writes.held()).toBe(1));
    await headingSays('Renamed before the answer');
    expect(result.current.isPending).toBe(true);

    writes.release();
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toMatchObject({ revision: before.revision + 1, deleted: false });
    expect(queryClient.getQueryData(dealQueries.detail({}, deal.id).queryKey)).toMatchObject({
      revision: before.revision + 1,
    });
    const notice = await screen.findByText(
      (_, el) =>
        el?.className === 'toast__text' && /^Saved “Renamed before the answer”\.$/.test(el.textContent ?? ''),
    );
    expect(within(notice.parentElement!).getByRole('button', { name: 'Undo' })).toBeInTheDocument();
  });

  it('puts the page back and says why when the server refuses the record (422), keeping nothing half-done', async () => {
    const deal = seed(1);
    const { queryClient } = renderApp(`/deals/${deal.id}`);
    await headingSays(deal.title);
    const before = queryClient.getQueryData<StoredDeal>(dealQueries.detail({}, deal.id).queryKey)!;
    const { result } = hookIn(queryClient, () => useUpdateDeal());
    const broken = { ...deal, title: '' };
    act(() => result.current.mutate({ id: deal.id, record: broken, ifMatch: before.revision }));

    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error!;
    expect(error.kind).toBe('invalid');
    expect(error.issues.map((issue) => issue.path)).toContainEqual(['title']);
    await headingSays(deal.title);
    expect(error.message).toMatch(/not saved/i);
    expect(await screen.findByText(error.message)).toBeInTheDocument();
    const stored = await fetchDeal({}, deal.id);
    expect(stored).toMatchObject({ revision: before.revision, deal: { title: deal.title } });
  });

  it('undoes an edit with one click: the previous record is back as a new revision, then "Undone"', async () => {
    const user = userEvent.setup();
    const deal = seed(2);
    const { queryClient } = renderApp(`/deals/${deal.id}`);
    await headingSays(deal.title);
    const before = queryClient.getQueryData<StoredDeal>(dealQueries.detail({}, deal.id).queryKey)!;
    const { result } = hookIn(queryClient, () => useUpdateDeal());
    act(() =>
      result.current.mutate({
        id: deal.id,
        record: { ...deal, title: 'A title to undo' },
        ifMatch: before.revision,
      }),
    );
    await headingSays('A title to undo');

    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText(
        (_, el) =>
          el?.className === 'toast__text' && el.textContent === `Undone: “${deal.title}” is as it was.`,
      ),
    ).toBeInTheDocument();
    await headingSays(deal.title);
    const stored = await fetchDeal({}, deal.id);
    expect(stored).toMatchObject({ revision: before.revision + 2, deal: { title: deal.title } });
    const [undo] = await fetchRevisions({}, deal.id);
    expect(undo).toMatchObject({
      revision: before.revision + 2,
      note: `Undo of revision ${before.revision + 1}`,
    });
  });

  it('undoes a delete by restoring the deal, which rejoins the list', async () => {
    const user = userEvent.setup();
    const deal = seed(3);
    const { queryClient } = renderApp('/deals');
    await screen.findByRole('table', { name: 'Matching deals' });
    const list = () => queryClient.getQueryData<DealListResult>(dealQueries.list({}).queryKey)!;
    expect(list().deals.some((d) => d.id === deal.id)).toBe(true);
    const { revision } = await fetchDeal({}, deal.id);
    // The Deleted view's list, as that page would have it cached.
    await queryClient.fetchQuery(dealQueries.deleted({}));
    const deletedList = () => queryClient.getQueryData<DealListResult>(dealQueries.deleted({}).queryKey)!;
    expect(deletedList().deals.map((d) => d.id)).not.toContain(deal.id);

    const writes = holdWrites('delete');
    const { result } = hookIn(queryClient, () => useDeleteDeal());
    act(() => result.current.mutate({ id: deal.id, ifMatch: revision }));
    await waitFor(() => expect(writes.held()).toBe(1));
    expect(list().deals.some((d) => d.id === deal.id)).toBe(false);
    expect(deletedList().deals.map((d) => d.id)).toContain(deal.id);
    writes.release();

    await screen.findByText(
      (_, el) => el?.className === 'toast__text' && el.textContent === `Deleted “${deal.title}”.`,
    );
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(
      await screen.findByText(
        (_, el) => el?.className === 'toast__text' && el.textContent === `Undone: “${deal.title}” is back.`,
      ),
    ).toBeInTheDocument();
    expect(list().deals.some((d) => d.id === deal.id)).toBe(true);
    await waitFor(() => expect(deletedList().deals.map((d) => d.id)).not.toContain(deal.id));
    expect(await fetchDeal({}, deal.id)).toMatchObject({ deleted: false, revision: revision + 2 });
  });
});

describe('two tabs, one truth', () => {
  it("a write in one tab reaches the other tab's list and detail within a second, without a reload", async () => {
    const deal = seed(4);
    // Two tabs: two query clients. The first writes through the app's providers, so its hook posts
    // the change itself; the second listens on its own channel, as another tab's app does.
    const first = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const second = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const secondTab = createCrossTabSync(second);
    try {
      await second.fetchQuery(dealQueries.list({}));
      const opened = await second.fetchQuery(dealQueries.detail({}, deal.id));
      const { result } = renderHook(() => useUpdateDeal(), {
        wrapper: ({ children }: { children: ReactNode }) => (
          <QueryClientProvider client={first}>
            <CrossTabSyncProvider>{children}</CrossTabSyncProvider>
          </QueryClientProvider>
        ),
      });
      const saved = await act(() =>
        result.current.mutateAsync({
          id: deal.id,
          record: { ...deal, title: 'Edited in the other tab' },
          ifMatch: opened.revision,
        }),
      );
      const started = performance.now();
      await waitFor(() =>
        expect(second.getQueryData(dealQueries.detail({}, deal.id).queryKey)).toMatchObject({
          revision: saved.revision,
          deal: { title: 'Edited in the other tab' },
        }),
      );
      await secondTab.idle();
      expect(performance.now() - started).toBeLessThan(1000);
      const list = second.getQueryData<DealListResult>(dealQueries.list({}).queryKey)!;
      expect(list.deals.find((d) => d.id === deal.id)?.title).toBe('Edited in the other tab');
      expect(list.deals).toHaveLength(seeds.length);
    } finally {
      secondTab.close();
    }
  });

  it('falls back to storage events where there is no BroadcastChannel', async () => {
    const deal = seed(6);
    const tab = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    await tab.fetchQuery(dealQueries.list({}));
    const opened = await tab.fetchQuery(dealQueries.detail({}, deal.id));
    const saved = await updateDeal({}, deal.id, { ...deal, title: 'Told by storage' }, opened.revision);
    vi.stubGlobal('BroadcastChannel', undefined);
    const listener = createCrossTabSync(tab);
    const poster = createCrossTabSync(new QueryClient());
    try {
      poster.post({ context: {}, id: deal.id, revision: saved.revision, deleted: false });
      // The browser fires `storage` in the other tabs only; jsdom has one, so it is fired here by hand.
      const key = 'dpt-deals-change';
      window.dispatchEvent(new StorageEvent('storage', { key, newValue: localStorage.getItem(key) }));
      await waitFor(() =>
        expect(tab.getQueryData(dealQueries.detail({}, deal.id).queryKey)).toMatchObject({
          revision: saved.revision,
          deal: { title: 'Told by storage' },
        }),
      );
    } finally {
      listener.close();
      poster.close();
      vi.unstubAllGlobals();
    }
  });

  it('ignores a message that is not a deal change, and a tab without that data set does nothing', async () => {
    const tab = new QueryClient();
    const sync = createCrossTabSync(tab);
    const other = new BroadcastChannel('dpt-deals');
    try {
      other.postMessage({ context: {}, id: 42 });
      other.postMessage('<img src=x onerror=alert(1)>');
      other.postMessage({
        context: { dataset: 'synthetic', size: '100' },
        id: 'x',
        revision: 2,
        deleted: false,
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await sync.idle();
      expect(tab.getQueryCache().getAll()).toHaveLength(0);
    } finally {
      other.close();
      sync.close();
    }
  });
});

describe('the error a hook gives a form', () => {
  it('is an ApiError with kind, issues and current, never a bare Error', async () => {
    const deal = seed(5);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const opened = await client.fetchQuery(dealQueries.detail({}, deal.id));
    const { result } = hookIn(client, () => useUpdateDeal({ errorToast: false }));
    await act(() =>
      result.current.mutateAsync({
        id: deal.id,
        record: { ...deal, title: 'First' },
        ifMatch: opened.revision,
      }),
    );
    // A second save from the same opening is stale: the conflict carries what is stored now.
    await act(() =>
      result.current
        .mutateAsync({ id: deal.id, record: { ...deal, title: 'Second' }, ifMatch: opened.revision })
        .catch(() => undefined),
    );
    await waitFor(() => expect(result.current.isError).toBe(true));
    const error = result.current.error;
    expect(isApiError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'conflict', status: 412 });
    expect(error!.current).toMatchObject({ revision: opened.revision + 1, deal: { title: 'First' } });
    // The form shows it beside its fields: no notice repeats it.
    expect(screen.queryByText(/Not saved/)).toBeNull();
  });
});

describe('a reset', () => {
  it('drops the edits and makes the other tabs load the data set again', async () => {
    const deal = seed(7);
    const first = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const second = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const secondTab = createCrossTabSync(second);
    try {
      const opened = await first.fetchQuery(dealQueries.detail({}, deal.id));
      await updateDeal({}, deal.id, { ...deal, title: 'Dropped by the reset' }, opened.revision);
      await second.fetchQuery(dealQueries.list({}));
      const { result } = renderHook(() => useResetData(), {
        wrapper: ({ children }: { children: ReactNode }) => (
          <QueryClientProvider client={first}>
            <CrossTabSyncProvider>{children}</CrossTabSyncProvider>
          </QueryClientProvider>
        ),
      });
      const { dropped } = await act(() => result.current.mutateAsync());
      expect(dropped).toBeGreaterThanOrEqual(1);
      await waitFor(() =>
        expect(second.getQueryState(dealQueries.list({}).queryKey)?.isInvalidated).toBe(true),
      );
      expect(await fetchDeal({}, deal.id)).toMatchObject({ revision: 1, deal: { title: deal.title } });
    } finally {
      secondTab.close();
    }
  });
});
