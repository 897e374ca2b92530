import type { Deal } from '../deal-schema';
import { valueInCurrency } from '../money';
import { DEAL_KINDS, DOMAINS, LABELS } from '../vocabulary';

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
  /** Sum of known values in the currency; deals of unknown value add to `unknownValue` instead. */
  value: number;
  unknownValue: number;
}

function breakdown(
  deals: readonly Deal[],
  currency: string,
  keys: readonly string[],
  labels: Record<string, string>,
  keysOf: (deal: Deal) => readonly string[],
): BreakdownRow[] {
  const rows = new Map(
    keys.map((key) => [key, { key, label: labels[key] ?? key, count: 0, value: 0, unknownValue: 0 }]),
  );
  for (const deal of deals) {
    const value = valueInCurrency(deal, currency);
    for (const key of new Set(keysOf(deal))) {
      const row = rows.get(key);
      if (!row) continue;
      row.count++;
      if (value === undefined) row.unknownValue++;
      else row.value += value;
    }
  }
  return [...rows.values()];
}

/** Count and value per domain. A deal spanning several domains counts in each of them. */
export function byDomain(deals: readonly Deal[], currency: string): BreakdownRow[] {
  return breakdown(deals, currency, DOMAINS, LABELS.domain, (d) => d.domains);
}

export function byKind(deals: readonly Deal[], currency: string): BreakdownRow[] {
  return breakdown(deals, currency, DEAL_KINDS, LABELS.kind, (d) => [d.kind]);
}
