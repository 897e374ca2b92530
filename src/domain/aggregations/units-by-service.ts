import type { Deal } from '../deal-schema';
import { LABELS, SERVICES, type Service } from '../vocabulary';

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
  const cells = new Map<string, Map<ServiceKey, number>>();
  const systemTotals = new Map<string, number>();
  let dealsWithoutQuantity = 0;
  let totalUnits = 0;
  for (const deal of deals) {
    const quantity = deal.quantity;
    if (!quantity) {
      dealsWithoutQuantity++;
      continue;
    }
    const system = deal.system?.name ?? 'Unnamed system';
    let row = cells.get(system);
    if (!row) cells.set(system, (row = new Map<ServiceKey, number>()));
    let allocated = 0;
    for (const { service, count } of quantity.allocations) {
      row.set(service, (row.get(service) ?? 0) + count);
      allocated += count;
    }
    const rest = quantity.total - allocated;
    if (rest > 0) row.set('unallocated', (row.get('unallocated') ?? 0) + rest);
    systemTotals.set(system, (systemTotals.get(system) ?? 0) + quantity.total);
    totalUnits += quantity.total;
  }

  const ranked = [...systemTotals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
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
    const bySeries: Record<string, number> = {};
    let total = 0;
    for (const [system, row] of cells) {
      const units = row.get(service);
      if (!units) continue;
      const key = keptNames.has(system) ? system : OTHER_SYSTEMS;
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
