import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import type { DealInput } from '../domain';
import { configureApi, resetApiSettings } from './http';

/**
 * A real HTTP server on 127.0.0.1 for tests of the client against answers MSW would not give:
 * capped pages, loops, silence, a body dripped byte by byte. Each test passes the one way it misbehaves.
 * Test-only: nothing in the app imports it.
 */
export type Scenario = (request: IncomingMessage, response: ServerResponse, url: URL) => void | Promise<void>;

export interface TestServer {
  /** The base URL to configure the client with. */
  url: string;
  /** Every request received, in order, so tests can count pages and retries. */
  requests: URL[];
  close: () => Promise<void>;
}

export async function startTestServer(scenario: Scenario): Promise<TestServer> {
  const requests: URL[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    Promise.resolve(scenario(request, response, url)).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        // A scenario that never answers holds its socket open; close would wait for it forever.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  response: ServerResponse,
  body: unknown,
  { status = 200, headers = {} }: { status?: number; headers?: Record<string, string> } = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** A valid deal record as a server would send it. */
export function wireDeal(id: string, overrides: Partial<DealInput> = {}): DealInput {
  return {
    id,
    title: `Deal ${id}`,
    summary: 'A deal served by the test server.',
    kind: 'purchase',
    status: 'contract-signed',
    buyerCountries: ['IN'],
    supplierCountries: ['US'],
    sources: [{ id: 'src', title: 'A source', publisher: 'A publisher' }],
    ...overrides,
  };
}

/** `count` deals with distinct ids, d-0 … d-(count-1), generated once and sliced per page. */
export function wireDeals(count: number): DealInput[] {
  return Array.from({ length: count }, (_, i) => wireDeal(`d-${i}`));
}

/** The paging a well-behaved server reads from the request, defaults as in docs/api.md. */
export function requestedPage(url: URL): { offset: number; limit: number } {
  return {
    offset: Number(url.searchParams.get('offset') ?? 0),
    limit: Number(url.searchParams.get('limit') ?? 1000),
  };
}

/** The request's body as text (a write's JSON). */
export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A single-deal answer as docs/api.md gives it: the envelope, with `ETag: "revision"`. */
export function sendEnvelope(
  response: ServerResponse,
  data: unknown,
  {
    revision = 1,
    deleted = false,
    status = 200,
    etag,
  }: { revision?: number; deleted?: boolean; status?: number; etag?: string } = {},
): void {
  sendJson(
    response,
    { data, revision, savedAt: '2026-12-01T10:00:00.000Z', deleted },
    { status, headers: etag === '' ? {} : { etag: etag ?? `"${revision}"` } },
  );
}

/**
 * `serve(scenario)` for a test file: each call starts a real HTTP server answering one way and points
 * the client at it; after each test the servers close and the client's settings are reset.
 */
export function testServers(): (scenario: Scenario) => Promise<TestServer> {
  const servers: TestServer[] = [];
  afterEach(async () => {
    resetApiSettings();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return async (scenario) => {
    const server = await startTestServer(scenario);
    servers.push(server);
    configureApi({ baseUrl: server.url });
    return server;
  };
}
