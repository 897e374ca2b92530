import type { Deal } from '../model/deal-schema';
import { figureInCurrency, figureRange } from '../money-dates/money';
import { viewOf, type DealView } from './deal-view';
import { moneyColumn, type FactTable, type MoneyColumn } from './fact-table';
import { IS_KNOWN, VALUE_BASES, type ValueBasis } from './value-basis';

export { valueBasis, type ValueBasis } from './value-basis';

export interface YearDeal {
  id: string;
  title: string;
  amount: number;
  basis: ValueBasis;
  approximate: boolean;
  /** Where the deal's sources disagree in this currency. */
  range?: { min: number; max: number; count: number };
  sources: string[];
}

export interface ValueYear {
  year: number;
  signed: number;
  approved: number;
  estimate: number;
  total: number;
  /** 0 for a year with no deal, which the axis keeps so that time stays continuous. */
  dealCount: number;
  /** The largest deals of the year, for the tooltip. */
  top: YearDeal[];
}

export interface ValueByYear {
  currency: string;
  years: ValueYear[];
  /** Deals with no figure in this currency, or no date: listed as a count, never plotted as 0. */
  unknownValue: number;
  undated: number;
}

const TOP_PER_YEAR = 5;

/** Headline value by year of signature (first milestone while unsigned), split by how firm it is. */
export function valueByYear(deals: readonly Deal[], currency: string): ValueByYear {
  return valueByYearOf(viewOf(deals), currency);
}

// Every deal lands in a slot: its year, or one slot for undated deals and one for deals of unknown
// value, chosen without a branch. Sums add in list order, as before, so they are the same to the bit.
export function valueByYearOf({ table, rows }: DealView, currency: string): ValueByYear {
  const money = moneyColumn(table, currency);
  const { amount, basis } = money;
  // Imported constants are copied to locals: under Vitest each read of an import is a getter call.
  const isKnown = IS_KNOWN;
  const undatedSlot = table.years.length;
  const unknownSlot = undatedSlot + 1;
  const width = VALUE_BASES.length + 1;
  const sums = new Float64Array((unknownSlot + 1) * width);
  const totals = new Float64Array(unknownSlot + 1);
  const counts = new Int32Array(unknownSlot + 1);
  // A deal enters its year's top list when its amount is above this: -Infinity while the list is short.
  const threshold = new Float64Array(unknownSlot + 1).fill(-Infinity);
  threshold[undatedSlot] = threshold[unknownSlot] = Infinity;
  const tops: { rows: number[]; amounts: number[] }[] = [];
  const seen: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    const code = basis[row]!;
    const known = isKnown[code]!;
    const slot = known * table.yearCode[row]! + (1 - known) * unknownSlot;
    const value = amount[row]!;
    sums[slot * width + code]! += value;
    totals[slot]! += value;
    if (counts[slot]!++ === 0) seen.push(slot);
    if (value > threshold[slot]!) {
      const top = (tops[slot] ??= { rows: [], amounts: [] });
      // Highest first; an equal amount joins after those already kept, so ties keep list order.
      let i = top.rows.length;
      while (i > 0 && top.amounts[i - 1]! < value) i--;
      top.rows.splice(i, 0, row);
      top.amounts.splice(i, 0, value);
      if (top.rows.length > TOP_PER_YEAR) {
        top.rows.pop();
        top.amounts.pop();
      }
      if (top.rows.length === TOP_PER_YEAR) threshold[slot] = top.amounts[TOP_PER_YEAR - 1]!;
    }
  }
  const sum = (slot: number, of: ValueBasis) => sums[slot * width + VALUE_BASES.indexOf(of)]!;
  const years = seen
    .filter((slot) => slot < undatedSlot)
    .map((slot): ValueYear => ({
      year: table.years[slot]!,
      signed: sum(slot, 'signed'),
      approved: sum(slot, 'approved'),
      estimate: sum(slot, 'estimate'),
      total: totals[slot]!,
      dealCount: counts[slot]!,
      top: tops[slot]!.rows.map((row) => yearDeal(table, money, row, currency)),
    }))
    .sort((a, b) => a.year - b.year);
  return {
    currency,
    years: withEmptyYears(years),
    unknownValue: counts[unknownSlot]!,
    undated: counts[undatedSlot]!,
  };
}

/**
 * The years from the first to the last, with a year that has no deal present and empty (`dealCount`
 * 0): a year axis that skipped it would draw 2016 and 2020 side by side.
 */
export function withEmptyYears(years: readonly ValueYear[]): ValueYear[] {
  if (years.length === 0) return [];
  const out: ValueYear[] = [];
  for (const year of years) {
    for (let gap = (out.at(-1)?.year ?? year.year) + 1; gap < year.year; gap++)
      out.push({ year: gap, signed: 0, approved: 0, estimate: 0, total: 0, dealCount: 0, top: [] });
    out.push(year);
  }
  return out;
}

function yearDeal(table: FactTable, money: MoneyColumn, row: number, currency: string): YearDeal {
  const deal = table.deals[row]!;
  const figure = figureInCurrency(deal, currency)!;
  const range = figureRange(deal, currency);
  const sources = deal.sources.filter((s) => figure.sourceIds.includes(s.id)).map((s) => s.publisher);
  return {
    id: deal.id,
    title: deal.title,
    amount: figure.amount,
    basis: VALUE_BASES[money.basis[row]!]!,
    approximate: figure.approximate,
    ...(range && range.count > 1 && range.min !== range.max ? { range } : {}),
    sources,
  };
}
