import { ApiErrorBody, CONTEXT_PARAMS, InvalidRecordBody, StaleWriteBody, type ApiContext } from '../domain';
import { ApiError } from './api-error';
import { clip } from './clip';
import { readStoredDeal } from './stored-deal';
import { retryAfterMs } from './retry-after';

export interface ApiSettings {
  /** A real server's address; undefined means this page's origin, where the mock service worker answers. */
  baseUrl: string | undefined;
  /** How long to wait for the response headers: a server that never answers fails instead of hanging. */
  headersTimeoutMs: number;
  /** The cap from sending the request to the last byte of the body: a server that drips its answer fails too. */
  totalTimeoutMs: number;
}

function configuredBaseUrl(): string | undefined {
  const configured: unknown = import.meta.env.VITE_API_BASE_URL;
  return typeof configured === 'string' && configured !== '' ? configured : undefined;
}

function defaultSettings(): ApiSettings {
  return { baseUrl: configuredBaseUrl(), headersTimeoutMs: 20_000, totalTimeoutMs: 90_000 };
}

let settings = defaultSettings();

/** Tests point the client at their own server and shorten its timeouts; the app keeps the defaults. */
export function configureApi(next: Partial<ApiSettings>): void {
  settings = { ...settings, ...next };
}

export function resetApiSettings(): void {
  settings = defaultSettings();
}

export function apiSettings(): Readonly<ApiSettings> {
  return settings;
}

/** True when the app talks to a real server: the mock's scenarios and wording then do not apply. */
export function isRealServer(): boolean {
  return settings.baseUrl !== undefined;
}

/** A real server's address when one is configured; otherwise this page's origin, where MSW answers. */
export function apiBaseUrl(): string {
  if (settings.baseUrl !== undefined) return settings.baseUrl.replace(/\/+$/, '');
  return globalThis.location?.origin ?? 'http://localhost';
}

export function apiUrl(path: string, context: ApiContext, params?: URLSearchParams): URL {
  const url = new URL(`${apiBaseUrl()}${path}`);
  for (const name of CONTEXT_PARAMS) {
    const value = context[name];
    if (value !== undefined) url.searchParams.set(name, value);
  }
  params?.forEach((value, name) => url.searchParams.append(name, value));
  return url;
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function statusMessage(status: number, detail: string, waitMs: number | undefined): string {
  const wait = waitMs === undefined ? '' : ` It asks to wait ${seconds(waitMs)} before asking again.`;
  switch (status) {
    case 414:
    case 431:
      return `The deal server refused the request (${status}): its address is too long for the server. Remove some filters, then retry.`;
    case 429:
      return `The deal server is receiving too many requests (429).${wait || ' Wait a moment, then retry.'}`;
    case 503:
      return `The deal server is unavailable for now (503${detail ? `: ${detail}` : ''}).${wait || ' Retry later.'}`;
    default:
      return `The deal API answered ${status}: ${detail}`;
  }
}

const STORAGE_CODES = new Set(['storage_full', 'storage_unavailable']);
const NOT_SAVED = /\bnot (?:been )?saved\b|nothing (?:was|has been) saved/i;

/** `Not saved: …`, saying once that nothing was saved, whether or not the server's words already do. */
function notSaved(detail: string, fallback: string): string {
  const words = detail || fallback;
  if (NOT_SAVED.test(words)) return /[.!?…]$/.test(words) ? words : `${words}.`;
  return `Not saved: ${words}${/[.!?…]$/.test(words) ? '' : '.'} Nothing was saved.`;
}

/**
 * The ApiError for a refused request, read from its JSON body (or `undefined` when it had none readable):
 * a 412 carries the deal as stored now, a 422 each problem, a storage failure says nothing was saved.
 */
function errorFromAnswer(
  response: Response,
  body: unknown,
  { write, wait, ifMatch }: { write: boolean; wait: number | undefined; ifMatch: number | undefined },
): ApiError {
  const { status } = response;
  const error = ApiErrorBody.safeParse(body);
  const code = error.success ? clip(error.data.error.code, 60) : undefined;
  const detail = clip(error.success ? error.data.error.message : response.statusText);
  const common = {
    status,
    ...(code ? { code } : {}),
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
  };
  if (status === 412) {
    const stale = StaleWriteBody.safeParse(body);
    const current = stale.success ? readStoredDeal(stale.data.current) : undefined;
    const yours = ifMatch === undefined ? 'an older revision' : `revision ${ifMatch}`;
    if (current?.ok) {
      return new ApiError(
        'conflict',
        `Not saved: this deal was changed elsewhere since you opened it. Your change was made to ${yours}; the saved deal is now revision ${current.stored.revision}. Nothing was saved; compare the two, then save again.`,
        { ...common, current: current.stored },
      );
    }
    const why = current ? clip(current.reason, 200) : 'it sent no readable copy of the deal';
    return new ApiError(
      'conflict',
      `Not saved: this deal was changed elsewhere since you opened it (your change was made to ${yours}), and the server's copy of it could not be read: ${why}. Nothing was saved; reload the deal to see what is stored, then make your change again.`,
      common,
    );
  }
  if (status === 422) {
    const invalid = InvalidRecordBody.safeParse(body);
    const issues = invalid.success
      ? invalid.data.error.issues.slice(0, 500).map((issue) => ({
          path: issue.path.slice(0, 20).map((key) => (typeof key === 'string' ? clip(key, 100) : key)),
          message: clip(issue.message),
        }))
      : [];
    return new ApiError('invalid', notSaved(detail, 'the record does not meet the deal schema'), {
      ...common,
      issues,
    });
  }
  if (status === 507 || (code !== undefined && STORAGE_CODES.has(code))) {
    return new ApiError(
      'storage',
      write
        ? notSaved(detail, 'the browser refused to store the change')
        : `The deal store could not be read: ${detail || 'the browser refused its storage'}`,
      common,
    );
  }
  const kind = status === 404 ? 'not-found' : 'http';
  const message = statusMessage(status, detail, wait);
  return new ApiError(
    kind,
    write && status < 500 ? notSaved(message, message) : write ? `${message}${WRITE_UNKNOWN}` : message,
    common,
  );
}

function isCrossOrigin(url: URL): boolean {
  const here = globalThis.location?.origin;
  return here !== undefined && here !== 'null' && url.origin !== here;
}

/** Says why the request could not be sent or answered, when it was not the caller that cancelled it. */
function transportError(
  url: URL,
  cause: unknown,
  timedOut: 'headers' | 'total' | undefined,
  write = false,
): ApiError {
  const { headersTimeoutMs, totalTimeoutMs } = settings;
  if (write) {
    // The request may have reached the server before the answer was lost: the user must not assume either.
    const why =
      timedOut === 'headers'
        ? `The deal server did not answer within ${seconds(headersTimeoutMs)}`
        : timedOut === 'total'
          ? `The deal server's answer had not finished arriving after ${seconds(totalTimeoutMs)}`
          : isCrossOrigin(url)
            ? `The deal server at ${url.origin} could not be reached from this page (or refused its origin by CORS)`
            : 'The network request to the deal API failed';
    return new ApiError(
      timedOut ? 'timeout' : 'network',
      `${why}, so the change may or may not have been saved. Reload the deal to see what is stored before saving again; your changes are still here.`,
      { cause },
    );
  }
  if (timedOut === 'headers') {
    return new ApiError(
      'timeout',
      `The deal server did not answer within ${seconds(headersTimeoutMs)}. It may be overloaded or down; retry later.`,
      { cause },
    );
  }
  if (timedOut === 'total') {
    return new ApiError(
      'timeout',
      `The deal server's answer had not finished arriving after ${seconds(totalTimeoutMs)}. Retry; if it keeps happening, the server or the connection is too slow for this data set.`,
      { cause },
    );
  }
  if (isCrossOrigin(url)) {
    // The browser hides why a cross-origin request failed: CORS refusal and an unreachable host look alike.
    return new ApiError(
      'network',
      `The deal server at ${url.origin} did not accept the request from this page (${globalThis.location.origin}), or could not be reached. The server must allow this origin by CORS; if other sites do not load either, check the connection.`,
      { cause },
    );
  }
  return new ApiError(
    'network',
    'Could not reach the deal API: the network request failed. Check the connection, then retry.',
    { cause },
  );
}

/** A JSON answer and the `ETag` it came with (the deal's revision on single-deal answers). */
export interface JsonAnswer {
  body: unknown;
  etag: string | null;
  status: number;
}

export interface SendOptions {
  method: 'POST' | 'PUT' | 'DELETE';
  /** Sent as JSON; omitted for a bodiless request. */
  body?: unknown;
  /** The revision the change was made against, sent as `If-Match: "N"`. */
  ifMatch?: number;
  signal?: AbortSignal;
}

/** How much of an answer's body has arrived; `total` is its `Content-Length`, when it sent one. */
export type BytesProgress = (received: number, total: number | undefined) => void;

export async function getJson(url: URL, signal?: AbortSignal, onBytes?: BytesProgress): Promise<unknown> {
  return (await request(url, { method: 'GET', signal, onBytes })).body;
}

/** `getJson` that also returns the answer's `ETag`. */
export function getJsonAnswer(url: URL, signal?: AbortSignal): Promise<JsonAnswer> {
  return request(url, { method: 'GET', signal });
}

/**
 * A write: JSON out, JSON back. Never retried here or by the caller's query client: a write that timed
 * out may have been applied, and sending it again could apply it twice.
 */
export function sendJson(url: URL, options: SendOptions): Promise<JsonAnswer> {
  return request(url, options);
}

interface RequestOptions {
  method: 'GET' | SendOptions['method'];
  body?: unknown;
  ifMatch?: number;
  signal?: AbortSignal | undefined;
  onBytes?: BytesProgress | undefined;
}

/** The body as text, counting its bytes as they arrive (at most every 100 ms, and at the end). */
async function readText(response: Response, onBytes: BytesProgress | undefined): Promise<string> {
  if (!onBytes || !response.body) return response.text();
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let told = 0;
  onBytes(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    if (performance.now() - told > 100) {
      told = performance.now();
      onBytes(received, total);
    }
  }
  onBytes(received, total);
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const all = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

async function readErrorBody(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return undefined;
  }
}

async function request(url: URL, options: RequestOptions): Promise<JsonAnswer> {
  const { signal, method } = options;
  const write = method !== 'GET';
  const { headersTimeoutMs, totalTimeoutMs } = settings;
  // The headers deadline must not cut off a long body, so it is a timer cleared on arrival, while the
  // overall cap stays armed until the last byte.
  const headersDeadline = new AbortController();
  const total = AbortSignal.timeout(totalTimeoutMs);
  const timer = setTimeout(
    () => headersDeadline.abort(new DOMException('No response headers in time', 'TimeoutError')),
    headersTimeoutMs,
  );
  const combined = AbortSignal.any([headersDeadline.signal, total, ...(signal ? [signal] : [])]);
  const timedOut = (): 'headers' | 'total' | undefined =>
    headersDeadline.signal.aborted ? 'headers' : total.aborted ? 'total' : undefined;

  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal: combined,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw transportError(url, cause, timedOut(), write);
  } finally {
    clearTimeout(timer);
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const body = type.includes('json') ? await readErrorBody(response) : undefined;
    const wait =
      response.status === 429 || response.status === 503
        ? retryAfterMs(response.headers.get('retry-after'))
        : undefined;
    throw errorFromAnswer(response, body, { write, wait, ifMatch: options.ifMatch });
  }
  if (!type.includes('json')) {
    const hint = isRealServer()
      ? `VITE_API_BASE_URL (${apiBaseUrl()}) may point at something other than the deal API.`
      : // `vite preview` answers an unmocked /api path with index.html: say so rather than fail to parse it.
        'The mock service worker may not be running. Reload the page, then retry.';
    throw new ApiError(
      'not-json',
      `The deal API answered with ${clip(type, 80) || 'no content type'} instead of JSON. ${hint}${write ? WRITE_UNKNOWN : ''}`,
      { status: response.status },
    );
  }
  // User Timing marks show where a large load spends its time, in DevTools and in the benchmark.
  performance.mark(`api:headers ${url.pathname}`);
  let text: string;
  try {
    text = await readText(response, options.onBytes);
  } catch (cause) {
    if (signal?.aborted) throw cause;
    const late = timedOut();
    if (late || write) throw transportError(url, cause, late, write);
    throw new ApiError(
      'network',
      'The connection to the deal API broke while its answer was arriving. Retry.',
      { cause },
    );
  }
  performance.mark(`api:body ${url.pathname}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new ApiError(
      'invalid-response',
      `The deal API sent JSON that could not be read. ${write ? WRITE_UNKNOWN.trim() : 'Retry; if it persists, the server is at fault.'}`,
      { cause },
    );
  }
  performance.mark(`api:parsed ${url.pathname}`);
  return { body, etag: response.headers.get('etag'), status: response.status };
}

const WRITE_UNKNOWN = ' The change may or may not have been saved: reload the deal to check.';
