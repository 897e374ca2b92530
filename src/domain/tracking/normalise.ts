import { Deal, type DealInput } from '../model/deal-schema';

/**
 * A record as the schema reads it (defaults filled in, text trimmed), so that a seed written without
 * `parties: []` and the same deal saved by the editor with it compare equal. A record the schema
 * refuses is compared as it is.
 */
export function normalise(record: unknown): unknown {
  const parsed = Deal.safeParse(record);
  return parsed.success ? parsed.data : record;
}

export type { DealInput };
