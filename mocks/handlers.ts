import { http, HttpResponse } from 'msw';
import { DEFAULT_LIMIT, MAX_LIMIT, type DealListBody, type ParamProblem } from '../src/domain';
import { filterDeals, isEmptyFilter, parseFilterParams, parseSortParam, sortDeals } from '../src/domain';
import { chooseDataset, describeDataset } from './datasets';
import { cachedGeneratedAt, readCachedList, storeList } from './synthetic-cache';
import { applyScenario, corruptRecords, errorResponse, readScenario } from './scenarios';
import { TrackingStore } from './store/tracking-store';
import { trackingHandlers, readOverlay, datasetKeyOf, mergeOverlay } from './tracking-handlers';
import { importHandlers } from './import-handlers';

function badParameter(problem: Pick<ParamProblem, 'param' | 'message'>): Response {
  return errorResponse(
    400,
    'bad_parameter',
    `Bad parameter "${problem.param}": ${problem.message}`,
    problem.param,
  );
}

function encodeJson(body: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(body));
}

/**
 * A JSON response encoded once. MSW's `HttpResponse.json` encodes a body three times (a Blob for the
 * length, the Response, then the relay to the service worker): 2.6 of the 3.4 s it took to answer
 * 30,000 deals.
 */
function jsonBytesResponse(bytes: Uint8Array<ArrayBuffer>): Response {
  return new HttpResponse(bytes, {
    headers: { 'content-type': 'application/json', 'content-length': String(bytes.byteLength) },
  });
}

function readPaging(params: URLSearchParams): { offset: number; limit: number } | ParamProblem {
  const offset = Number(params.get('offset') ?? 0);
  const limit = Number(params.get('limit') ?? DEFAULT_LIMIT);
  if (!Number.isInteger(offset) || offset < 0) {
    return { param: 'offset', value: String(params.get('offset')), message: 'must be a whole number ≥ 0' };
  }
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_LIMIT) {
    return {
      param: 'limit',
      value: String(params.get('limit')),
      message: `must be a whole number from 0 to ${MAX_LIMIT}`,
    };
  }
  return { offset, limit };
}

/**
 * The embedded API over one tracking store (IndexedDB). Tests make a second set over a second store
 * to play a second tab; the app uses `handlers`.
 */
export function createHandlers(store: TrackingStore) {
  return [...readHandlers(store), ...importHandlers(store), ...trackingHandlers(store)];
}

// `*/api/...` matches any origin: the page's own in the browser, any base URL in Node tests.
const readHandlers = (store: TrackingStore) => [
  http.get('*/api/meta', async ({ request }) => {
    const params = new URL(request.url).searchParams;
    const failure = await applyScenario(params, 'meta');
    if (failure) return failure;
    const described = describeDataset(params);
    if (!described.ok) return badParameter(described);
    const cached =
      described.synthetic && (await cachedGeneratedAt({ ...described.synthetic, limit: MAX_LIMIT }));
    return HttpResponse.json(cached ? { ...described.meta, generatedAt: cached } : described.meta);
  }),

  http.get('*/api/deals', async ({ request }) => {
    const params = new URL(request.url).searchParams;
    const failure = await applyScenario(params, 'deals');
    if (failure) return failure;
    const described = describeDataset(params);
    if (!described.ok) return badParameter(described);
    const { filter, problems } = parseFilterParams(params);
    const { sort, problems: sortProblems } = parseSortParam(params.get('sort'));
    const paging = readPaging(params);
    const problem = problems[0] ?? sortProblems[0] ?? ('param' in paging ? paging : undefined);
    if (problem) return badParameter(problem);
    const { offset, limit } = paging as { offset: number; limit: number };
    const deletedParam = params.get('deleted');
    if (deletedParam !== null && deletedParam !== 'only') {
      return badParameter({ param: 'deleted', message: `"${deletedParam}" is not known: use deleted=only` });
    }
    // The deals written to (an overlay over the base records; none in most visits).
    const overlay = await readOverlay(store, datasetKeyOf(described));
    if (overlay instanceof Response) return overlay;

    // The whole synthetic set, as the app asks for it on every load: served from the browser's cache
    // when this build generated it before, and nothing in it was edited since.
    const wholeSet =
      described.synthetic &&
      overlay.length === 0 &&
      deletedParam === null &&
      isEmptyFilter(filter) &&
      sort.length === 0 &&
      offset === 0 &&
      limit >= described.synthetic.size &&
      readScenario(params) !== 'malformed'
        ? { ...described.synthetic, limit }
        : undefined;
    const hit = wholeSet && (await readCachedList(wholeSet));
    if (hit) {
      const length = hit.headers.get('content-length');
      return new HttpResponse(hit.body, {
        headers: { 'content-type': 'application/json', ...(length ? { 'content-length': length } : {}) },
      });
    }

    const choice = chooseDataset(params);
    if (!choice.ok) return badParameter(choice);
    const all = mergeOverlay(choice.dataset.deals, overlay, deletedParam === 'only');
    const matches = sortDeals(isEmptyFilter(filter) ? all : filterDeals(all, filter), sort);
    const page: unknown[] = matches.slice(offset, offset + limit);
    const body: DealListBody = {
      data: readScenario(params) === 'malformed' ? corruptRecords(page) : page,
      total: matches.length,
      offset,
      limit,
    };
    const bytes = encodeJson(body);
    if (wholeSet) storeList(wholeSet, bytes, choice.dataset.meta.generatedAt);
    return jsonBytesResponse(bytes);
  }),
];

export const handlers = createHandlers(new TrackingStore());
