import type { Deal } from '../model/deal-schema';
import type { DealView } from './deal-view';

/** See `featuredAllocationDeal` in allocation.ts. */
export function featuredAllocationDealOf({ table, rows }: DealView): Deal | undefined {
  const { allocStart, allocated } = table;
  let best = -1;
  let bestServices = 0;
  let bestUnits = 0;
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    const services = allocStart[row + 1]! - allocStart[row]!;
    const units = allocated[row]!;
    if (services > bestServices || (services === bestServices && units > bestUnits)) {
      best = row;
      bestServices = services;
      bestUnits = units;
    }
  }
  return best < 0 ? undefined : table.deals[best];
}
