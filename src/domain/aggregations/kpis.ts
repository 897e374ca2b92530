import type { Deal } from '../deal-schema';
import { figureInCurrency } from '../money';
import type { DealStatus } from '../vocabulary';

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

const ON_ORDER = new Set<DealStatus>(['contract-signed', 'in-delivery']);
const BEFORE_CONTRACT = new Set<DealStatus>(['announced', 'negotiating', 'mou-signed', 'approved']);

export function kpis(deals: readonly Deal[]): Kpis {
  const out: Kpis = {
    deals: deals.length,
    signedUsd: 0,
    signedUsdDeals: 0,
    signedInr: 0,
    signedInrDeals: 0,
    unitsOnOrder: 0,
    unitsOnOrderDeals: 0,
    inNegotiation: 0,
  };
  for (const deal of deals) {
    const usd = figureInCurrency(deal, 'USD');
    if (usd?.kind === 'signed' && usd.confidence !== 'unconfirmed') {
      out.signedUsd += usd.amount;
      out.signedUsdDeals++;
    }
    const inr = figureInCurrency(deal, 'INR');
    if (inr?.kind === 'signed' && inr.confidence !== 'unconfirmed') {
      out.signedInr += inr.amount;
      out.signedInrDeals++;
    }
    if (ON_ORDER.has(deal.status) && deal.quantity) {
      out.unitsOnOrder += deal.quantity.total;
      out.unitsOnOrderDeals++;
    }
    if (BEFORE_CONTRACT.has(deal.status)) out.inNegotiation++;
  }
  return out;
}
