/**
 * The orders card's data (by supplier, system category and order year) for the deck, the CSV/XLSX
 * files and the descriptions, from the same `aggregateDashboard` result the card draws. Bars count
 * deals; SIPRI TIV is a column of its own, a volume indicator never added to money.
 */
import { NO_SYSTEM_KEY, type OrderGroupRow, type OrdersBreakdown } from '../aggregations/by-supplier';
import { dealYear } from '../model/deal-facts';
import type { Deal } from '../model/deal-schema';
import { formatPartialDate } from '../money-dates/partial-date';
import type { ChartData, FigureSources, SourceRef } from './chart-data';

export type OrdersGrouping = 'supplier' | 'category' | 'year';

export const ORDERS_GROUPINGS: readonly OrdersGrouping[] = ['supplier', 'category', 'year'];

export const ORDERS_TITLES: Record<OrdersGrouping, string> = {
  supplier: 'Orders by supplier',
  category: 'Orders by system type',
  year: 'Orders by year',
};

export const TIV_COLUMN = 'SIPRI TIV (millions)';
/** What every place that shows TIV says of it. */
export const TIV_NOTE =
  'SIPRI TIV (millions) is SIPRI’s volume indicator, not money: never added to a value.';

const count = (n: number) => new Intl.NumberFormat('en').format(n);

/** "TIV known for 610 of 724 deals", or that no deal in view has one. */
export function tivKnownNote(orders: OrdersBreakdown): string {
  if (orders.deals === 0) return '';
  if (orders.tivKnown === 0) return 'No deal in view has a SIPRI TIV (only SIPRI records carry one).';
  return `SIPRI TIV known for ${count(orders.tivKnown)} of ${count(orders.deals)} deals; deals without it are counted, not valued.`;
}

export function ordersRows(orders: OrdersBreakdown, grouping: OrdersGrouping): OrderGroupRow[] {
  return grouping === 'supplier'
    ? orders.bySupplier
    : grouping === 'category'
      ? orders.byCategory
      : orders.byYear;
}

/** The colour key of one bar: a supplier keeps its own colour everywhere; other groupings have one. */
export function ordersColourKey(grouping: OrdersGrouping, row: OrderGroupRow): string {
  return grouping === 'supplier' ? `supplier:${row.key}` : 'breakdown';
}

/** Every source of the deals, each once (chart-data's refs, kept here to stay out of an import cycle). */
function sourcesOf(deals: readonly Deal[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const deal of deals)
    for (const s of deal.sources) {
      const key = `${deal.id}\u0000${s.id}`;
      if (seen.has(key)) continue;
      seen.set(key, {
        dealId: deal.id,
        dealTitle: deal.title,
        id: s.id,
        publisher: s.publisher,
        title: s.title,
        ...(s.date ? { date: formatPartialDate(s.date) } : {}),
        ...(s.url ? { url: s.url } : {}),
      });
    }
  return [...seen.values()];
}

function inGroup(deal: Deal, grouping: OrdersGrouping, key: string): boolean {
  if (grouping === 'supplier') return deal.supplierCountries.includes(key);
  if (grouping === 'category') return key === NO_SYSTEM_KEY ? !deal.system : deal.system?.category === key;
  return String(dealYear(deal)) === key;
}

export function ordersChartData(
  orders: OrdersBreakdown,
  grouping: OrdersGrouping,
  deals: readonly Deal[],
  base: Pick<ChartData, 'filters' | 'synthetic' | 'dataAsOf'>,
): ChartData {
  const rows = ordersRows(orders, grouping);
  const notes = [tivKnownNote(orders), orders.tivKnown > 0 ? TIV_NOTE : ''];
  if (grouping === 'supplier' && orders.multiSupplier > 0)
    notes.push(`${count(orders.multiSupplier)} deals with several suppliers count under each.`);
  if (grouping === 'year' && orders.undated > 0)
    notes.push(`${count(orders.undated)} deals without a year of order or first milestone not drawn.`);
  const sources = rows.map((r): FigureSources => ({
    category: r.label,
    sources: sourcesOf(deals.filter((d) => inGroup(d, grouping, r.key))),
  }));
  return {
    ...base,
    id: `orders-by-${grouping}`,
    title: ORDERS_TITLES[grouping],
    subtitle: `${base.filters} · deals${grouping === 'supplier' ? ' by supplier country' : grouping === 'year' ? ' by year of signature (first milestone if unsigned)' : ' by system type'}; SIPRI TIV where known`,
    kind: grouping === 'year' ? 'bar' : 'horizontal-bar',
    categoryName: grouping === 'supplier' ? 'Supplier' : grouping === 'category' ? 'System type' : 'Year',
    categories: rows.map((r) => r.label),
    series: [
      {
        key: 'count',
        name: 'Deals',
        colourKey: grouping === 'supplier' ? 'supplier:other' : 'breakdown',
        ...(grouping === 'supplier'
          ? { pointColourKeys: rows.map((r) => ordersColourKey(grouping, r)) }
          : {}),
        values: rows.map((r) => r.count),
      },
    ],
    table: [
      { name: 'Deals', format: 'count', values: rows.map((r) => r.count) },
      // Not known is not 0: a group without any TIV has none to sum.
      { name: TIV_COLUMN, format: 'count', values: rows.map((r) => r.tiv) },
      { name: 'Deals with TIV', format: 'count', values: rows.map((r) => r.tivKnown) },
    ],
    valueFormat: 'count',
    unit: 'deals',
    notes: notes.filter(Boolean),
    sources,
  };
}
