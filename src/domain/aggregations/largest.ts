import type { Deal } from '../model/deal-schema';
import { viewOf, type DealView } from './deal-view';
import { moneyColumn } from './fact-table';
import { NO_FIGURE } from './value-basis';

/** The n deals of highest known value in a currency, in one pass (no full sort at 100,000 deals). */
export function largestDeals(deals: readonly Deal[], currency: string, n: number): Deal[] {
  return largestDealsOf(viewOf(deals), currency, n);
}

export function largestDealsOf({ table, rows }: DealView, currency: string, n: number): Deal[] {
  if (n <= 0) return [];
  const { basis, amount } = moneyColumn(table, currency);
  // Imported constants are copied to locals: under Vitest each read of an import is a getter call.
  const noFigure = NO_FIGURE;
  // Kept highest first; an equal value joins after those already kept, so ties keep list order.
  const top: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    const value = amount[row]!;
    // Most deals fall below the last kept value: test that before whether the value is known at all.
    if (top.length >= n && value <= values[values.length - 1]!) continue;
    if (basis[row] === noFigure) continue;
    let i = top.length;
    while (i > 0 && values[i - 1]! < value) i--;
    top.splice(i, 0, row);
    values.splice(i, 0, value);
    if (top.length > n) {
      top.pop();
      values.pop();
    }
  }
  return top.map((row) => table.deals[row]!);
}
