import type { Deal } from '../model/deal-schema';
import { DEAL_KINDS, DOMAINS, LABELS } from '../model/vocabulary';
import { viewOf, type DealView } from './deal-view';
import { moneyColumn } from './fact-table';
import { IS_KNOWN } from './value-basis';

export interface BreakdownRow {
  key: string;
  label: string;
  count: number;
  /** Sum of known values in the currency; deals of unknown value add to `unknownValue` instead. */
  value: number;
  unknownValue: number;
}

/** Count and value per domain. A deal spanning several domains counts in each of them. */
export function byDomain(deals: readonly Deal[], currency: string): BreakdownRow[] {
  return byDomainOf(viewOf(deals), currency);
}

export function byKind(deals: readonly Deal[], currency: string): BreakdownRow[] {
  return byKindOf(viewOf(deals), currency);
}

// Counts and sums add 0 or 1 (times the value) rather than branch per deal; a deal of unknown value
// has an amount of 0. Exact: amounts are finite, and x + 0 is x.

export function byDomainOf({ table, rows }: DealView, currency: string): BreakdownRow[] {
  const { amount, basis } = moneyColumn(table, currency);
  const size = DOMAINS.length;
  // Imported constants are copied to locals: under Vitest each read of an import is a getter call.
  const isKnown = IS_KNOWN;
  const count = new Int32Array(size);
  const value = new Float64Array(size);
  const unknown = new Int32Array(size);
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    const mask = table.domains[row]!;
    const money = amount[row]!;
    const missing = 1 - isKnown[basis[row]!]!;
    for (let key = 0; key < size; key++) {
      const bit = (mask >>> key) & 1;
      count[key]! += bit;
      value[key]! += money * bit;
      unknown[key]! += missing & bit;
    }
  }
  return rowsOf(DOMAINS, LABELS.domain, count, value, unknown);
}

export function byKindOf({ table, rows }: DealView, currency: string): BreakdownRow[] {
  const { amount, basis } = moneyColumn(table, currency);
  // One more slot for kinds outside the vocabulary, which have no row.
  const size = DEAL_KINDS.length + 1;
  const isKnown = IS_KNOWN;
  const count = new Int32Array(size);
  const value = new Float64Array(size);
  const unknown = new Int32Array(size);
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    const key = table.kind[row]!;
    count[key]!++;
    value[key]! += amount[row]!;
    unknown[key]! += 1 - isKnown[basis[row]!]!;
  }
  return rowsOf(DEAL_KINDS, LABELS.kind, count, value, unknown);
}

function rowsOf(
  keys: readonly string[],
  labels: Record<string, string>,
  count: Int32Array,
  value: Float64Array,
  unknown: Int32Array,
): BreakdownRow[] {
  return keys.map((key, i) => ({
    key,
    label: labels[key] ?? key,
    count: count[i]!,
    value: value[i]!,
    unknownValue: unknown[i]!,
  }));
}
