import type { Deal } from '../deal-schema';
import { DEAL_STATUSES, LABELS, type DealStatus } from '../vocabulary';

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
  const counts = new Map<DealStatus, number>();
  for (const deal of deals) counts.set(deal.status, (counts.get(deal.status) ?? 0) + 1);
  return DEAL_STATUSES.map((status) => ({
    status,
    label: LABELS.status[status],
    count: counts.get(status) ?? 0,
    offPath: OFF_PATH.has(status),
  }));
}
