import type { Deal } from '../deal-schema';
import { LABELS, SERVICES, type Service } from '../vocabulary';
import { viewOf, type DealView } from './deal-view';
import { HAS_QUANTITY, OTHER_SERVICE } from './fact-table';

export type ServiceKey = Service | 'unallocated';

export interface UnitsByServiceRow {
  service: ServiceKey;
  label: string;
  total: number;
  /** Units per system series key (see `series`). */
  bySeries: Record<string, number>;
}

export interface UnitsByService {
  rows: UnitsByServiceRow[];
  /** Systems stacked in the bars, largest first; beyond `maxSeries` they are pooled as "Other systems". */
  series: { key: string; label: string; units: number }[];
  /** Deals whose quantity is not reported: not plotted, counted. */
  dealsWithoutQuantity: number;
  totalUnits: number;
}

export const OTHER_SYSTEMS = 'Other systems';

/**
 * Units by armed service, stacked by system. Units a source does not split by service are counted as
 * "Not allocated", never dropped; a deal without a reported quantity is counted, not charted as zero.
 * Units of different kinds (drones, engines, rounds) are added up only within a system's stack.
 */
export function unitsByService(deals: readonly Deal[], maxSeries = 8): UnitsByService {
  return unitsByServiceOf(viewOf(deals), maxSeries);
}

// Units per system in cells of this width: SERVICES in order, services outside it, 'unallocated'.
const WIDTH = OTHER_SERVICE + 2;
const UNALLOCATED = OTHER_SERVICE + 1;

export function unitsByServiceOf({ table, rows: list }: DealView, maxSeries = 8): UnitsByService {
  const { flags, system, units, unallocated, allocStart, allocService, allocUnits } = table;
  // Imported constants are copied to locals: under Vitest each read of an import is a getter call.
  const hasQuantity = HAS_QUANTITY;
  // Deals without a quantity go to one more system, never shown, so the loop needs no branch for them.
  const nowhere = table.systems.length;
  const cells = new Float64Array((nowhere + 1) * WIDTH);
  const unitsOf = new Float64Array(nowhere + 1);
  // Systems in the order the list first names them, which ties in the ranking keep.
  const seen: number[] = [];
  const isSeen = new Uint8Array(nowhere + 1);
  isSeen[nowhere] = 1;
  let withQuantity = 0;
  let totalUnits = 0;
  for (let j = 0; j < list.length; j++) {
    const row = list[j]!;
    const has = flags[row]! & hasQuantity;
    withQuantity += has;
    const code = has * system[row]! + (1 - has) * nowhere;
    if (isSeen[code] === 0) {
      isSeen[code] = 1;
      seen.push(code);
    }
    const base = code * WIDTH;
    for (let k = allocStart[row]!; k < allocStart[row + 1]!; k++)
      cells[base + allocService[k]!]! += allocUnits[k]!;
    cells[base + UNALLOCATED]! += unallocated[row]!;
    unitsOf[code]! += units[row]!;
    totalUnits += units[row]!;
  }
  const dealsWithoutQuantity = list.length - withQuantity;
  const systemTotals = seen.map((code): [string, number] => [table.systems[code]!, unitsOf[code]!]);

  const ranked = systemTotals.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const kept = ranked.slice(0, ranked.length > maxSeries ? maxSeries - 1 : maxSeries);
  const keptNames = new Set(kept.map(([name]) => name));
  const series = kept.map(([name, units]) => ({ key: name, label: name, units }));
  const pooled = ranked.filter(([name]) => !keptNames.has(name));
  if (pooled.length > 0) {
    series.push({
      key: OTHER_SYSTEMS,
      label: `${OTHER_SYSTEMS} (${pooled.length})`,
      units: pooled.reduce((s, [, u]) => s + u, 0),
    });
  }

  const rows: UnitsByServiceRow[] = [];
  for (const service of [...SERVICES, 'unallocated'] as const) {
    const index = service === 'unallocated' ? UNALLOCATED : SERVICES.indexOf(service);
    const bySeries: Record<string, number> = {};
    let total = 0;
    for (const code of seen) {
      const units = cells[code * WIDTH + index]!;
      if (!units) continue;
      const name = table.systems[code]!;
      const key = keptNames.has(name) ? name : OTHER_SYSTEMS;
      bySeries[key] = (bySeries[key] ?? 0) + units;
      total += units;
    }
    if (total > 0) {
      rows.push({
        service,
        label: service === 'unallocated' ? 'Not allocated' : LABELS.service[service],
        total,
        bySeries,
      });
    }
  }
  return { rows, series, dealsWithoutQuantity, totalUnits };
}
