import type { Deal } from './deal-schema';
import { unallocatedUnits } from './deal-facts';
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

/** The deal whose split by service is largest: what a first chart of "who gets what" should show. */
export function featuredAllocationDeal(deals: readonly Deal[]): Deal | undefined {
  let best: Deal | undefined;
  let bestUnits = 0;
  for (const deal of deals) {
    const units = deal.quantity?.allocations.reduce((sum, a) => sum + a.count, 0) ?? 0;
    if (units > bestUnits) {
      best = deal;
      bestUnits = units;
    }
  }
  return best;
}
