import type { Deal } from '../model/deal-schema';
import { DEAL_STATUSES, LABELS, type DealStatus } from '../model/vocabulary';
import { viewOf, type DealView } from './deal-view';

export interface StageCount {
  status: DealStatus;
  label: string;
  count: number;
  /** Stalled and cancelled stand apart from the lifecycle. */
  offPath: boolean;
}

const OFF_PATH = new Set<DealStatus>(['stalled', 'cancelled']);

/** Deals per lifecycle stage in lifecycle order, every stage present (0 is a real count here). */
export function dealsByStage(deals: readonly Deal[]): StageCount[] {
  return dealsByStageOf(viewOf(deals));
}

export function dealsByStageOf({ table, rows }: DealView): StageCount[] {
  // One more count for statuses outside the vocabulary, which have no bar.
  const counts = new Int32Array(DEAL_STATUSES.length + 1);
  const { status } = table;
  for (let j = 0; j < rows.length; j++) counts[status[rows[j]!]!]!++;
  return DEAL_STATUSES.map((status, i) => ({
    status,
    label: LABELS.status[status],
    count: counts[i]!,
    offPath: OFF_PATH.has(status),
  }));
}
