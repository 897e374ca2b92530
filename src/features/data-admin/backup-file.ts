import { isoDay, slugify, type BackupBody } from '../../domain';

/**
 * `dpt-backup_<data set>_<date>.json`: what the file is, of which data set (a synthetic one says so
 * in its name as in its records), and when.
 */
export function backupFileName(dataset: string, synthetic: boolean, date: Date): string {
  const set = slugify(dataset) || 'data';
  const label = synthetic && !set.includes('synthetic') ? `synthetic-${set}` : set;
  return `dpt-backup_${label}_${isoDay(date)}.json`;
}

/** How many deals a reset would take back to the data set as shipped: edited, added or deleted ones. */
export function editedDealCount(backup: BackupBody): number {
  return backup.deals.filter(
    (d) => d.revision > 1 || d.deleted || (d.history ?? []).some((h) => h.action !== 'seed'),
  ).length;
}

export type ReadBackup = { ok: true; backup: unknown; name: string } | { ok: false; message: string };

/**
 * A chosen file as JSON, or why not, in words. The server checks the backup's shape and each record
 * (a dry run lists what it rejects); this only refuses what it cannot send at all.
 */
export async function readBackupFile(file: File): Promise<ReadBackup> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    return { ok: false, message: `Could not read “${file.name}”: the browser refused to open the file.` };
  }
  if (text.trim() === '') return { ok: false, message: `“${file.name}” is empty.` };
  try {
    return { ok: true, backup: JSON.parse(text) as unknown, name: file.name };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `“${file.name}” is not a backup: it is not JSON (${why.slice(0, 200)}). Nothing was changed.`,
    };
  }
}
