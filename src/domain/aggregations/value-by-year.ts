import { dealYear } from '../deal-facts';
import type { Deal, MoneyFigure } from '../deal-schema';
import { figureInCurrency, figureRange } from '../money';

/** How firm the figure behind a value is: signed, officially approved or notified, or an estimate. */
export type ValueBasis = 'signed' | 'approved' | 'estimate';

export function valueBasis(figure: MoneyFigure): ValueBasis {
  if (figure.kind === 'signed' && figure.confidence !== 'unconfirmed') return 'signed';
  if (figure.kind === 'approved' || figure.kind === 'notified') return 'approved';
  return 'estimate';
}

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
  const byYear = new Map<number, ValueYear>();
  let unknownValue = 0;
  let undated = 0;
  for (const deal of deals) {
    const figure = figureInCurrency(deal, currency);
    if (!figure) {
      unknownValue++;
      continue;
    }
    const year = dealYear(deal);
    if (year === undefined) {
      undated++;
      continue;
    }
    let entry = byYear.get(year);
    if (!entry)
      byYear.set(
        year,
        (entry = { year, signed: 0, approved: 0, estimate: 0, total: 0, dealCount: 0, top: [] }),
      );
    const basis = valueBasis(figure);
    entry[basis] += figure.amount;
    entry.total += figure.amount;
    entry.dealCount++;
    if (entry.top.length < TOP_PER_YEAR || figure.amount > entry.top[entry.top.length - 1]!.amount) {
      const range = figureRange(deal, currency);
      const sources = deal.sources.filter((s) => figure.sourceIds.includes(s.id)).map((s) => s.publisher);
      entry.top.push({
        id: deal.id,
        title: deal.title,
        amount: figure.amount,
        basis,
        approximate: figure.approximate,
        ...(range && range.count > 1 && range.min !== range.max ? { range } : {}),
        sources,
      });
      entry.top.sort((a, b) => b.amount - a.amount);
      if (entry.top.length > TOP_PER_YEAR) entry.top.pop();
    }
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  return { currency, years, unknownValue, undated };
}
