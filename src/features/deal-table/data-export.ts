import { isoDay, slugify, type Deal } from '../../domain';

/**
 * What the table's export can write: the deals as CSV (a row per deal, every reported figure, the
 * units per service, the receiving services and the sources with their addresses in columns of
 * their own), the reported money figures as CSV (a row per figure, for comparing what sources say),
 * or the validated records as JSON (everything, in the API's shape). See src/domain/csv-export.ts.
 */
export type DataExportFormat = 'csv' | 'figures-csv' | 'json';

/** Downloads what the table shows in one of those formats, named for the filters and the day. */
export async function downloadDeals(
  deals: readonly Deal[],
  format: DataExportFormat,
  filters: string,
): Promise<void> {
  const { dealsToCsv, dealsToJson, figuresToCsv } = await import('../../domain/export/csv-export');
  const text =
    format === 'csv'
      ? dealsToCsv(deals)
      : format === 'figures-csv'
        ? figuresToCsv(deals)
        : dealsToJson(deals);
  const type = format === 'json' ? 'application/json' : 'text/csv;charset=utf-8';
  const name = format === 'figures-csv' ? 'deal-figures' : 'deals';
  const extension = format === 'json' ? 'json' : 'csv';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}_${slugify(filters) || 'all-deals'}_${isoDay(new Date())}.${extension}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
