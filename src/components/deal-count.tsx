import { formatCount } from '../domain';

/**
 * "6 of 24 deals", or, when the server's list did not all arrive, "6 of 1,000 deals received (the
 * server reports 2,500)": a count never contradicts the server's total.
 */
export function dealCountText(
  shown: number,
  list: { deals: readonly unknown[]; total: number; complete: boolean },
): string {
  const of = `${formatCount(shown)} of ${formatCount(list.deals.length)} deals`;
  return list.complete ? of : `${of} received (the server reports ${formatCount(list.total)})`;
}
