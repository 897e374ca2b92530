import { delay, HttpResponse } from 'msw';
import { MOCK_SCENARIOS, type ApiErrorBody, type MockScenario } from '../src/domain/model/api-contract';

/** How many requests each endpoint has failed on purpose, for `mockTimes` (fail N times, then recover). */
const failures = new Map<string, number>();

export function resetScenarioCounters(): void {
  failures.clear();
}

export function errorResponse(status: number, code: string, message: string, param?: string): Response {
  const body: ApiErrorBody = { error: param ? { code, message, param } : { code, message } };
  return HttpResponse.json(body, { status });
}

export function readScenario(params: URLSearchParams): MockScenario | undefined {
  const value = params.get('mock');
  return MOCK_SCENARIOS.find((s) => s === value);
}

/**
 * Applies a `?mock=` scenario before the handler answers: a Response to send instead, or undefined
 * to go on. With `mockTimes=N` the failure happens N times per endpoint and then the API recovers,
 * which is how a demo (or a test) shows Retry working.
 */
export async function applyScenario(
  params: URLSearchParams,
  endpoint: string,
): Promise<Response | undefined> {
  const scenario = readScenario(params);
  if (scenario === 'slow') {
    await delay(Number(params.get('delayMs') ?? 1500));
    return undefined;
  }
  if (scenario !== 'error' && scenario !== 'offline') return undefined;
  const limit = Number(params.get('mockTimes') ?? Infinity);
  const count = failures.get(endpoint) ?? 0;
  if (count >= limit) return undefined;
  // Only a bounded scenario counts: an endless one must not use up a later request's allowance.
  if (Number.isFinite(limit)) failures.set(endpoint, count + 1);
  if (scenario === 'offline') return HttpResponse.error();
  return errorResponse(
    500,
    'internal_error',
    'The deal service failed while answering (simulated by ?mock=error).',
  );
}

/**
 * Breaks the last two records in ways a real feed breaks them, for `?mock=malformed`. The last ones,
 * so that a demo of the failure still shows the featured records above it.
 */
export function corruptRecords(records: readonly unknown[]): unknown[] {
  const last = records.length - 1;
  return records.map((record, index) => {
    if (index === last - 1) return { ...(record as object), status: 'signed-ish' };
    if (index === last) return { ...(record as object), sources: [] };
    return record;
  });
}
