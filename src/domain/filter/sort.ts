import { z } from '../model/zod';
import type { Deal } from '../model/deal-schema';
import { signatureDate } from '../model/deal-facts';
import { valueInCurrency } from '../money-dates/money';
import { DEAL_STATUSES } from '../model/vocabulary';

export const SORT_KEYS = [
  'title',
  'system',
  'supplier',
  'status',
  'kind',
  'value',
  'signed',
  'quantity',
] as const;
export const SortKey = z.enum(SORT_KEYS);
export type SortKey = z.infer<typeof SortKey>;

export const SortSpec = z.object({ key: SortKey, desc: z.boolean() });
export type SortSpec = z.infer<typeof SortSpec>;

const statusRank = new Map<string, number>(DEAL_STATUSES.map((s, i) => [s, i]));

export type SortValue = string | number | undefined;

/** What a deal is sorted on for one key (lower-cased text, a rank, a number or a date); undefined when unknown. */
export function sortValue(deal: Deal, key: SortKey): SortValue {
  switch (key) {
    case 'title':
      return deal.title.toLowerCase();
    case 'system':
      return deal.system?.name.toLowerCase();
    case 'supplier':
      return deal.supplierCountries.join(',');
    case 'status':
      return statusRank.get(deal.status);
    case 'kind':
      return deal.kind;
    case 'value':
      return valueInCurrency(deal, 'USD');
    case 'signed':
      return signatureDate(deal);
    case 'quantity':
      return deal.quantity?.total;
  }
}

export function compareValues(a: SortValue, b: SortValue, desc: boolean): number {
  // Unknown values go last in either direction: an unknown price is not the cheapest.
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  const order = a < b ? -1 : a > b ? 1 : 0;
  return desc ? -order : order;
}

/** Sorts by each spec in turn; ties keep the input order. Keys are computed once per deal. */
export function sortDeals(deals: readonly Deal[], specs: readonly SortSpec[]): Deal[] {
  if (specs.length === 0) return deals.slice();
  const keyed = deals.map((deal, index) => ({ deal, index, keys: specs.map((s) => sortValue(deal, s.key)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < specs.length; i++) {
      const order = compareValues(a.keys[i], b.keys[i], specs[i]!.desc);
      if (order !== 0) return order;
    }
    return a.index - b.index;
  });
  return keyed.map((k) => k.deal);
}

export function formatSort(specs: readonly SortSpec[]): string {
  return specs.map((s) => `${s.key}:${s.desc ? 'desc' : 'asc'}`).join(',');
}
