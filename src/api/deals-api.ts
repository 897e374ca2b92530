import {
  Deal as DealSchema,
  DealListBody,
  MAX_LIMIT,
  MetaBody,
  describeIssues,
  filterToParams,
  formatCount,
  parseDealList,
  type ApiContext,
  type Deal,
  type DealFilter,
  type RejectedRecord,
} from '../domain';
import type { z } from 'zod/mini';
import { ApiError, type StoredDeal } from './api-error';
import { clip } from './clip';
import { readStoredDeal } from './stored-deal';
import { apiUrl, getJson, getJsonAnswer } from './http';
import { compileFastParse, StringPool, UNSURE } from './fast-parse';

let fastDeal: ((record: unknown, pool?: StringPool) => Deal | typeof UNSURE) | undefined;

/**
 * `parseDealList` with the schema's fast path (`fast-parse.ts`) first: a record it accepts is what zod
 * would return; any other goes to `parseDealList` on its own, which rejects it with zod's reasons (or
 * accepts it, should the fast path have been unsure of a valid one). Duplicate ids are caught the same
 * way for both.
 */
function validateDeals(
  records: readonly unknown[],
  offset: number,
  seen: Map<string, number>,
  pool: StringPool,
): { deals: Deal[]; rejected: RejectedRecord[] } {
  fastDeal ??= compileFastParse(DealSchema);
  const deals: Deal[] = [];
  const rejected: RejectedRecord[] = [];
  for (let i = 0; i < records.length; i++) {
    const index = offset + i;
    const deal = fastDeal(records[i], pool);
    if (deal === UNSURE) {
      const slow = parseDealList([records[i]], { offset: index, seen });
      deals.push(...slow.deals);
      rejected.push(...slow.rejected);
      continue;
    }
    const first = seen.get(deal.id);
    if (first === undefined) {
      seen.set(deal.id, index);
      deals.push(deal);
    } else {
      const reason = `duplicate id "${deal.id}": the record at index ${first} has it`;
      rejected.push({ index, id: deal.id, reason, duplicateOf: first });
    }
  }
  return { deals, rejected };
}

export interface DealListResult {
  deals: Deal[];
  /** How many deals the server says match (its `total`), whether or not they all arrived. */
  total: number;
  /** Records that arrived, valid or not: `deals.length + rejected.length`. */
  received: number;
  /** True when every record of `total` arrived; otherwise `incomplete` says why not. */
  complete: boolean;
  /** Why the list holds only part of the deals, in words for the user. */
  incomplete?: string;
  /** Records the API sent that failed validation: skipped, and shown to the user with their reasons. */
  rejected: RejectedRecord[];
}

export interface DealListProgress {
  /** Records received and checked so far. */
  received: number;
  /** Records the server says match; 0 until its first page has been read. */
  total: number;
  /** While a page's body arrives: its bytes so far, and its length when the server sent one. */
  bytes?: { received: number; total?: number | undefined };
}

/** Records checked between two chances for the page to paint (the progress bar, a Cancel click). */
const CHECK_SLICE = 5000;

/** Lets the browser paint and handle input; a message, not a timer, so it is not clamped to 4 ms. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      // An open port keeps a Node process (the tests, the mock server) alive.
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function parseEnvelope<T>(schema: z.ZodMiniType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(
      'invalid-response',
      `The deal API's ${what} is not in the expected shape (${describeIssues(parsed.error)}).`,
    );
  }
  return parsed.data;
}

/**
 * The list's envelope, checked by its schema without its records: `data` is `unknown[]`, which zod
 * would copy element by element (0.15 s at 100,000 deals) to learn only that it is an array.
 */
function parseDealListBody(answer: unknown): DealListBody {
  const data = (answer as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return parseEnvelope(DealListBody, answer, 'deal list');
  return { ...parseEnvelope(DealListBody, { ...(answer as object), data: [] }, 'deal list'), data };
}

export interface DealListParams {
  filter?: DealFilter;
  /** `only`: the deleted deals instead of the others (`deleted=only`). */
  deleted?: 'only';
  /** Records to ask for per request; the server may send fewer, and the client then asks for the rest. */
  limit?: number;
}

export interface FetchDealsOptions {
  signal?: AbortSignal;
  /** Called after each page, so a long load can say how far it has got. */
  onProgress?: (progress: DealListProgress) => void;
}

/**
 * Every deal matching the filter, following the contract's paging (`offset`, `limit`, `total`) until
 * `total` records have arrived. A server that caps its pages is read page by page; one that stops
 * early, repeats itself or changes its total mid-way yields what arrived, marked incomplete with the
 * reason, so no screen counts part of the deals as all of them.
 */
export async function fetchDeals(
  context: ApiContext,
  params: DealListParams,
  { signal, onProgress }: FetchDealsOptions = {},
): Promise<DealListResult> {
  const limit = params.limit ?? MAX_LIMIT;
  const filterQuery = filterToParams(params.filter ?? {});
  if (params.deleted === 'only') filterQuery.set('deleted', 'only');
  const deals: Deal[] = [];
  const rejected: RejectedRecord[] = [];
  const seen = new Map<string, number>();
  // One copy of each repeated short string across the whole load (fast-parse.ts); dropped at the end.
  const pool = new StringPool();
  let total: number | undefined;
  let received = 0;
  let maxPages = 1;
  let incomplete: string | undefined;

  for (let page = 0; page < maxPages; page++) {
    const query = new URLSearchParams(filterQuery);
    query.set('offset', String(received));
    query.set('limit', String(limit));
    const before = received;
    const totalSoFar = total ?? 0;
    const onBytes = onProgress
      ? (bytes: number, length: number | undefined) =>
          onProgress({ received: before, total: totalSoFar, bytes: { received: bytes, total: length } })
      : undefined;
    const body = parseDealListBody(await getJson(apiUrl('/api/deals', context, query), signal, onBytes));
    if (total !== undefined && body.total !== total) {
      incomplete = `the server's total changed from ${formatCount(total)} to ${formatCount(body.total)} while the deals were loading`;
      break;
    }
    if (page > 0 && body.offset !== received) {
      incomplete = `the server sent records from offset ${formatCount(body.offset)} when asked for offset ${formatCount(received)}, so it cannot be read page by page`;
      break;
    }
    total ??= body.total;
    const parsed = { deals: [] as Deal[], rejected: [] as RejectedRecord[] };
    for (let at = 0; at < body.data.length; at += CHECK_SLICE) {
      if (at > 0) {
        onProgress?.({ received: received + at, total: body.total });
        await yieldToBrowser();
        signal?.throwIfAborted();
      }
      const slice = validateDeals(body.data.slice(at, at + CHECK_SLICE), received + at, seen, pool);
      for (const deal of slice.deals) parsed.deals.push(deal);
      for (const reject of slice.rejected) parsed.rejected.push(reject);
    }
    const newIds = parsed.deals.length;
    for (const deal of parsed.deals) deals.push(deal);
    rejected.push(...parsed.rejected);
    received += body.data.length;
    onProgress?.({ received, total });
    if (received >= total) break;
    if (body.data.length === 0) {
      incomplete = `the server stopped sending records after ${formatCount(received)}`;
      break;
    }
    if (page > 0 && newIds === 0 && parsed.rejected.every((r) => r.duplicateOf !== undefined)) {
      incomplete = 'the server sent the same records again instead of the next page';
      break;
    }
    // Pages as large as the first one cover the total in this many requests; one more absorbs a
    // short last page. A server that pages slower than it started is cut off there, not followed forever.
    if (page === 0) maxPages = Math.ceil(total / body.data.length) + 1;
  }
  if (incomplete === undefined && total !== undefined && received < total)
    incomplete = `the server needed more requests than its page size allows for ${formatCount(total)} records`;
  if (incomplete === undefined && total !== undefined && received > total)
    incomplete = `the server sent ${formatCount(received)} records but reported a total of ${formatCount(total)}`;
  performance.mark('api:validated /api/deals');
  return {
    deals,
    total: total ?? 0,
    received,
    complete: incomplete === undefined,
    ...(incomplete === undefined ? {} : { incomplete }),
    rejected,
  };
}

/**
 * One deal as stored: the record validated, its revision (from the `ETag`, else the body) and whether
 * it is deleted (a deleted deal still answers, with `deleted: true`).
 */
export async function fetchDeal(context: ApiContext, id: string, signal?: AbortSignal): Promise<StoredDeal> {
  const url = apiUrl(`/api/deals/${encodeURIComponent(id)}`, context);
  const { body, etag } = await getJsonAnswer(url, signal);
  const result = readStoredDeal(body, etag);
  if (!result.ok)
    throw new ApiError('invalid-response', `The deal "${clip(id, 80)}" could not be read: ${result.reason}`);
  return result.stored;
}

export async function fetchMeta(context: ApiContext, signal?: AbortSignal): Promise<MetaBody> {
  return parseEnvelope(MetaBody, await getJson(apiUrl('/api/meta', context), signal), 'dataset description');
}
