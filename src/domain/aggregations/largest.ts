import type { Deal } from '../deal-schema';
import { valueInCurrency } from '../money';

/** The n deals of highest known value in a currency, in one pass (no full sort at 100,000 deals). */
export function largestDeals(deals: readonly Deal[], currency: string, n: number): Deal[] {
  const top: { deal: Deal; value: number }[] = [];
  for (const deal of deals) {
    const value = valueInCurrency(deal, currency);
    if (value === undefined) continue;
    if (top.length === n && value <= top[n - 1]!.value) continue;
    let i = top.length;
    while (i > 0 && top[i - 1]!.value < value) i--;
    top.splice(i, 0, { deal, value });
    if (top.length > n) top.pop();
  }
  return top.map((t) => t.deal);
}
