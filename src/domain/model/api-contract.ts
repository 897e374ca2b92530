import { z } from './zod';

/** The JSON contract of the deal API, shared by the mock server and the client (docs/api.md). */

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 200_000;

export const DatasetName = z.enum(['seed', 'synthetic']);
export type DatasetName = z.infer<typeof DatasetName>;

const Count = z.int().check(z.nonnegative());

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    param: z.optional(z.string()),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Records stay `unknown` here: the client validates each one on its own and reports the rejects. */
export const DealListBody = z.object({
  data: z.array(z.unknown()),
  total: Count,
  offset: Count,
  limit: Count,
});
export type DealListBody = z.infer<typeof DealListBody>;

export const DealDetailBody = z.object({ data: z.unknown() });

export const MetaBody = z.object({
  dataset: DatasetName,
  title: z.string(),
  recordCount: Count,
  generatedAt: z.string(),
  synthetic: z.boolean(),
  size: z.optional(z.int()),
  seed: z.optional(z.int()),
});
export type MetaBody = z.infer<typeof MetaBody>;

/**
 * Parameters that choose the data set and the mock's behaviour rather than the deals: the app
 * passes them from its own URL to every API call, so `/?dataset=synthetic&size=100000` works.
 */
export const CONTEXT_PARAMS = ['dataset', 'size', 'seed', 'mock', 'mockTimes', 'delayMs'] as const;
export type ContextParam = (typeof CONTEXT_PARAMS)[number];
export type ApiContext = Partial<Record<ContextParam, string>>;

export const MOCK_SCENARIOS = ['slow', 'error', 'offline', 'malformed'] as const;
export type MockScenario = (typeof MOCK_SCENARIOS)[number];
