import type { Deal } from '../deal-schema';
import { DEAL_STATUSES, type DealStatus } from '../vocabulary';
import { viewOf, type DealView } from './deal-view';
import { HAS_QUANTITY, moneyColumn } from './fact-table';
import { IS_SIGNED } from './value-basis';

export interface Kpis {
  deals: number;
  /** Sum of signed, supported figures per currency; deals without one are counted, not zeroed. */
  signedUsd: number;
  signedUsdDeals: number;
  signedInr: number;
  signedInrDeals: number;
  unitsOnOrder: number;
  unitsOnOrderDeals: number;
  inNegotiation: number;
}

// 1 or 0 per status code (the last code: outside the vocabulary).
const statusSet = (statuses: readonly DealStatus[]) =>
  Uint8Array.from([...DEAL_STATUSES, undefined], (status) => (status && statuses.includes(status) ? 1 : 0));
const ON_ORDER = statusSet(['contract-signed', 'in-delivery']);
const BEFORE_CONTRACT = statusSet(['announced', 'negotiating', 'mou-signed', 'approved']);

export function kpis(deals: readonly Deal[]): Kpis {
  return kpisOf(viewOf(deals));
}

// Sums add amount × 0 or 1 rather than branch per deal: the branches, taken at random, cost more than
// the loop. Exact, since amounts are finite (the schema refuses others) and x + 0 is x.
export function kpisOf({ table, rows }: DealView): Kpis {
  const usd = moneyColumn(table, 'USD');
  const inr = moneyColumn(table, 'INR');
  const { status, flags, units } = table;
  // Imported constants are copied to locals: under Vitest each read of an import is a getter call.
  const [isSigned, hasQuantity] = [IS_SIGNED, HAS_QUANTITY];
  let signedUsd = 0;
  let signedUsdDeals = 0;
  let signedInr = 0;
  let signedInrDeals = 0;
  let unitsOnOrder = 0;
  let unitsOnOrderDeals = 0;
  let inNegotiation = 0;
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    const isUsd = isSigned[usd.basis[row]!]!;
    signedUsd += usd.amount[row]! * isUsd;
    signedUsdDeals += isUsd;
    const isInr = isSigned[inr.basis[row]!]!;
    signedInr += inr.amount[row]! * isInr;
    signedInrDeals += isInr;
    const code = status[row]!;
    const onOrder = ON_ORDER[code]! & flags[row]! & hasQuantity;
    unitsOnOrder += units[row]! * onOrder;
    unitsOnOrderDeals += onOrder;
    inNegotiation += BEFORE_CONTRACT[code]!;
  }
  return {
    deals: rows.length,
    signedUsd,
    signedUsdDeals,
    signedInr,
    signedInrDeals,
    unitsOnOrder,
    unitsOnOrderDeals,
    inNegotiation,
  };
}
