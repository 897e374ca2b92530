import type { Deal } from './deal-schema';
import { unallocatedUnits } from './deal-facts';
import { viewOf } from '../aggregations/deal-view';
import { featuredAllocationDealOf } from '../aggregations/featured';
import { LABELS, SERVICES, type Service } from './vocabulary';

export interface AllocationRow {
  service: Service | 'unallocated';
  label: string;
  units: number;
}

/** A deal's units by armed service, in the vocabulary's order, with any unsplit remainder last. */
export function allocationRows(deal: Deal): AllocationRow[] {
  if (!deal.quantity) return [];
  const byService = new Map(deal.quantity.allocations.map((a) => [a.service, a.count]));
  const rows: AllocationRow[] = SERVICES.filter((s) => byService.has(s)).map((service) => ({
    service,
    label: LABELS.service[service],
    units: byService.get(service)!,
  }));
  const rest = unallocatedUnits(deal);
  if (rest > 0) rows.push({ service: 'unallocated', label: 'Not allocated', units: rest });
  return rows;
}

/**
 * The deal split across the most services (then the most units): what a first chart of "who gets
 * what" should show. A large order for one service says less about the split than the MQ-9B's 15/8/8.
 */
export function featuredAllocationDeal(deals: readonly Deal[]): Deal | undefined {
  return featuredAllocationDealOf(viewOf(deals));
}
