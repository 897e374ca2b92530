import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { fetchDeals, type DealListProgress } from './deals-api';
import { configureApi } from './http';
import { dealQueries } from './queries';
import { isRetryable, retryDelay } from './retry';
import {
  requestedPage,
  sendJson,
  wireDeal,
  wireDeals,
  type Scenario,
  startTestServer,
  testServers,
} from './test-server';

// Each test starts a real HTTP server that gets one part of the contract wrong on purpose.
const serve = testServers();
afterEach(() => vi.unstubAllGlobals());

const all = wireDeals(2500);
/** A server that honours offset but never sends more than `cap` records a page. */
function cappedPages(cap: number, records: unknown[] = all, total = records.length): Scenario {
  return (_request, response, url) => {
    const { offset, limit } = requestedPage(url);
    const size = Math.min(limit, cap);
    sendJson(response, { data: records.slice(offset, offset + size), total, offset, limit: size });
  };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('a server that pages its answer', () => {
  it('is read page by page until every deal of its total has arrived, reporting progress', async () => {
    const server = await serve(cappedPages(1000));
    const progress: DealListProgress[] = [];
    const result = await fetchDeals({}, {}, { onProgress: (p) => progress.push(p) });
    expect(result.deals).toHaveLength(2500);
    expect(result).toMatchObject({ total: 2500, received: 2500, complete: true, rejected: [] });
    // Records after each page; between them, the bytes of each page as they arrive.
    expect(progress.filter((p) => !p.bytes).map((p) => `${p.received} of ${p.total}`)).toEqual([
      '1000 of 2500',
      '2000 of 2500',
      '2500 of 2500',
    ]);
    const bytes = progress.filter((p) => p.bytes);
    expect(bytes[0]).toMatchObject({ received: 0, total: 0, bytes: { received: 0 } });
    const lastOfFirstPage = bytes.filter((p) => p.received === 0).at(-1)?.bytes;
    expect(lastOfFirstPage?.received).toBeGreaterThan(0);
    if (lastOfFirstPage?.total !== undefined) expect(lastOfFirstPage.received).toBe(lastOfFirstPage.total);
    expect(server.requests.map((u) => u.searchParams.get('offset'))).toEqual(['0', '1000', '2000']);
  });

  it('checks one large page 5,000 records at a time, saying how far it has got, and skips a bad one', async () => {
    const many: unknown[] = wireDeals(12_000);
    many[7000] = { ...(many[7000] as object), sources: [] };
    await serve(cappedPages(12_000, many));
    const progress: DealListProgress[] = [];
    const result = await fetchDeals({}, {}, { onProgress: (p) => progress.push(p) });
    expect(progress.filter((p) => !p.bytes).map((p) => `${p.received} of ${p.total}`)).toEqual([
      '5000 of 12000',
      '10000 of 12000',
      '12000 of 12000',
    ]);
    expect(result).toMatchObject({ total: 12_000, received: 12_000, complete: true });
    expect(result.deals).toHaveLength(11_999);
    expect(result.rejected).toEqual([
      expect.objectContaining({ index: 7000, reason: expect.stringMatching(/sources/) as unknown }),
    ]);
  });

  it('that ignores offset yields the first page marked incomplete, not 1,000 of 1,000', async () => {
    await serve((_request, response) =>
      sendJson(response, { data: all.slice(0, 1000), total: 2500, offset: 0, limit: 1000 }),
    );
    const result = await fetchDeals({}, {});
    expect(result).toMatchObject({ total: 2500, complete: false });
    expect(result.deals).toHaveLength(1000);
    expect(result.incomplete).toMatch(/asked for offset 1,000.*cannot be read page by page/);
  });

  it('that repeats the same page under the right offset is stopped, its repeats rejected as duplicates', async () => {
    const server = await serve((_request, response, url) => {
      const { offset } = requestedPage(url);
      sendJson(response, { data: all.slice(0, 1000), total: 2500, offset, limit: 1000 });
    });
    const result = await fetchDeals({}, {});
    expect(result.complete).toBe(false);
    expect(result.incomplete).toMatch(/same records again/);
    expect(result.deals).toHaveLength(1000);
    expect(result.rejected[0]?.reason).toBe('duplicate id "d-0": the record at index 0 has it');
    expect(server.requests).toHaveLength(2);
  });

  it('whose total changes mid-way is reported as changed, not merged', async () => {
    await serve((_request, response, url) => {
      const { offset } = requestedPage(url);
      const total = offset === 0 ? 2500 : 2600;
      sendJson(response, { data: all.slice(offset, offset + 1000), total, offset, limit: 1000 });
    });
    const result = await fetchDeals({}, {});
    expect(result).toMatchObject({ total: 2500, complete: false });
    expect(result.incomplete).toMatch(/total changed from 2,500 to 2,600/);
    expect(result.deals).toHaveLength(1000);
  });

  it('that stops sending before its total is reported as stopped', async () => {
    await serve((_request, response, url) => {
      const { offset } = requestedPage(url);
      const data = offset === 0 ? all.slice(0, 1000) : [];
      sendJson(response, { data, total: 2500, offset, limit: 1000 });
    });
    const result = await fetchDeals({}, {});
    expect(result).toMatchObject({ complete: false, received: 1000 });
    expect(result.incomplete).toMatch(/stopped sending records after 1,000/);
  });

  it('that shrinks its pages to one record is cut off after total/limit + 1 requests', async () => {
    const server = await serve((_request, response, url) => {
      const { offset } = requestedPage(url);
      const size = offset === 0 ? 1000 : 1;
      sendJson(response, { data: all.slice(offset, offset + size), total: 2500, offset, limit: size });
    });
    const result = await fetchDeals({}, {});
    expect(server.requests).toHaveLength(4);
    expect(result).toMatchObject({ complete: false, received: 1003, total: 2500 });
  });

  it('that sends more records than its total says so instead of claiming a complete list', async () => {
    await serve((_request, response) =>
      sendJson(response, { data: all.slice(0, 30), total: 20, offset: 0, limit: 1000 }),
    );
    const result = await fetchDeals({}, {});
    expect(result.complete).toBe(false);
    expect(result.incomplete).toMatch(/sent 30 records but reported a total of 20/);
  });

  it('rejects a record that reuses an id from an earlier page, keeping the first', async () => {
    const records = wireDeals(20);
    records[12] = wireDeal('d-5', { title: 'An impostor' });
    await serve(cappedPages(10, records));
    const result = await fetchDeals({}, {});
    expect(result).toMatchObject({ complete: true, received: 20 });
    expect(result.deals).toHaveLength(19);
    expect(result.deals.find((d) => d.id === 'd-5')?.title).toBe('Deal d-5');
    expect(result.rejected).toEqual([
      { index: 12, id: 'd-5', reason: 'duplicate id "d-5": the record at index 5 has it', duplicateOf: 5 },
    ]);
  });
});

describe('a server that does not answer in time', () => {
  it('that never answers fails with a timeout that says so', async () => {
    await serve(() => undefined);
    configureApi({ headersTimeoutMs: 200 });
    const started = Date.now();
    const error = await failure(fetchDeals({}, {}));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 200 ms/);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(isRetryable(error)).toBe(true);
  });

  it('that drips its answer is cut off at the overall cap', async () => {
    await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":[');
      const drip = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(drip));
    });
    configureApi({ headersTimeoutMs: 5000, totalTimeoutMs: 400 });
    const error = await failure(fetchDeals({}, {}));
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/had not finished arriving/);
  });

  it('still lets the caller cancel: a cancelled load is not reported as a failure of the server', async () => {
    await serve(() => undefined);
    const controller = new AbortController();
    const pending = fetchDeals({}, {}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('a server that asks the client to back off', () => {
  it('with 503 and Retry-After in seconds is retried after that wait', async () => {
    await serve((_request, response) =>
      sendJson(
        response,
        { error: { code: 'maintenance', message: 'Back soon' } },
        { status: 503, headers: { 'retry-after': '7' } },
      ),
    );
    const error = await failure(fetchDeals({}, {}));
    expect(error.retryAfterMs).toBe(7000);
    expect(error.message).toMatch(/unavailable for now \(503: Back soon\)\. It asks to wait 7 s/);
    expect(isRetryable(error)).toBe(true);
    expect(retryDelay(0, error)).toBe(7000);
  });

  it('with 429 and Retry-After as an HTTP date waits until that date', async () => {
    await serve((_request, response) =>
      sendJson(
        response,
        { error: { code: 'rate_limited', message: 'Slow down' } },
        { status: 429, headers: { 'retry-after': new Date(Date.now() + 5000).toUTCString() } },
      ),
    );
    const error = await failure(fetchDeals({}, {}));
    expect(error.retryAfterMs).toBeGreaterThan(3000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(5000);
    expect(isRetryable(error)).toBe(true);
  });

  it('asking for an hour is left to the user instead of a skeleton for an hour', async () => {
    await serve((_request, response) =>
      sendJson(
        response,
        { error: { code: 'maintenance', message: 'Down for maintenance' } },
        { status: 503, headers: { 'retry-after': '3600' } },
      ),
    );
    const error = await failure(fetchDeals({}, {}));
    expect(error.message).toMatch(/wait 3600 s/);
    expect(isRetryable(error)).toBe(false);
  });

  it('is retried by the list query with back-off until it recovers', async () => {
    let calls = 0;
    const server = await serve((_request, response, url) => {
      calls++;
      if (calls <= 2)
        return sendJson(
          response,
          { error: { code: 'busy', message: 'Busy' } },
          { status: 503, headers: { 'retry-after': '0' } },
        );
      return cappedPages(1000)(_request, response, url);
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: 2 } } });
    const result = await client.fetchQuery(dealQueries.list({}));
    expect(result.deals).toHaveLength(2500);
    expect(server.requests).toHaveLength(2 + 3);
    expect(client.getQueryData(dealQueries.progress({}).queryKey)).toEqual({ received: 2500, total: 2500 });
  });

  it('is not retried after a 400, which asking again cannot fix', async () => {
    const server = await serve((_request, response) =>
      sendJson(
        response,
        { error: { code: 'bad_parameter', message: 'Bad parameter "size"' } },
        { status: 400 },
      ),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: 3 } } });
    await expect(client.fetchQuery(dealQueries.list({}))).rejects.toThrow('Bad parameter "size"');
    expect(server.requests).toHaveLength(1);
  });

  it('retries 408 and 5xx but no other 4xx', () => {
    const http = (status: number) => new ApiError('http', 'x', { status });
    expect([408, 429, 500, 502].map((s) => isRetryable(http(s)))).toEqual([true, true, true, true]);
    expect([400, 401, 403, 422].map((s) => isRetryable(http(s)))).toEqual([false, false, false, false]);
    expect(isRetryable(new ApiError('not-found', 'x', { status: 404 }))).toBe(false);
    // Exponential: 1, 2, 4 s (jitter at its midpoint), capped at 30 s.
    expect([0, 1, 2, 10].map((n) => retryDelay(n, http(500), () => 0.5))).toEqual([1000, 2000, 4000, 30000]);
  });
});

describe('what a failure says on a real-server build', () => {
  it('names the address as too long on a 431, not the connection', async () => {
    await serve((_request, response) => {
      response.writeHead(431);
      response.end();
    });
    const error = await failure(fetchDeals({}, {}));
    expect(error.message).toMatch(/address is too long for the server/);
    expect(error.message).not.toMatch(/connection/);
  });

  it('does not mention the mock service worker when a real server sends HTML', async () => {
    await serve((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><title>Login</title>');
    });
    const error = await failure(fetchDeals({}, {}));
    expect(error.kind).toBe('not-json');
    expect(error.message).not.toMatch(/mock|service worker/i);
    expect(error.message).toMatch(/VITE_API_BASE_URL \(http:\/\/127\.0\.0\.1:\d+\)/);
  });

  it('says the server refused this origin when a cross-origin request fails', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    configureApi({ baseUrl: closed.url });
    vi.stubGlobal('location', { origin: 'https://tracker.example' });
    const error = await failure(fetchDeals({}, {}));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(
      /did not accept the request from this page \(https:\/\/tracker\.example\).*allow this origin by CORS/,
    );
  });
});
