import { isoDay, slugify, type Deal } from '../../domain';

/** Downloads what the table shows, as CSV or JSON, named for the filters and the day. */
export async function downloadDeals(
  deals: readonly Deal[],
  format: 'csv' | 'json',
  filters: string,
): Promise<void> {
  const { dealsToCsv, dealsToJson } = await import('../../domain/csv-export');
  const text = format === 'csv' ? dealsToCsv(deals) : dealsToJson(deals);
  const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `deals_${slugify(filters) || 'all-deals'}_${isoDay(new Date())}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
