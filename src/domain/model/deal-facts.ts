import type { Deal } from './deal-schema';
import { yearOf, type PartialDate } from '../money-dates/partial-date';
import { SERVICE_NOT_KNOWN, SERVICES, type Service, type ServiceFilterValue } from './vocabulary';

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

/**
 * The services a deal is tied to, by its allocations and by its stated end user, in the vocabulary's
 * order. Empty when no source names a service.
 */
export function dealServices(deal: Deal): Service[] {
  const named = new Set<Service>(deal.endUser?.services);
  for (const a of deal.quantity?.allocations ?? []) named.add(a.service);
  return SERVICES.filter((s) => named.has(s));
}

/** The service filter's values for a deal: its services, or "unknown" when it is tied to none. */
export function serviceFacetValues(deal: Deal): ServiceFilterValue[] {
  const services = dealServices(deal);
  return services.length > 0 ? services : [SERVICE_NOT_KNOWN];
}
