import { ApiErrorBody, CONTEXT_PARAMS, type ApiContext } from '../domain';
import { ApiError } from './api-error';
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

// The server's own words end up on screen: keep a hostile or runaway message to one line's worth.
function clip(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

async function readErrorBody(response: Response): Promise<{ code?: string; message?: string }> {
  try {
    const parsed = ApiErrorBody.safeParse(await response.json());
    return parsed.success ? parsed.data.error : {};
  } catch {
    return {};
  }
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

function isCrossOrigin(url: URL): boolean {
  const here = globalThis.location?.origin;
  return here !== undefined && here !== 'null' && url.origin !== here;
}

/** Says why the request could not be sent or answered, when it was not the caller that cancelled it. */
function transportError(url: URL, cause: unknown, timedOut: 'headers' | 'total' | undefined): ApiError {
  const { headersTimeoutMs, totalTimeoutMs } = settings;
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

export async function getJson(url: URL, signal?: AbortSignal): Promise<unknown> {
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

  let response: Response;
  try {
    response = await fetch(url, { signal: combined, headers: { accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw transportError(url, cause, timedOut());
  } finally {
    clearTimeout(timer);
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const body = type.includes('json') ? await readErrorBody(response) : {};
    const kind = response.status === 404 ? 'not-found' : 'http';
    const wait =
      response.status === 429 || response.status === 503
        ? retryAfterMs(response.headers.get('retry-after'))
        : undefined;
    const detail = clip(body.message ?? response.statusText);
    throw new ApiError(kind, statusMessage(response.status, detail, wait), {
      status: response.status,
      ...(body.code ? { code: clip(body.code, 60) } : {}),
      ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    });
  }
  if (!type.includes('json')) {
    const hint = isRealServer()
      ? `VITE_API_BASE_URL (${apiBaseUrl()}) may point at something other than the deal API.`
      : // `vite preview` answers an unmocked /api path with index.html: say so rather than fail to parse it.
        'The mock service worker may not be running. Reload the page, then retry.';
    throw new ApiError(
      'not-json',
      `The deal API answered with ${clip(type, 80) || 'no content type'} instead of JSON. ${hint}`,
      { status: response.status },
    );
  }
  // User Timing marks show where a large load spends its time, in DevTools and in the benchmark.
  performance.mark(`api:headers ${url.pathname}`);
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    if (signal?.aborted) throw cause;
    const late = timedOut();
    if (late) throw transportError(url, cause, late);
    throw new ApiError(
      'network',
      'The connection to the deal API broke while its answer was arriving. Retry.',
      { cause },
    );
  }
  performance.mark(`api:body ${url.pathname}`);
  try {
    const body: unknown = JSON.parse(text);
    performance.mark(`api:parsed ${url.pathname}`);
    return body;
  } catch (cause) {
    throw new ApiError(
      'invalid-response',
      'The deal API sent JSON that could not be read. Retry; if it persists, the server is at fault.',
      { cause },
    );
  }
}
