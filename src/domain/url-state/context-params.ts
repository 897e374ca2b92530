import { DatasetName, MAX_LIMIT, MOCK_SCENARIOS, type ApiContext } from '../model/api-contract';
import type { ParamProblem } from './filter-params';

export interface ContextParamOptions {
  /**
   * The app talks to a real server: the mock's scenarios do not exist there, so `mock` and
   * `mockTimes` are dropped without a word (a link must not make a real deployment print its text).
   */
  realServer: boolean;
}

const SEED_MIN = -(2 ** 31);
const SEED_MAX = 2 ** 32 - 1;
const MOCK_TIMES_MAX = 999;
/** The slow scenario's delay: a minute at most, so a link cannot make a demo hang for hours. */
const DELAY_MAX_MS = 60_000;

type Check = (raw: string) => { value: string } | { message: string };

// Digits only: Number() would also take "1e12", "0x10", " 7 " and "Infinity".
const wholeNumber =
  (min: number, max: number, message: string): Check =>
  (raw) => {
    if (!/^-?\d{1,10}$/.test(raw)) return { message };
    const n = Number(raw);
    return n >= min && n <= max ? { value: String(n) } : { message };
  };

const checks = {
  dataset: (raw) =>
    DatasetName.safeParse(raw).success
      ? { value: raw }
      : { message: 'not a data set: use seed or synthetic' },
  size: wholeNumber(0, MAX_LIMIT, `size must be a whole number from 0 to ${MAX_LIMIT.toLocaleString('en')}`),
  seed: wholeNumber(SEED_MIN, SEED_MAX, 'seed must be a whole number (32 bits)'),
  mock: (raw) =>
    (MOCK_SCENARIOS as readonly string[]).includes(raw)
      ? { value: raw }
      : { message: `not a demo scenario: use ${MOCK_SCENARIOS.join(', ')}` },
  mockTimes: wholeNumber(0, MOCK_TIMES_MAX, `mockTimes must be a whole number from 0 to ${MOCK_TIMES_MAX}`),
  delayMs: wholeNumber(
    0,
    DELAY_MAX_MS,
    `delayMs must be a whole number of milliseconds up to ${DELAY_MAX_MS}`,
  ),
} satisfies Record<keyof ApiContext, Check>;

const MOCK_ONLY: ReadonlySet<string> = new Set(['mock', 'mockTimes', 'delayMs']);

/**
 * The data-set and scenario parameters of the page URL, checked before they reach the API: a value
 * that does not fit is left out and reported, like a filter parameter, so a bad link shows the default
 * data with a notice instead of an error page whose Retry repeats the same bad request.
 */
export function parseContextParams(
  params: URLSearchParams,
  { realServer }: ContextParamOptions,
): { context: ApiContext; problems: ParamProblem[] } {
  const context: ApiContext = {};
  const problems: ParamProblem[] = [];
  for (const [name, check] of Object.entries(checks) as [keyof ApiContext, Check][]) {
    const raw = params.get(name);
    if (raw === null || raw === '') continue;
    if (realServer && MOCK_ONLY.has(name)) continue;
    const result = check(raw);
    if ('value' in result) context[name] = result.value;
    else problems.push({ param: name, value: raw, message: result.message });
  }
  return { context, problems };
}
