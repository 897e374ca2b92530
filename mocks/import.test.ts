import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import seedRecords from '../seeds/deals.json';
import { Deal } from '../src/domain';
import type {
  BatchResultBody,
  BatchUndoBody,
  DealEnvelope,
  RevisionListBody,
} from '../src/domain/model/api-contract';
import { server } from './node';

const BASE = 'http://localhost';
const seedDeal = Deal.parse(seedRecords.find((r) => r.id === 'mq-9b-2024'));
const other = Deal.parse(seedRecords.find((r) => r.id !== 'mq-9b-2024'));
const imported = (id: string) => ({ ...seedDeal, id, title: `Imported ${id}` });

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  ifMatch?: string,
) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(ifMatch ? { 'If-Match': ifMatch } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}
const listIds = async (query = '') =>
  (
    await call<{ data: { id: string; title: string }[]; total: number }>(
      'GET',
      `/api/deals?limit=200000${query}`,
    )
  ).body;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

describe('the batch write', () => {
  it('writes new and updated deals in one step, rejects a stale, invalid or taken item alone', async () => {
    const batch = await call<BatchResultBody>('POST', '/api/deals/batch', {
      note: 'Imported from trade-register.csv',
      items: [
        { data: imported('sipri-1') },
        { data: { ...seedDeal, title: 'MQ-9B, with SIPRI data' }, ifMatch: 1 },
        { data: { ...other, title: 'Stale' }, ifMatch: 4 },
        { data: { ...imported('sipri-2'), sources: [] } },
        { data: imported(other.id) },
        { data: imported('sipri-1') },
      ],
    });
    expect(batch.status).toBe(200);
    expect(batch.body.created).toEqual(['sipri-1']);
    expect(batch.body.updated).toEqual(['mq-9b-2024']);
    expect(batch.body.rejected.map((r) => [r.index, r.id])).toEqual([
      [2, other.id],
      [3, 'sipri-2'],
      [4, other.id],
      [5, 'sipri-1'],
    ]);
    expect(batch.body.rejected[0]!.message).toMatch(/changed since revision 4/);
    expect(batch.body.rejected[1]!.message).toMatch(/at least one source/);
    expect(batch.body.rejected[2]!.message).toMatch(/already used/);
    expect(batch.body.rejected[3]!.message).toMatch(/more than once/);

    const list = await listIds();
    expect(list.total).toBe(seedRecords.length + 1);
    expect(list.data.find((d) => d.id === 'mq-9b-2024')?.title).toBe('MQ-9B, with SIPRI data');
    expect(list.data.find((d) => d.id === other.id)?.title).toBe(other.title);
    const history = await call<RevisionListBody>('GET', '/api/deals/mq-9b-2024/revisions');
    expect(history.body.data.map((e) => [e.revision, e.action, e.note])).toEqual([
      [2, 'import', 'Imported from trade-register.csv'],
      [1, 'seed', undefined],
    ]);
    const created = await call<RevisionListBody>('GET', '/api/deals/sipri-1/revisions');
    expect(created.body.data.map((e) => [e.revision, e.action])).toEqual([[1, 'import']]);
  });

  it('is undone in one step: created deals retired, updated ones reverted, later edits left alone', async () => {
    const batch = await call<BatchResultBody>('POST', '/api/deals/batch', {
      note: 'an import',
      items: [
        { data: imported('sipri-10') },
        { data: imported('sipri-11') },
        { data: { ...seedDeal, title: 'Changed by the import' }, ifMatch: 1 },
        { data: { ...other, title: 'Also changed by the import' }, ifMatch: 1 },
      ],
    });
    // Someone edits one imported deal after the import.
    const edited = await call<DealEnvelope>(
      'PUT',
      '/api/deals/sipri-11',
      { data: { ...imported('sipri-11'), title: 'Edited after' } },
      '"1"',
    );
    expect(edited.status).toBe(200);

    const undo = await call<BatchUndoBody>('POST', `/api/deals/batch/${batch.body.batchId}/undo`);
    expect(undo.status).toBe(200);
    expect(undo.body.retired).toEqual(['sipri-10']);
    expect(undo.body.reverted).toEqual(['mq-9b-2024', other.id]);
    expect(undo.body.skipped.map((s) => s.id)).toEqual(['sipri-11']);
    expect(undo.body.skipped[0]!.message).toMatch(/revision 2/);

    const list = await listIds();
    expect(list.data.map((d) => d.id)).not.toContain('sipri-10');
    expect(list.data.find((d) => d.id === 'mq-9b-2024')?.title).toBe(seedDeal.title);
    expect(list.data.find((d) => d.id === 'sipri-11')?.title).toBe('Edited after');
    const deleted = await listIds('&deleted=only');
    expect(deleted.data.map((d) => d.id)).toEqual(['sipri-10']);
    const history = await call<RevisionListBody>('GET', '/api/deals/mq-9b-2024/revisions');
    expect(history.body.data.map((e) => [e.revision, e.action])).toEqual([
      [3, 'revert'],
      [2, 'import'],
      [1, 'seed'],
    ]);
    expect(history.body.data[0]!.note).toBe('Undo of import: an import');

    const again = await call<{ error: { code: string } }>(
      'POST',
      `/api/deals/batch/${batch.body.batchId}/undo`,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_undone');
    const unknown = await call<{ error: { code: string } }>('POST', '/api/deals/batch/b-nothing/undo');
    expect(unknown.status).toBe(404);
  });

  it('answers a batch whose every item is rejected (the same file twice) with the rejects', async () => {
    const items = [{ data: imported('sipri-20') }, { data: imported('sipri-21') }];
    expect((await call<BatchResultBody>('POST', '/api/deals/batch', { note: 'first', items })).status).toBe(
      200,
    );
    const twice = await call<BatchResultBody>('POST', '/api/deals/batch', { note: 'again', items });
    expect(twice.status).toBe(200);
    expect(twice.body.created).toEqual([]);
    expect(twice.body.rejected.map((r) => r.id)).toEqual(['sipri-20', 'sipri-21']);
    expect((await listIds()).total).toBe(seedRecords.length + 2);
    // Undoing a batch that wrote nothing changes nothing, and says so.
    const undo = await call<BatchUndoBody>('POST', `/api/deals/batch/${twice.body.batchId}/undo`);
    expect(undo.status).toBe(200);
    expect(undo.body).toEqual({ retired: [], reverted: [], skipped: [] });
    expect((await listIds()).total).toBe(seedRecords.length + 2);
  });

  it('refuses a body that is not a batch, and writes nothing', async () => {
    const bad = await call<{ error: { code: string; message: string } }>('POST', '/api/deals/batch', {
      items: 'all of them',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/Nothing was saved/);
    expect((await listIds()).total).toBe(seedRecords.length);
  });

  it('commits 30,000 deals in one batch, all listed at once', async () => {
    const small = (i: number) => ({
      id: `bulk-${i}`,
      title: `Bulk ${i}`,
      summary: 'One of 30,000.',
      kind: 'purchase',
      status: 'approved',
      buyerCountries: ['IN'],
      supplierCountries: ['US'],
      sources: [{ id: 'register', title: 'A register', publisher: 'SIPRI' }],
    });
    const items = Array.from({ length: 30_000 }, (_, i) => ({ data: small(i) }));
    const batch = await call<BatchResultBody>('POST', '/api/deals/batch', { note: 'bulk', items });
    expect(batch.body.rejected).toEqual([]);
    expect(batch.body.created).toHaveLength(30_000);
    const list = await listIds();
    expect(list.total).toBe(seedRecords.length + 30_000);
    const ids = new Set(list.data.map((d) => d.id));
    expect(items.every(({ data }) => ids.has(data.id))).toBe(true);
  }, 300_000);
});
