import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, type ReactNode } from 'react';
import {
  applyStoredDeal,
  cachedContexts,
  cachedDeal,
  fetchDeal,
  invalidateDataset,
  isApiError,
} from '../api';
import { z } from '../domain/model/zod';

/*
 * Two tabs, one truth. After each write a tab posts `{ context, id, revision, deleted }` on the
 * `dpt-deals` BroadcastChannel (or, where there is none, through a `storage` event); every other tab
 * of the same data set fetches that deal and patches its caches the way its own save would
 * (`applyStoredDeal`), so the edit shows there without a reload. A reset or an import posts
 * `{ context, all: true }`: the other tabs fetch everything of the data set again.
 */

export const CHANNEL_NAME = 'dpt-deals';
const STORAGE_KEY = 'dpt-deals-change';

const Context = z.record(z.string(), z.string());
const DealMessage = z.object({
  context: Context,
  id: z.string().check(z.minLength(1), z.maxLength(500)),
  revision: z.int().check(z.gte(1)),
  deleted: z.boolean(),
});
const DatasetMessage = z.object({ context: Context, all: z.literal(true) });
const Message = z.union([DealMessage, DatasetMessage]);
export type DealChangeMessage = z.infer<typeof DealMessage>;
export type DatasetChangeMessage = z.infer<typeof DatasetMessage>;
export type CrossTabMessage = DealChangeMessage | DatasetChangeMessage;

export interface CrossTabSync {
  /** Tells the other tabs; never this one. */
  post: (message: CrossTabMessage) => void;
  /** Resolves when the changes received so far are in this tab's caches (tests wait on it). */
  idle: () => Promise<void>;
  close: () => void;
}

/**
 * Applies one message to this tab's caches: the deal fetched again (once per id at a time, the latest
 * message winning) unless the cache already holds that revision; everything of the data set
 * invalidated after a reset or an import. A tab with nothing of that data set cached does nothing.
 */
export async function receiveChange(client: QueryClient, message: CrossTabMessage): Promise<void> {
  const contexts = cachedContexts(client, message.context);
  const context = contexts[0];
  if (context === undefined) return;
  if ('all' in message) {
    await invalidateDataset(client, context);
    return;
  }
  const { stored } = cachedDeal(client, context, message.id);
  if (stored && stored.revision >= message.revision && stored.deleted === message.deleted) return;
  try {
    applyStoredDeal(client, context, await fetchDeal(context, message.id));
  } catch (error) {
    // It could not be read now: whatever this tab shows of it is refetched when next used.
    await client.invalidateQueries({
      predicate: (query) => query.queryKey[0] === 'deals' && query.queryKey.includes(message.id),
    });
    if (!isApiError(error)) throw error;
  }
}

export function createCrossTabSync(
  client: QueryClient,
  { channelName = CHANNEL_NAME }: { channelName?: string } = {},
): CrossTabSync {
  const pending = new Map<string, Promise<void>>();
  const latest = new Map<string, CrossTabMessage>();
  const receive = (data: unknown) => {
    const parsed = Message.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    const key = 'all' in message ? '\u0000all' : message.id;
    latest.set(key, message);
    if (pending.has(key)) return;
    // One fetch per deal at a time; messages that arrive meanwhile are folded into the next one.
    const run = async (): Promise<void> => {
      while (latest.has(key)) {
        const next = latest.get(key)!;
        latest.delete(key);
        await receiveChange(client, next).catch(() => undefined);
      }
      pending.delete(key);
    };
    pending.set(key, run());
  };

  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(channelName);
    channel.onmessage = (event: MessageEvent) => receive(event.data);
    return {
      post: (message) => channel.postMessage(message),
      idle: () => Promise.all(pending.values()).then(() => undefined),
      close: () => channel.close(),
    };
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY || event.newValue === null) return;
    try {
      receive((JSON.parse(event.newValue) as { message?: unknown }).message);
    } catch {
      // Not ours, or garbled: ignored.
    }
  };
  globalThis.addEventListener?.('storage', onStorage);
  let sequence = 0;
  return {
    post: (message) => {
      try {
        // The storage event fires in the other tabs only when the value changes: a counter makes it.
        localStorage.setItem(STORAGE_KEY, JSON.stringify({ message, sequence: ++sequence, at: Date.now() }));
      } catch {
        // No storage (private mode): the other tabs see the change when they next load.
      }
    },
    idle: () => Promise.all(pending.values()).then(() => undefined),
    close: () => globalThis.removeEventListener?.('storage', onStorage),
  };
}

/** Each query client's link to the other tabs, set while its `CrossTabSyncProvider` is mounted. */
const links = new WeakMap<QueryClient, CrossTabSync>();

/** How a write tells the other tabs. Without a `CrossTabSyncProvider` it tells nobody. */
export function useTellOtherTabs(): (message: CrossTabMessage) => void {
  const client = useQueryClient();
  return useCallback((message: CrossTabMessage) => links.get(client)?.post(message), [client]);
}

/** Mounted once in the app: listens for other tabs' writes and posts this tab's. */
export function CrossTabSyncProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  useEffect(() => {
    const created = createCrossTabSync(client);
    links.set(client, created);
    return () => {
      created.close();
      if (links.get(client) === created) links.delete(client);
    };
  }, [client]);
  return children;
}
