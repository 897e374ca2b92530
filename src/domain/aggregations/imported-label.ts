import type { ImportedGroup } from './by-supplier';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-12-01` as "1 Dec 2026"; anything else as written. */
export function formatImportDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : day;
}

/** "SIPRI data (c) SIPRI, imported 1 Dec 2026": what one group of imported records is. */
export function importedSource(group: ImportedGroup): string {
  return `${group.publisher} data${group.rights ? ` ${group.rights}` : ''}, imported ${formatImportDay(group.importedOn)}`;
}

/**
 * "Includes 724 records imported from SIPRI data (c) SIPRI, imported 1 Dec 2026", one sentence per
 * group of imported records; none when nothing is imported.
 */
export function importedSentences(groups: readonly ImportedGroup[]): string[] {
  return groups.map(
    (g) =>
      `Includes ${new Intl.NumberFormat('en').format(g.count)} record${g.count === 1 ? '' : 's'} imported from ${importedSource(g)}`,
  );
}
