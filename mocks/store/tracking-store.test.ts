import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import seedRecords from '../../seeds/deals.json';
import { Deal } from '../../src/domain';
import type { DealEnvelope, RevisionListBody, StaleWriteBody } from '../../src/domain/model/api-contract';
import type { BaseRecords } from '../../src/domain/tracking/revision-log';
import { createHandlers } from '../handlers';
import { Dexie, TrackingStore, type StoreOptions } from './tracking-store';

const seedDeal = Deal.parse(seedRecords.find((r) => r.id === 'mq-9b-2024'));
const base: BaseRecords = {
  get: (id) => (id === seedDeal.id ? seedDeal : undefined),
  savedAt: '2026-01-01T00:00:00.000Z',
};
let dbCount = 0;
const freshName = () => `dpt-tracker-test-${++dbCount}`;

const BASE_URL = 'http://localhost';
/** The app's handlers over a store of our choosing: one "tab" each. */
const server = setupServer();
const asTab = (store: TrackingStore) => server.use(...createHandlers(store));
async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: string,
) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('TrackingStore', () => {
  it('two tabs over one database: the second stale save is refused, the first kept', async () => {
    const name = freshName();
    const tabA = new TrackingStore({ name });
    const tabB = new TrackingStore({ name });
    // Both tabs read revision 1, then both save against it.
    expect((await tabA.head('seed', seedDeal.id, base))?.revision).toBe(1);
    expect((await tabB.head('seed', seedDeal.id, base))?.revision).toBe(1);
    const a = await tabA.edit('seed', base, seedDeal.id, { ...seedDeal, title: 'Tab A' }, 1, 'A');
    const b = await tabB.edit('seed', base, seedDeal.id, { ...seedDeal, title: 'Tab B' }, 1, 'B');
    expect(a).toMatchObject({ ok: true, head: { revision: 2 } });
    expect(b).toMatchObject({
      ok: false,
      refusal: { kind: 'stale', current: { revision: 2, data: { title: 'Tab A' } } },
    });
    // Saved at the same moment (no await between them): one wins, the other is told.
    const [x, y] = await Promise.all([
      tabA.edit('seed', base, seedDeal.id, { ...seedDeal, title: 'A again' }, 2, undefined),
      tabB.edit('seed', base, seedDeal.id, { ...seedDeal, title: 'B again' }, 2, undefined),
    ]);
    expect([x.ok, y.ok].sort()).toEqual([false, true]);
    expect((await tabB.revisions('seed', seedDeal.id, base))?.map((e) => e.revision)).toEqual([3, 2, 1]);
    tabA.close();
    tabB.close();
  });

  it('two tabs through the API: tab B’s save on the revision tab A replaced answers 412', async () => {
    const name = freshName();
    const [tabA, tabB] = [new TrackingStore({ name }), new TrackingStore({ name })];
    asTab(tabA);
    const saved = await call(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: { ...seedDeal, title: 'From tab A' } },
      '"1"',
    );
    expect(saved.status).toBe(200);
    server.resetHandlers();
    asTab(tabB);
    const stale = await call<StaleWriteBody>(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: { ...seedDeal, title: 'From tab B' } },
      '"1"',
    );
    expect(stale.status).toBe(412);
    expect(stale.body.current).toMatchObject({ revision: 2, data: { title: 'From tab A' } });
    tabA.close();
    tabB.close();
  });

  it('a write that fails part way (tab closed after the revision put) leaves the old head and history', async () => {
    const name = freshName();
    const good = new TrackingStore({ name });
    await good.edit('seed', base, seedDeal.id, { ...seedDeal, title: 'Revision 2' }, 1, undefined);
    const crashing = new TrackingStore({
      name,
      afterRevisionPut: () => {
        throw new Error('the tab was closed');
      },
    });
    await expect(
      crashing.edit('seed', base, seedDeal.id, { ...seedDeal, title: 'Half' }, 2, undefined),
    ).rejects.toMatchObject({
      status: 503,
      code: 'storage_unavailable',
    });
    expect(await good.head('seed', seedDeal.id, base)).toMatchObject({
      revision: 2,
      data: { title: 'Revision 2' },
    });
    expect((await good.revisions('seed', seedDeal.id, base))?.map((e) => e.revision)).toEqual([2, 1]);
    // The next save goes on from revision 2, as if the failed one never happened.
    expect(
      await good.edit('seed', base, seedDeal.id, { ...seedDeal, title: 'Revision 3' }, 2, undefined),
    ).toMatchObject({
      ok: true,
      head: { revision: 3 },
    });
    good.close();
    crashing.close();
  });

  it('a full disk answers 507 storage_full, saying nothing was saved, and writes nothing', async () => {
    const name = freshName();
    const full = new TrackingStore({
      name,
      afterRevisionPut: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    asTab(full);
    const refused = await call<{ error: { code: string; message: string } }>(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: { ...seedDeal, title: 'Too much' } },
      '"1"',
    );
    expect(refused.status).toBe(507);
    expect(refused.body.error.code).toBe('storage_full');
    expect(refused.body.error.message).toMatch(/Nothing was saved, and nothing saved before is lost/);
    const reader = new TrackingStore({ name });
    expect(await reader.overlay('seed')).toEqual([]);
    const revisions = await call<RevisionListBody>('GET', `/api/deals/${seedDeal.id}/revisions`);
    expect(revisions.body.data.map((e) => e.revision)).toEqual([1]);
    full.close();
    reader.close();
  });

  it('an import that runs out of space part way imports nothing', async () => {
    const name = freshName();
    let puts = 0;
    const store = new TrackingStore({
      name,
      afterRevisionPut: () => {
        if (++puts === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    const deals = ['first-new', 'second-new', 'third-new'].map((id) => ({
      revision: 1,
      deleted: false,
      data: { ...seedDeal, id },
    }));
    await expect(
      store.importBackup(
        'seed',
        base,
        deals,
        deals.map((d) => d.data.id),
        false,
      ),
    ).rejects.toMatchObject({
      status: 507,
    });
    expect(await store.overlay('seed')).toEqual([]);
    store.close();
  });

  it('no IndexedDB (a private window): reads serve the shipped records, writes answer 503', async () => {
    const noStorage: StoreOptions = {
      name: freshName(),
      indexedDB: {
        open: () => {
          throw new DOMException(
            'A mutation operation was attempted on a database that did not allow mutations.',
            'InvalidStateError',
          );
        },
      } as unknown as IDBFactory,
    };
    asTab(new TrackingStore(noStorage));
    const list = await call<{ total: number }>('GET', '/api/deals');
    expect(list).toMatchObject({ status: 200, body: { total: seedRecords.length } });
    const one = await call<DealEnvelope>('GET', `/api/deals/${seedDeal.id}`);
    expect(one.body).toMatchObject({ revision: 1, deleted: false });
    const write = await call<{ error: { code: string; message: string } }>(
      'DELETE',
      `/api/deals/${seedDeal.id}`,
      undefined,
      '"1"',
    );
    expect(write.status).toBe(503);
    expect(write.body.error.code).toBe('storage_unavailable');
    expect(write.body.error.message).toMatch(/no storage.*Nothing was saved/);
    const revisions = await call<RevisionListBody>('GET', `/api/deals/${seedDeal.id}/revisions`);
    expect(revisions.body.data.map((e) => [e.revision, e.action])).toEqual([[1, 'seed']]);
    const backup = await call<{ deals: unknown[] }>('GET', '/api/export');
    expect(backup.body.deals).toHaveLength(seedRecords.length);
  });

  it('a tab holding an older version of the database blocks the upgrade: 503, close the other tab', async () => {
    const name = freshName();
    // "The other tab": a connection at an older version that does not let go.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('open failed'));
    });
    asTab(new TrackingStore({ name }));
    const write = await call<{ error: { code: string; message: string } }>(
      'DELETE',
      `/api/deals/${seedDeal.id}`,
      undefined,
      '"1"',
    );
    expect(write.status).toBe(503);
    expect(write.body.error.message).toMatch(/Nothing was saved/);
    expect(write.body.error.message).toContain('Close the other tab');
    old.close();
  });

  it('a row written by a newer version is refused with a clear message, not misread', async () => {
    const name = freshName();
    const store = new TrackingStore({ name });
    await store.edit('seed', base, seedDeal.id, { ...seedDeal, title: 'Now' }, 1, undefined);
    store.close();
    const raw = new Dexie(name);
    await raw.open();
    await raw.table('heads').update(['seed', seedDeal.id], { schemaVersion: 99 });
    raw.close();
    asTab(new TrackingStore({ name }));
    const read = await call<{ error: { message: string } }>('GET', `/api/deals/${seedDeal.id}`);
    expect(read.status).toBe(503);
    expect(read.body.error.message).toMatch(/newer version of the app \(storage format 99/);
    const write = await call('PUT', `/api/deals/${seedDeal.id}`, { data: seedDeal }, '"2"');
    expect(write.status).toBe(503);
  });
});
