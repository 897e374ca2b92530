import { MutationObserver, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { Deal } from '../domain';
import { ApiError } from './api-error';
import { dealMutations } from './deal-mutations';
import {
  createDeal,
  deleteDeal,
  fetchRevisions,
  importBackup,
  resetData,
  restoreDeal,
  updateDeal,
} from './deal-writes';
import { fetchDeal, type DealListResult } from './deals-api';
import { configureApi } from './http';
import { dealQueries } from './queries';
import { readBody, sendEnvelope, sendJson, wireDeal, type Scenario, testServers } from './test-server';

// Each test starts a real HTTP server that answers the write path one way, right or wrong.
const serve = testServers();

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const deal = Deal.parse(wireDeal('p-8i'));
const edited: Deal = { ...deal, title: 'P-8I, edited' };

interface Seen {
  method: string | undefined;
  ifMatch: string | undefined;
  contentType: string | undefined;
  body: string;
}

/** A server that records each request's method, If-Match and body, then answers as `answer` says. */
function recording(seen: Seen[], answer: Scenario): Scenario {
  return async (request, response, url) => {
    seen.push({
      method: request.method,
      ifMatch: request.headers['if-match'],
      contentType: request.headers['content-type'],
      body: await readBody(request),
    });
    await answer(request, response, url);
  };
}

describe('writes send what the contract asks', () => {
  it('PUT sends the whole record and the note as JSON, with If-Match naming the revision', async () => {
    const seen: Seen[] = [];
    await serve(recording(seen, (_q, response) => sendEnvelope(response, edited, { revision: 4 })));
    const stored = await updateDeal({ dataset: 'seed' }, 'p-8i', edited, 3, 'Title per the MoD');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'PUT', ifMatch: '"3"', contentType: 'application/json' });
    expect(JSON.parse(seen[0]!.body)).toEqual({ data: edited, note: 'Title per the MoD' });
    expect(stored).toEqual({
      deal: edited,
      revision: 4,
      savedAt: '2026-12-01T10:00:00.000Z',
      deleted: false,
    });
  });

  it('DELETE sends If-Match, POST create and restore send none, to the paths of docs/api.md', async () => {
    const seen: Seen[] = [];
    const server = await serve(
      recording(seen, (request, response) =>
        sendEnvelope(response, deal, {
          revision: request.method === 'DELETE' ? 2 : 1,
          deleted: request.method === 'DELETE',
          status: request.url?.endsWith('/api/deals') ? 201 : 200,
        }),
      ),
    );
    const created = await createDeal({}, deal);
    const deleted = await deleteDeal({}, 'p-8i', 1);
    await restoreDeal({}, 'p-8i', { note: 'Deleted by mistake' });
    expect(server.requests.map((u) => u.pathname)).toEqual([
      '/api/deals',
      '/api/deals/p-8i',
      '/api/deals/p-8i/restore',
    ]);
    expect(seen.map((s) => [s.method, s.ifMatch])).toEqual([
      ['POST', undefined],
      ['DELETE', '"1"'],
      ['POST', undefined],
    ]);
    expect(JSON.parse(seen[0]!.body)).toEqual({ data: deal });
    expect(seen[1]!.body).toBe('');
    expect(JSON.parse(seen[2]!.body)).toEqual({ note: 'Deleted by mistake' });
    expect(created.revision).toBe(1);
    expect(deleted).toMatchObject({ revision: 2, deleted: true });
  });

  it('reads the revision from the ETag, and from the body when the ETag is missing or not a number', async () => {
    const answers = [`"7"`, '', 'W/"8"', '"abc"'];
    await serve((_q, response) => {
      const etag = answers.shift()!;
      sendEnvelope(response, deal, { revision: 5, etag });
    });
    const revisions = [];
    for (let i = 0; i < 4; i++) revisions.push((await fetchDeal({}, 'p-8i')).revision);
    expect(revisions).toEqual([7, 5, 8, 5]);
  });

  it('a single-deal answer without its revision, or with a record that fails the schema, is refused', async () => {
    const answers: unknown[] = [
      { data: deal },
      { data: { ...deal, title: '' }, revision: 1, savedAt: 'x', deleted: false },
    ];
    await serve((_q, response) => sendJson(response, answers.shift()));
    const noRevision = await failure(fetchDeal({}, 'p-8i'));
    expect(noRevision.kind).toBe('invalid-response');
    expect(noRevision.message).toMatch(/"p-8i" could not be read: .*revision/);
    const badRecord = await failure(fetchDeal({}, 'p-8i'));
    expect(badRecord.message).toMatch(/the record failed validation: title/);
  });
});

describe('a refused write says why, and what is stored', () => {
  it('412 carries the deal as stored now, validated, and names both revisions', async () => {
    const theirs: Deal = { ...deal, title: 'Their title' };
    await serve((_q, response) =>
      sendJson(
        response,
        {
          error: { code: 'stale', message: 'Revision 3 is not the latest' },
          current: { data: theirs, revision: 5, savedAt: '2026-12-01T11:00:00.000Z', deleted: false },
        },
        { status: 412, headers: { etag: '"5"' } },
      ),
    );
    const error = await failure(updateDeal({}, 'p-8i', edited, 3));
    expect(error).toMatchObject({ kind: 'conflict', status: 412, code: 'stale' });
    expect(error.current).toEqual({
      deal: theirs,
      revision: 5,
      savedAt: '2026-12-01T11:00:00.000Z',
      deleted: false,
    });
    expect(error.message).toMatch(/changed elsewhere.*revision 3.*now revision 5\. Nothing was saved/);
  });

  it.each([
    ['HTML', 'text/html', '<h1>Precondition Failed</h1>'],
    ['garbled JSON', 'application/json', '{"error": {"code": "stale", "mess'],
    ['no current', 'application/json', JSON.stringify({ error: { code: 'stale', message: 'old' } })],
    [
      'a current record that fails the schema',
      'application/json',
      JSON.stringify({
        error: { code: 'stale', message: 'old' },
        current: { data: { id: 'p-8i', title: 42 }, revision: 5, savedAt: 'now', deleted: false },
      }),
    ],
  ])('a 412 with %s is still a clear conflict that says to reload', async (_name, type, body) => {
    await serve((_q, response) => {
      response.writeHead(412, { 'content-type': type });
      response.end(body);
    });
    const error = await failure(updateDeal({}, 'p-8i', edited, 3));
    expect(error.kind).toBe('conflict');
    expect(error.current).toBeUndefined();
    expect(error.message).toMatch(
      /changed elsewhere .*revision 3.*could not be read.*Nothing was saved; reload the deal/,
    );
    expect(error.message.length).toBeLessThan(700);
  });

  it('422 lists every issue with its path, and says nothing was saved', async () => {
    const issues = [
      { path: ['quantity', 'allocations'], message: 'allocations add up to 40, more than the total of 31' },
      { path: ['figures', 0, 'amount'], message: 'must be at least 1' },
    ];
    await serve((_q, response) =>
      sendJson(
        response,
        { error: { code: 'invalid_record', message: 'The record fails the deal schema', issues } },
        { status: 422 },
      ),
    );
    const error = await failure(updateDeal({}, 'p-8i', edited, 3));
    expect(error).toMatchObject({ kind: 'invalid', status: 422, code: 'invalid_record' });
    expect(error.issues).toEqual(issues);
    expect(error.message).toBe('Not saved: The record fails the deal schema. Nothing was saved.');
  });

  it('a 422 without readable issues is still invalid, with no issues rather than made-up ones', async () => {
    await serve((_q, response) =>
      sendJson(
        response,
        { error: { code: 'invalid_record', message: 'Bad', issues: 'many' } },
        { status: 422 },
      ),
    );
    const error = await failure(createDeal({}, deal));
    expect(error.kind).toBe('invalid');
    expect(error.issues).toEqual([]);
  });

  it('a hostile 422 (a megabyte message, 5,000 long issues, a bidi override) is cut to what a screen can show', async () => {
    const issues = Array.from({ length: 5000 }, (_, n) => ({
      path: ['figures', n, 'x'.repeat(1000)],
      message: `\u202E${'y'.repeat(1000)}`,
    }));
    await serve((_q, response) =>
      sendJson(
        response,
        { error: { code: 'invalid_record', message: 'z'.repeat(1_000_000), issues } },
        { status: 422 },
      ),
    );
    const error = await failure(createDeal({}, deal));
    expect(error.kind).toBe('invalid');
    expect(error.message.length).toBeLessThan(400);
    expect(error.issues).toHaveLength(500);
    expect(error.issues[0]!.message.length).toBeLessThanOrEqual(300);
    expect(String(error.issues[0]!.path[2]).length).toBeLessThanOrEqual(100);
  });

  it.each([
    [507, 'storage_full', 'The browser refused to store more: nothing was saved and nothing is lost.'],
    [503, 'storage_unavailable', 'This browser offers no storage to this page (private mode?)'],
  ])('%i %s is a storage error whose message says nothing was saved', async (status, code, message) => {
    await serve((_q, response) => sendJson(response, { error: { code, message } }, { status }));
    const error = await failure(deleteDeal({}, 'p-8i', 2));
    expect(error).toMatchObject({ kind: 'storage', status, code });
    // Said once, whether the server's words say it (507 here) or the client adds it (503).
    expect(error.message.match(/nothing was saved/gi)).toHaveLength(1);
    expect(error.message).toContain(message.replace(/\.$/, ''));
  });

  it('409 id_taken keeps the server message and says nothing was saved', async () => {
    await serve((_q, response) =>
      sendJson(
        response,
        { error: { code: 'id_taken', message: 'The id "p-8i" is in use' } },
        { status: 409 },
      ),
    );
    const error = await failure(createDeal({}, deal));
    expect(error).toMatchObject({ kind: 'http', status: 409, code: 'id_taken' });
    expect(error.message).toMatch(/The id "p-8i" is in use.*Nothing was saved/);
  });

  it('a write whose answer never comes says the change may or may not have been saved', async () => {
    await serve(() => undefined);
    configureApi({ headersTimeoutMs: 200 });
    const error = await failure(updateDeal({}, 'p-8i', edited, 3));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/within 200 ms, so the change may or may not have been saved/);
  });
});

describe('a write through the mutation options', () => {
  function clientWithList(): QueryClient {
    const client = new QueryClient({
      defaultOptions: { queries: { retry: false }, mutations: { retry: 3 } },
    });
    const list: DealListResult = { deals: [deal], total: 1, received: 1, complete: true, rejected: [] };
    client.setQueryData(dealQueries.list({}).queryKey, list);
    client.setQueryData(dealQueries.detail({}, 'p-8i').queryKey, {
      deal,
      revision: 3,
      savedAt: '2026-12-01T09:00:00.000Z',
      deleted: false,
    });
    return client;
  }

  it('is sent once after a server fault, even when the client retries mutations by default', async () => {
    const server = await serve((_q, response) =>
      sendJson(response, { error: { code: 'boom', message: 'Server fault' } }, { status: 500 }),
    );
    const client = clientWithList();
    const error = await failure(
      new MutationObserver(client, dealMutations.update({})).mutate({
        id: 'p-8i',
        record: edited,
        ifMatch: 3,
      }),
    );
    expect(error.status).toBe(500);
    expect(server.requests).toHaveLength(1);
  });

  it('shows the edit in the list and the detail before the server answers, then its revision', async () => {
    let answer: (() => void) | undefined;
    await serve((_q, response) => {
      answer = () => sendEnvelope(response, edited, { revision: 4 });
    });
    const client = clientWithList();
    const pending = new MutationObserver(client, dealMutations.update({})).mutate({
      id: 'p-8i',
      record: edited,
      ifMatch: 3,
    });
    await expect.poll(() => answer).toBeDefined();
    expect(client.getQueryData<DealListResult>(dealQueries.list({}).queryKey)?.deals[0]?.title).toBe(
      'P-8I, edited',
    );
    expect(client.getQueryData(dealQueries.detail({}, 'p-8i').queryKey)).toMatchObject({
      deal: { title: 'P-8I, edited' },
      revision: 3,
    });
    answer!();
    await pending;
    expect(client.getQueryData(dealQueries.detail({}, 'p-8i').queryKey)).toMatchObject({ revision: 4 });
  });

  it('puts the list and the detail back when the server refuses the record', async () => {
    await serve((_q, response) =>
      sendJson(
        response,
        {
          error: {
            code: 'invalid_record',
            message: 'Bad',
            issues: [{ path: ['title'], message: 'Too short' }],
          },
        },
        { status: 422 },
      ),
    );
    const client = clientWithList();
    const listBefore = client.getQueryData(dealQueries.list({}).queryKey);
    const detailBefore = client.getQueryData(dealQueries.detail({}, 'p-8i').queryKey);
    const error = await failure(
      new MutationObserver(client, dealMutations.update({})).mutate({
        id: 'p-8i',
        record: edited,
        ifMatch: 3,
      }),
    );
    expect(error.issues).toEqual([{ path: ['title'], message: 'Too short' }]);
    // Equal, not the same object: the query cache shares structure on every write.
    expect(client.getQueryData(dealQueries.list({}).queryKey)).toEqual(listBefore);
    expect(client.getQueryData(dealQueries.detail({}, 'p-8i').queryKey)).toEqual(detailBefore);
  });
});

describe('history, backup and reset', () => {
  it('keeps a revision whose record no longer validates, with the reason', async () => {
    await serve((_q, response) =>
      sendJson(response, {
        data: [
          {
            dealId: 'p-8i',
            revision: 2,
            savedAt: 'b',
            action: 'edit',
            note: 'n',
            deleted: false,
            data: edited,
          },
          { dealId: 'p-8i', revision: 1, savedAt: 'a', action: 'seed', deleted: false, data: { id: 'p-8i' } },
        ],
      }),
    );
    const revisions = await fetchRevisions({}, 'p-8i');
    expect(revisions.map((r) => [r.revision, r.deal?.title])).toEqual([
      [2, 'P-8I, edited'],
      [1, undefined],
    ]);
    expect(revisions[1]!.invalidReason).toMatch(/title/);
  });

  it('asks for a dry run with ?dryRun=1 and reads the preview; reset reads what it dropped', async () => {
    const server = await serve((request, response) =>
      request.url?.startsWith('/api/reset')
        ? sendJson(response, { data: { dropped: 2 } })
        : sendJson(response, {
            dryRun: true,
            added: ['a'],
            changed: [],
            deleted: [],
            restored: [],
            unchanged: 3,
            rejected: [{ index: 1, message: 'bad' }],
          }),
    );
    const preview = await importBackup({ dataset: 'seed' }, { format: 'dpt-backup' }, { dryRun: true });
    expect(preview).toMatchObject({ dryRun: true, added: ['a'], unchanged: 3 });
    expect(server.requests[0]!.searchParams.get('dryRun')).toBe('1');
    expect(await resetData({})).toEqual({ dropped: 2 });
  });
});
