/**
 * Whole synthetic data sets, kept in the browser's Cache Storage as the encoded body of
 * `GET /api/deals`. A set is generated deterministically from its size and seed, and the mock API
 * runs on the page's main thread, so without this every visit to a large demo generated, serialised
 * and encoded it again before the first chart could draw (about 0.45 s at 30,000 deals, 1.5 s at
 * 100,000): work a real server does elsewhere. The key names the build, so a changed generator never
 * serves an old set; only the latest set is kept (one of 100,000 deals is about 130 MB).
 */
declare const __BUILD_ID__: string;

const CACHE_NAME = 'dpt-synthetic-lists';
const GENERATED_AT = 'x-generated-at';

export interface SyntheticListKey {
  size: number;
  seed: number;
  limit: number;
}

function available(): boolean {
  // A build that does not name itself (no `define` for it) never caches: it could not tell its sets apart.
  return typeof __BUILD_ID__ === 'string' && typeof caches !== 'undefined' && typeof location !== 'undefined';
}

function keyUrl({ size, seed, limit }: SyntheticListKey): string {
  return `${location.origin}/__synthetic-lists/${__BUILD_ID__}/${size}-${seed}-${limit}.json`;
}

/**
 * The cached body as a stream, not read into the page's memory: handed on as the response body, it
 * flows to the app in chunks (so the app can count the bytes arriving) without a second 130 MB copy.
 */
export async function readCachedList(key: SyntheticListKey): Promise<Response | undefined> {
  if (!available()) return undefined;
  try {
    const hit = await (await caches.open(CACHE_NAME)).match(keyUrl(key));
    return hit?.body ? hit : undefined;
  } catch {
    // A browser that refuses storage (private mode, quota) just generates the set again.
    return undefined;
  }
}

/** When the cached set was generated, if there is one: the data-set description reports it. */
export async function cachedGeneratedAt(key: SyntheticListKey): Promise<string | undefined> {
  if (!available()) return undefined;
  try {
    const hit = await (await caches.open(CACHE_NAME)).match(keyUrl(key));
    return hit?.headers.get(GENERATED_AT) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores a set in place of any other; the bytes are copied at once, so the caller may hand them on. */
export function storeList(key: SyntheticListKey, bytes: Uint8Array<ArrayBuffer>, generatedAt: string): void {
  if (!available()) return;
  const response = new Response(bytes, {
    headers: {
      'content-type': 'application/json',
      'content-length': String(bytes.byteLength),
      [GENERATED_AT]: generatedAt,
    },
  });
  const url = keyUrl(key);
  void (async () => {
    try {
      const cache = await caches.open(CACHE_NAME);
      for (const old of await cache.keys()) if (old.url !== url) await cache.delete(old);
      await cache.put(url, response);
    } catch {
      // Not stored: the next visit generates the set again.
    }
  })();
}
