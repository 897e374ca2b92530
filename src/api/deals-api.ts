import {
  DealDetailBody,
  DealListBody,
  MAX_LIMIT,
  MetaBody,
  describeIssues,
  filterToParams,
  parseDeal,
  parseDeals,
  type ApiContext,
  type Deal,
  type DealFilter,
  type RejectedRecord,
} from '../domain';
import type { z } from 'zod/mini';
import { ApiError } from './api-error';
import { apiUrl, getJson } from './http';

export interface DealListResult {
  deals: Deal[];
  total: number;
  /** Records the API sent that failed validation: skipped, and shown to the user with their reasons. */
  rejected: RejectedRecord[];
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

export interface DealListParams {
  filter?: DealFilter;
  limit?: number;
}

export async function fetchDeals(
  context: ApiContext,
  params: DealListParams,
  signal?: AbortSignal,
): Promise<DealListResult> {
  const query = filterToParams(params.filter ?? {});
  query.set('limit', String(params.limit ?? MAX_LIMIT));
  const body = parseEnvelope(
    DealListBody,
    await getJson(apiUrl('/api/deals', context, query), signal),
    'deal list',
  );
  const { deals, rejected } = parseDeals(body.data);
  performance.mark('api:validated /api/deals');
  return { deals, total: body.total, rejected };
}

export async function fetchDeal(context: ApiContext, id: string, signal?: AbortSignal): Promise<Deal> {
  const url = apiUrl(`/api/deals/${encodeURIComponent(id)}`, context);
  const body = parseEnvelope(DealDetailBody, await getJson(url, signal), 'deal record');
  const result = parseDeal(body.data);
  if (!result.ok)
    throw new ApiError('invalid-response', `The deal "${id}" failed validation: ${result.reason}`);
  return result.data;
}

export async function fetchMeta(context: ApiContext, signal?: AbortSignal): Promise<MetaBody> {
  return parseEnvelope(MetaBody, await getJson(apiUrl('/api/meta', context), signal), 'dataset description');
}
