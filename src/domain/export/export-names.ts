import { viewOf } from '../aggregations/deal-view';
import { sourceSummaryOf } from '../aggregations/sources';
import type { Deal } from '../model/deal-schema';
import { formatPartialDate, type PartialDate } from '../money-dates/partial-date';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "24 Nov 2026", in UTC so that a file made at midnight does not name two days. */
export function formatExportDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Lowercase ASCII words joined by hyphens; accents dropped, ₹ and $ spelled out. */
export function slugify(text: string, maxLength = 60): string {
  const slug = text
    .replace(/₹/g, ' inr ')
    .replace(/\$/g, ' usd ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  return cut.slice(0, Math.max(cut.lastIndexOf('-'), 1)).replace(/-+$/, '');
}

/** `<chart-title-slug>_<filters-slug>_<date>.<ext>`: what the file is, under which filters, when. */
export function exportFileName(title: string, filterSummary: string, date: Date, extension: string): string {
  const filters = slugify(filterSummary) || 'all-deals';
  return `${slugify(title) || 'chart'}_${filters}_${isoDay(date)}.${extension}`;
}

/**
 * The publishers behind a set of deals, most cited first: "Reuters, PTI, SIPRI and 14 more".
 * Synthetic records name the generator, which is what the footer should then say.
 */
export function sourceSummary(deals: readonly Deal[], shown = 3): string {
  return sourceSummaryOf(viewOf(deals), shown);
}

/**
 * "Source: … · (c) SIPRI · Data as of Dec 2025 · Defence Procurement Tracker · 24 Nov 2026", with
 * synthetic data said outright and the rights of imported data beside the sources. The last date is the export's; "data as of" is the newest source's.
 */
export function exportFooter(options: {
  sources: string;
  date: Date;
  synthetic: boolean;
  dataAsOf?: string | undefined;
  /** The rights lines of imported data in view ("(c) SIPRI"), said beside the sources. */
  rights?: string | undefined;
}): string {
  const parts = [`Source: ${options.sources}`];
  if (options.rights) parts.push(options.rights);
  if (options.dataAsOf) parts.push(options.dataAsOf);
  parts.push('Defence Procurement Tracker', formatExportDate(options.date));
  if (options.synthetic) parts.unshift('SYNTHETIC DATA, not real deals');
  return parts.join(' · ');
}

/** "Data as of Dec 2025 (newest source)": what a dashboard, slide or export says of how fresh it is. */
export function dataAsOfLabel(latest: PartialDate | undefined, synthetic: boolean): string {
  if (synthetic) return 'Synthetic data, generated for demonstration';
  return latest === undefined
    ? 'Data date not known'
    : `Data as of ${formatPartialDate(latest)} (newest source)`;
}
