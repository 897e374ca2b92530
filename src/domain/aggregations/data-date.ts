import type { Deal } from '../model/deal-schema';
import type { PartialDate } from '../money-dates/partial-date';

const latest = new WeakMap<readonly Deal[], PartialDate | undefined>();

/**
 * The newest date any source of the list carries: what "data as of" means for compiled records. Dates
 * are ISO partial dates, so they compare as strings ("2025-11" after "2025-02-06"). Kept per list.
 */
export function latestSourceDate(deals: readonly Deal[]): PartialDate | undefined {
  if (latest.has(deals)) return latest.get(deals);
  let newest: PartialDate | undefined;
  for (const deal of deals)
    for (const source of deal.sources)
      if (source.date !== undefined && (newest === undefined || source.date > newest)) newest = source.date;
  latest.set(deals, newest);
  return newest;
}
