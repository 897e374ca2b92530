import type { Deal } from './deal-schema';
import { yearOf, type PartialDate } from './partial-date';

/** The signature date, when a signature milestone is recorded. */
export function signatureDate(deal: Deal): PartialDate | undefined {
  return deal.milestones.find((m) => m.kind === 'signature')?.date;
}

/** The earliest dated milestone. */
export function firstMilestoneDate(deal: Deal): PartialDate | undefined {
  let first: PartialDate | undefined;
  for (const milestone of deal.milestones)
    if (first === undefined || milestone.date < first) first = milestone.date;
  return first;
}

/** The year a deal is filed under: its signature, or its first milestone while unsigned. */
export function dealYear(deal: Deal): number | undefined {
  const date = signatureDate(deal) ?? firstMilestoneDate(deal);
  return date === undefined ? undefined : yearOf(date);
}

/** Organisation names a search should find a deal by. */
export function partyNames(deal: Deal): string[] {
  return deal.parties.map((p) => p.name);
}

/** Units allocated to no service: the part of the total the sources do not split. */
export function unallocatedUnits(deal: Deal): number {
  if (!deal.quantity) return 0;
  const allocated = deal.quantity.allocations.reduce((sum, a) => sum + a.count, 0);
  return deal.quantity.total - allocated;
}
