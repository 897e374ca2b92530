import { SYNTHETIC } from './fact-table';
import type { DealView } from './deal-view';

/** See `sourceSummary` in export-names.ts. */
export function sourceSummaryOf({ table, rows }: DealView, shown = 3): string {
  const { publisherStart, publisher } = table;
  const counts = new Int32Array(table.publishers.length);
  // Publishers in the order the list first cites them, which ties in the ranking keep.
  const seen: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j]!;
    for (let k = publisherStart[row]!; k < publisherStart[row + 1]!; k++) {
      const code = publisher[k]!;
      if (counts[code]!++ === 0) seen.push(code);
    }
  }
  const ranked = seen
    .map((code): [string, number] => [table.publishers[code]!, counts[code]!])
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name]) => name);
  if (ranked.length === 0) return 'no sources';
  const head = ranked.slice(0, shown).join('; ');
  const rest = ranked.length - shown;
  return rest > 0 ? `${head} and ${rest} more` : head;
}

/** Whether any of the deals is generated (`synthetic: true`). */
export function anySyntheticOf({ table, rows }: DealView): boolean {
  const synthetic = SYNTHETIC; // see kpis.ts: imports read once
  for (let j = 0; j < rows.length; j++) if ((table.flags[rows[j]!]! & synthetic) !== 0) return true;
  return false;
}
