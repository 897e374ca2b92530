import { ApiErrorBody, CONTEXT_PARAMS, type ApiContext } from '../domain';
import { ApiError } from './api-error';

/** A real server's address when VITE_API_BASE_URL is set; otherwise this page's origin, where MSW answers. */
export function apiBaseUrl(): string {
  const configured: unknown = import.meta.env.VITE_API_BASE_URL;
  if (typeof configured === 'string' && configured !== '') return configured.replace(/\/+$/, '');
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

async function readErrorBody(response: Response): Promise<{ code?: string; message?: string }> {
  try {
    const parsed = ApiErrorBody.safeParse(await response.json());
    return parsed.success ? parsed.data.error : {};
  } catch {
    return {};
  }
}

export async function getJson(url: URL, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal: signal ?? null, headers: { accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new ApiError(
      'network',
      'Could not reach the deal API: the network request failed. Check the connection, then retry.',
      { cause },
    );
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const body = type.includes('json') ? await readErrorBody(response) : {};
    const kind = response.status === 404 ? 'not-found' : 'http';
    const detail = body.message ?? response.statusText;
    throw new ApiError(kind, `The deal API answered ${response.status}: ${detail}`, {
      status: response.status,
      ...(body.code ? { code: body.code } : {}),
    });
  }
  if (!type.includes('json')) {
    // `vite preview` answers an unmocked /api path with index.html: say so rather than fail to parse it.
    throw new ApiError(
      'not-json',
      `The deal API answered with ${type || 'no content type'} instead of JSON. The mock service worker may not be running, or VITE_API_BASE_URL points at the wrong server. Reload the page, then retry.`,
      { status: response.status },
    );
  }
  // User Timing marks show where a large load spends its time, in DevTools and in the benchmark.
  performance.mark(`api:headers ${url.pathname}`);
  try {
    const text = await response.text();
    performance.mark(`api:body ${url.pathname}`);
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
