import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import seedRecords from '../seeds/deals.json';
import { Deal, parseDeals } from '../src/domain';
import type {
  BackupBody,
  DealEnvelope,
  ImportPreviewBody,
  InvalidRecordBody,
  RevisionListBody,
  StaleWriteBody,
} from '../src/domain/model/api-contract';
import { server } from './node';
import { resetScenarioCounters } from './scenarios';

const BASE = 'http://localhost';
const seedDeal = Deal.parse(seedRecords.find((r) => r.id === 'mq-9b-2024'));
const newDeal = { ...seedDeal, id: 'tracked-new-deal', title: 'A new deal typed by an editor' };

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, etag: response.headers.get('ETag'), body: (await response.json()) as T };
}
const listIds = async (query = '') =>
  (await call<{ data: { id: string }[]; total: number }>('GET', `/api/deals?limit=200000${query}`)).body;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => resetScenarioCounters());
afterAll(() => server.close());

describe('the write path', () => {
  it('creates a deal: 201, ETag "1", listed, and its id then taken', async () => {
    const created = await call<DealEnvelope>('POST', '/api/deals', { data: newDeal, note: 'first' });
    expect(created.status).toBe(201);
    expect(created.etag).toBe('"1"');
    expect(created.body).toMatchObject({ revision: 1, deleted: false, data: { id: newDeal.id } });
    const list = await listIds();
    expect(list.data.map((d) => d.id)).toContain(newDeal.id);
    expect(list.total).toBe(seedRecords.length + 1);
    const again = await call('POST', '/api/deals', { data: newDeal });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'id_taken' } });
    const detail = await call<DealEnvelope>('GET', `/api/deals/${newDeal.id}`);
    expect(detail.etag).toBe('"1"');
    expect(detail.body.data).toEqual(created.body.data);
  });

  it('refuses a bad record with 422 and the paths of its issues, and keeps the old one', async () => {
    // Allocations past the total, and a misspelt party role: two issues, each with its path.
    const bad = {
      ...seedDeal,
      parties: [{ name: 'X', role: 'seller' }],
      quantity: { ...seedDeal.quantity!, total: 0 },
    };
    const refused = await call<InvalidRecordBody>(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: bad },
      { 'If-Match': '"1"' },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('invalid_record');
    const paths = refused.body.error.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('parties.0.role');
    expect(paths).toContain('quantity.total');
    const now = await call<DealEnvelope>('GET', `/api/deals/${seedDeal.id}`);
    expect(now.body).toMatchObject({ revision: 1, data: { status: seedDeal.status } });

    const renamed = await call<InvalidRecordBody>(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: { ...seedDeal, id: 'another-id' } },
      { 'If-Match': '"1"' },
    );
    expect(renamed.status).toBe(422);
    expect(renamed.body.error.issues.map((i) => i.path)).toEqual([['id']]);
  });

  it('asks for If-Match (428), and refuses a stale one (412) with the current record', async () => {
    const edited = { ...seedDeal, title: 'Edited in another tab' };
    expect((await call('PUT', `/api/deals/${seedDeal.id}`, { data: edited })).status).toBe(428);
    expect((await call('DELETE', `/api/deals/${seedDeal.id}`)).status).toBe(428);
    const saved = await call<DealEnvelope>(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: edited, note: 'tab A' },
      { 'If-Match': '"1"' },
    );
    expect(saved).toMatchObject({
      status: 200,
      etag: '"2"',
      body: { revision: 2, data: { title: edited.title } },
    });

    const stale = await call<StaleWriteBody>(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: { ...seedDeal, title: 'Edited in this tab' } },
      { 'If-Match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe('stale');
    expect(stale.body.current).toMatchObject({ revision: 2, deleted: false, data: { title: edited.title } });
    expect((await call<DealEnvelope>('GET', `/api/deals/${seedDeal.id}`)).body.revision).toBe(2);
  });

  it('deletes: hidden from the list, shown under deleted=only, brought back by restore', async () => {
    const deleted = await call<DealEnvelope>('DELETE', `/api/deals/${seedDeal.id}`, undefined, {
      'If-Match': '"1"',
    });
    expect(deleted).toMatchObject({ status: 200, etag: '"2"', body: { deleted: true, revision: 2 } });
    expect((await listIds()).data.map((d) => d.id)).not.toContain(seedDeal.id);
    expect((await listIds('&deleted=only')).data.map((d) => d.id)).toEqual([seedDeal.id]);
    const page = await call<DealEnvelope>('GET', `/api/deals/${seedDeal.id}`);
    expect(page.body).toMatchObject({ deleted: true, data: { id: seedDeal.id } });
    expect(
      (await call('PUT', `/api/deals/${seedDeal.id}`, { data: seedDeal }, { 'If-Match': '"2"' })).status,
    ).toBe(409);

    const restored = await call<DealEnvelope>('POST', `/api/deals/${seedDeal.id}/restore`, {
      note: 'by mistake',
    });
    expect(restored.body).toMatchObject({ deleted: false, revision: 3 });
    expect((await listIds()).data.map((d) => d.id)).toContain(seedDeal.id);
    expect((await listIds('&deleted=only')).data).toEqual([]);
    expect((await call('GET', '/api/deals?deleted=yes')).status).toBe(400);
  });

  it('lists revisions newest first with their notes and actions, a revert among them', async () => {
    await call(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: { ...seedDeal, title: 'Second' }, note: 'retitled' },
      { 'If-Match': '"1"' },
    );
    await call(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: seedDeal, note: 'Restore revision 1' },
      { 'If-Match': '"2"' },
    );
    const { status, body } = await call<RevisionListBody>('GET', `/api/deals/${seedDeal.id}/revisions`);
    expect(status).toBe(200);
    expect(body.data.map((e) => [e.revision, e.action, e.note])).toEqual([
      [3, 'revert', 'Restore revision 1'],
      [2, 'edit', 'retitled'],
      [1, 'seed', undefined],
    ]);
    expect(body.data[0]!.data).toEqual(body.data[2]!.data);
    expect((await call('GET', '/api/deals/no-such-deal/revisions')).status).toBe(404);
  });

  it('keeps hostile text and a javascript: URL as typed', async () => {
    const hostile = {
      ...seedDeal,
      title: '<script>alert(1)</script>',
      sources: [...seedDeal.sources, { id: 'evil', title: 'x', publisher: 'y', url: 'javascript:alert(1)' }],
    };
    await call('PUT', `/api/deals/${seedDeal.id}`, { data: hostile }, { 'If-Match': '"1"' });
    const { body } = await call<DealEnvelope>('GET', `/api/deals/${seedDeal.id}`);
    expect((body.data as Deal).title).toBe(hostile.title);
    expect((body.data as Deal).sources.at(-1)!.url).toBe('javascript:alert(1)');
  });

  it('edits a synthetic set apart from the seeds, and serves the edit in the whole list', async () => {
    const q = 'dataset=synthetic&size=50&seed=3';
    const whole = await call<{ data: Deal[] }>('GET', `/api/deals?${q}&limit=1000`);
    const first = whole.body.data[0]!;
    await call(
      'PUT',
      `/api/deals/${first.id}?${q}`,
      { data: { ...first, title: 'Synthetic: edited' } },
      { 'If-Match': '"1"' },
    );
    const after = await call<{ data: Deal[]; total: number }>('GET', `/api/deals?${q}&limit=1000`);
    expect(after.body.total).toBe(50);
    expect(after.body.data[0]).toMatchObject({ id: first.id, title: 'Synthetic: edited', synthetic: true });
    expect(parseDeals(after.body.data).rejected).toEqual([]);
    expect((await listIds()).data.map((d) => d.id)).not.toContain(first.id);
  });

  it('resets a data set: every edit dropped, the shipped records the state', async () => {
    await call('POST', '/api/deals', { data: newDeal });
    await call('DELETE', `/api/deals/${seedDeal.id}`, undefined, { 'If-Match': '"1"' });
    const reset = await call<{ data: { dropped: number } }>('POST', '/api/reset');
    expect(reset.body.data.dropped).toBe(2);
    const list = await listIds();
    expect(list.total).toBe(seedRecords.length);
    expect((await call<DealEnvelope>('GET', `/api/deals/${seedDeal.id}`)).body).toMatchObject({
      revision: 1,
      deleted: false,
    });
  });

  it('answers the mock scenarios on the write endpoints too', async () => {
    const failed = await call(
      'PUT',
      `/api/deals/${seedDeal.id}?mock=error`,
      { data: seedDeal },
      { 'If-Match': '"1"' },
    );
    expect(failed.status).toBe(500);
    expect((await call<DealEnvelope>('GET', `/api/deals/${seedDeal.id}`)).body.revision).toBe(1);
    await expect(fetch(`${BASE}/api/export?mock=offline`)).rejects.toThrow();
  });
});

describe('backup and import', () => {
  it('exports every deal with histories; a dry run previews exactly what the import does', async () => {
    await call(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: { ...seedDeal, title: 'Before backup' } },
      { 'If-Match': '"1"' },
    );
    const backup = (await call<BackupBody>('GET', '/api/export')).body;
    expect(backup).toMatchObject({ format: 'dpt-backup', version: 1, dataset: 'seed' });
    expect(backup.deals).toHaveLength(seedRecords.length);
    const edited = backup.deals.find((d) => (d.data as Deal).id === seedDeal.id)!;
    expect(edited.history?.map((e) => e.revision)).toEqual([2, 1]);

    // After the backup: one more edit, one deletion, one new deal; then restore the backup.
    await call(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: { ...seedDeal, title: 'After backup' } },
      { 'If-Match': '"2"' },
    );
    const other = seedRecords[1]!.id;
    await call('DELETE', `/api/deals/${other}`, undefined, { 'If-Match': '"1"' });
    await call('POST', '/api/deals', { data: newDeal });
    // The backup also carries a deal that is new here and one broken record.
    backup.deals.push({ revision: 1, deleted: false, data: { ...newDeal, id: 'only-in-backup' } });
    backup.deals.push({
      revision: 1,
      deleted: false,
      data: { ...newDeal, id: 'broken-in-backup', sources: [] },
    });

    const dry = await call<ImportPreviewBody>('POST', '/api/import?dryRun=1', backup);
    expect(dry.body).toMatchObject({
      dryRun: true,
      added: ['only-in-backup'],
      changed: [seedDeal.id],
      deleted: [],
      restored: [other],
      // Every other shipped deal: all but the changed and the restored one.
      unchanged: seedRecords.length - 2,
    });
    expect(dry.body.rejected).toMatchObject([{ index: backup.deals.length - 1, id: 'broken-in-backup' }]);
    expect(dry.body.rejected[0]!.message).toContain('sources');
    // The dry run wrote nothing.
    expect((await call<DealEnvelope>('GET', `/api/deals/${seedDeal.id}`)).body.revision).toBe(3);

    const applied = await call<ImportPreviewBody>('POST', '/api/import', backup);
    expect({ ...applied.body, dryRun: true }).toEqual(dry.body);
    const now = await call<DealEnvelope>('GET', `/api/deals/${seedDeal.id}`);
    expect(now.body).toMatchObject({ revision: 4, data: { title: 'Before backup' } });
    const revisions = await call<RevisionListBody>('GET', `/api/deals/${seedDeal.id}/revisions`);
    expect(revisions.body.data[0]).toMatchObject({ action: 'import', revision: 4 });
    const ids = (await listIds()).data.map((d) => d.id);
    expect(ids).toContain('only-in-backup');
    expect(ids).toContain(other);
    // A deal the backup lacks is left as it is.
    expect(ids).toContain(newDeal.id);
    expect(ids).not.toContain('broken-in-backup');
  });

  it('refuses a file that is not a backup of this data set, changing nothing', async () => {
    const notBackup = await call('POST', '/api/import', { hello: 'world' });
    expect(notBackup).toMatchObject({ status: 400, body: { error: { code: 'bad_backup' } } });
    const otherSet = await call('POST', '/api/import', {
      format: 'dpt-backup',
      version: 1,
      exportedAt: '2026-12-01T00:00:00.000Z',
      dataset: 'synthetic-50-3',
      deals: [],
    });
    expect(otherSet.status).toBe(400);
    expect((otherSet.body as { error: { message: string } }).error.message).toContain('synthetic-50-3');
    const garbled = await fetch(`${BASE}/api/import`, { method: 'POST', body: '{not json' });
    expect(garbled.status).toBe(400);
  });
});

describe('between tests', () => {
  it('writes one edit, for the next test to find gone', async () => {
    const saved = await call(
      'PUT',
      `/api/deals/${seedDeal.id}`,
      { data: { ...seedDeal, title: 'Leaks?' } },
      { 'If-Match': '"1"' },
    );
    expect(saved.status).toBe(200);
  });
  it('starts from the shipped records (the setup deletes the database after each test)', async () => {
    expect((await call<DealEnvelope>('GET', `/api/deals/${seedDeal.id}`)).body.revision).toBe(1);
  });
});
