/**
 * The key that matches an imported record to a deal already in the tracker when no register id
 * (SIPRI AT id, OCDS ocid, the app's own id) does: the supplier and buyer countries, the system's name
 * folded to letters and digits, and the order year. The plan (plan.ts) computes it for the deals in
 * the tracker and the importers for theirs, with this one function.
 */
import type { Deal } from '../model/deal-schema';
import { dealYear } from '../model/deal-facts';

/** "C-17A Globemaster-3" and "C17A globemaster 3" are one system name. */
export function normaliseSystemName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/**
 * `deal:<supplier codes>|<buyer codes>|<system>|<order year>`, codes sorted and joined by commas;
 * undefined when the deal names no system or has no year (nothing to match on that is not a guess).
 * The year is the signature's, or the first milestone's while unsigned (`dealYear`).
 */
export function compositeKey(deal: Deal): string | undefined {
  const system = deal.system ? normaliseSystemName(deal.system.name) : '';
  const year = dealYear(deal);
  if (system === '' || year === undefined) return undefined;
  const codes = (list: readonly string[]) => [...list].sort().join(',');
  return `deal:${codes(deal.supplierCountries)}|${codes(deal.buyerCountries)}|${system}|${year}`;
}
