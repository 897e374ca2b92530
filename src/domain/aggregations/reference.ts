import { dealYear } from '../model/deal-facts';
import type { Deal } from '../model/deal-schema';
import { figureInCurrency, figureRange, valueInCurrency } from '../money-dates/money';
import {
  DEAL_KINDS,
  DEAL_STATUSES,
  DOMAINS,
  LABELS,
  ORDERED_STATUSES,
  PLANNED_STATUSES,
  SERVICES,
  UNIT_FAMILIES,
  unitFamilyOf,
  type DealStatus,
  type ServiceFilterValue,
  type UnitFamily,
} from '../model/vocabulary';
import type { BreakdownRow } from './breakdown';
import type { Kpis } from './kpis';
import { dateToYearFraction, todayAsYearFraction, type Timeline, type TimelineRow } from './timeline';
import { dateSpan, slippage } from '../money-dates/slippage';
import { OTHER_SYSTEMS, type ServiceKey, type UnitsByService } from './units-by-service';
import { valueBasis } from './value-basis';
import { withEmptyYears, type ValueByYear, type ValueYear } from './value-by-year';

// The per-deal implementations the fact table replaced, as they were: tests check the table against
// them. Not used by the app.

export function kpis(deals: readonly Deal[], services?: readonly ServiceFilterValue[]): Kpis {
  const ordered = new Set<DealStatus>(ORDERED_STATUSES);
  const planned = new Set<DealStatus>(PLANNED_STATUSES);
  const beforeContract = new Set<DealStatus>(['announced', 'negotiating', 'mou-signed', 'approved']);
  const chosen = services && services.length > 0 ? new Set<string>(services) : undefined;
  const zero = (): Record<UnitFamily, number> => ({ platforms: 0, engines: 0, munitions: 0 });
  const out = { deals: deals.length, signedUsd: 0, signedUsdDeals: 0, signedInr: 0, signedInrDeals: 0 };
  const units = { unitsOrdered: zero(), unitsOrderedDeals: 0, unitsPlanned: zero(), unitsPlannedDeals: 0 };
  const share = { usd: 0, usdDeals: 0, inr: 0, inrDeals: 0, underived: 0 };
  let inNegotiation = 0;
  for (const deal of deals) {
    const usd = figureInCurrency(deal, 'USD');
    const isUsd = usd?.kind === 'signed' && usd.confidence !== 'unconfirmed';
    if (isUsd) {
      out.signedUsd += usd.amount;
      out.signedUsdDeals++;
    }
    const inr = figureInCurrency(deal, 'INR');
    const isInr = inr?.kind === 'signed' && inr.confidence !== 'unconfirmed';
    if (isInr) {
      out.signedInr += inr.amount;
      out.signedInrDeals++;
    }
    if (beforeContract.has(deal.status)) inNegotiation++;
    const total = deal.quantity?.total ?? 0;
    let mine = total;
    let derivable = total > 0;
    if (chosen) {
      const allocations = deal.quantity?.allocations ?? [];
      const named = [...(deal.endUser?.services ?? []), ...allocations.map((a) => a.service)];
      const tied = new Set<string>(named.filter((s) => (SERVICES as readonly string[]).includes(s)));
      if (chosen.has('unknown') && tied.size === 0) mine = total;
      else {
        const counted = allocations.filter((a) => chosen.has(a.service));
        mine = counted.reduce((sum, a) => sum + a.count, 0);
        if (counted.length === 0 && [...tied].some((s) => chosen.has(s))) derivable = false;
      }
      if (isUsd || isInr) {
        if (!derivable) share.underived++;
        else {
          if (isUsd) {
            share.usd += usd.amount * (mine / total);
            share.usdDeals++;
          }
          if (isInr) {
            share.inr += inr.amount * (mine / total);
            share.inrDeals++;
          }
        }
      }
    }
    if (!deal.quantity || !(mine > 0) || !derivable) continue;
    const family = unitFamilyOf(deal.system?.category);
    if (ordered.has(deal.status)) {
      units.unitsOrdered[family] += mine;
      units.unitsOrderedDeals++;
    } else if (planned.has(deal.status)) {
      units.unitsPlanned[family] += mine;
      units.unitsPlannedDeals++;
    }
  }
  const result: Kpis = { ...out, ...units, inNegotiation };
  if (chosen) result.share = { services: [...services!], ...share };
  return result;
}

export function unitsByService(
  deals: readonly Deal[],
  maxSeries = 8,
  family: UnitFamily = 'platforms',
  seriesFrom: readonly Deal[] = deals,
): UnitsByService {
  const ofFamily = (deal: Deal) => unitFamilyOf(deal.system?.category) === family;
  const systemOf = (deal: Deal) => deal.system?.name ?? 'Unnamed system';
  // Units split by service (or a gap in a source's split) rank first; imported units with no split after.
  const planTotals = new Map<string, [number, number]>();
  for (const deal of seriesFrom)
    if (deal.quantity && ofFamily(deal)) {
      const [split, unsplit] = planTotals.get(systemOf(deal)) ?? [0, 0];
      const noSplit =
        deal.origin && deal.quantity.allocations.length === 0 && (deal.endUser?.services.length ?? 0) === 0;
      planTotals.set(
        systemOf(deal),
        noSplit ? [split, unsplit + deal.quantity.total] : [split + deal.quantity.total, unsplit],
      );
    }
  const ranked = [...planTotals].sort(
    (a, b) => b[1][0] - a[1][0] || b[1][1] - a[1][1] || a[0].localeCompare(b[0]),
  );
  const keptCount = Math.max(0, ranked.length > maxSeries ? maxSeries - 1 : maxSeries);
  const slots = new Map(ranked.slice(0, keptCount).map(([name], slot) => [name, slot]));

  const stageOf = (status: string) =>
    (ORDERED_STATUSES as readonly string[]).includes(status)
      ? 'ordered'
      : (PLANNED_STATUSES as readonly string[]).includes(status)
        ? 'planned'
        : 'neither';
  const services = [...SERVICES, 'unknown', 'unsplit'] as const;
  const serviceKey = (service: string): ServiceKey =>
    (SERVICES as readonly string[]).includes(service) ? (service as ServiceKey) : 'unknown';
  const cells = new Map<string, Map<ServiceKey, number>>();
  const plannedBy = new Map<ServiceKey, number>();
  const orderedOf = new Map<string, number>();
  const families = UNIT_FAMILIES.map((f) => ({ family: f, ordered: 0, planned: 0 }));
  const counts = { orderedDeals: 0, plannedDeals: 0, notCountedDeals: 0, dealsWithoutQuantity: 0 };
  for (const deal of deals) {
    const quantity = deal.quantity;
    if (!quantity) {
      counts.dealsWithoutQuantity++;
      continue;
    }
    const stage = stageOf(deal.status);
    const familyTotals = families[UNIT_FAMILIES.indexOf(unitFamilyOf(deal.system?.category))]!;
    if (stage !== 'neither') familyTotals[stage] += quantity.total;
    if (!ofFamily(deal)) continue;
    if (stage === 'neither') {
      counts.notCountedDeals++;
      continue;
    }
    const split = new Map<ServiceKey, number>();
    let allocated = 0;
    for (const { service, count } of quantity.allocations) {
      split.set(serviceKey(service), (split.get(serviceKey(service)) ?? 0) + count);
      allocated += count;
    }
    const rest = quantity.total - allocated;
    // An imported record that splits nothing, and has no stated end user, has no service split at all.
    const gap =
      deal.origin && quantity.allocations.length === 0 && (deal.endUser?.services.length ?? 0) === 0
        ? 'unsplit'
        : 'unknown';
    if (rest > 0) split.set(gap, (split.get(gap) ?? 0) + rest);
    if (stage === 'planned') {
      counts.plannedDeals++;
      for (const [service, n] of split) plannedBy.set(service, (plannedBy.get(service) ?? 0) + n);
      continue;
    }
    counts.orderedDeals++;
    const system = systemOf(deal);
    let row = cells.get(system);
    if (!row) cells.set(system, (row = new Map<ServiceKey, number>()));
    for (const [service, n] of split) row.set(service, (row.get(service) ?? 0) + n);
    orderedOf.set(system, (orderedOf.get(system) ?? 0) + quantity.total);
  }
  // Systems in the order the view's table first names them decide nothing here: slots order the series.
  const present = [...orderedOf].filter(([, n]) => n > 0);
  const series: UnitsByService['series'] = present
    .filter(([name]) => slots.has(name))
    .map(([name, units]) => ({ key: name, label: name, units, slot: slots.get(name)! }))
    .sort((a, b) => a.slot - b.slot);
  const pooled = present.filter(([name]) => !slots.has(name));
  if (pooled.length > 0) {
    const units = pooled.reduce((s, [, u]) => s + u, 0);
    series.push({ key: OTHER_SYSTEMS, label: `${OTHER_SYSTEMS} (${pooled.length})`, units, slot: -1 });
  }
  const rows = [];
  let totalUnits = 0;
  let plannedUnits = 0;
  for (const service of services) {
    const bySeries: Record<string, number> = {};
    let total = 0;
    const bySlot = [...cells].sort((a, b) => (slots.get(a[0]) ?? Infinity) - (slots.get(b[0]) ?? Infinity));
    for (const [system, row] of bySlot) {
      const units = row.get(service);
      if (!units) continue;
      const key = slots.has(system) ? system : OTHER_SYSTEMS;
      bySeries[key] = (bySeries[key] ?? 0) + units;
      total += units;
    }
    const planned = plannedBy.get(service) ?? 0;
    totalUnits += total;
    plannedUnits += planned;
    if (total > 0 || planned > 0)
      rows.push({
        service,
        label: service === 'unsplit' ? 'No service split' : LABELS.service[service],
        total,
        bySeries,
        planned,
      });
  }
  return {
    family,
    rows,
    series,
    totalUnits,
    plannedUnits,
    orderedDeals: counts.orderedDeals,
    plannedDeals: counts.plannedDeals,
    notCountedDeals: counts.notCountedDeals,
    dealsWithoutQuantity: counts.dealsWithoutQuantity,
    families,
  };
}

export function dealsByStage(deals: readonly Deal[]) {
  const counts = new Map<DealStatus, number>();
  for (const deal of deals) counts.set(deal.status, (counts.get(deal.status) ?? 0) + 1);
  const offPath = new Set<DealStatus>(['stalled', 'cancelled']);
  return DEAL_STATUSES.map((status) => ({
    status,
    label: LABELS.status[status],
    count: counts.get(status) ?? 0,
    offPath: offPath.has(status),
  }));
}

export function timeline(deals: readonly Deal[], limit = 50, today: Date = new Date()): Timeline {
  const now = todayAsYearFraction(today);
  let undated = 0;
  let dated = 0;
  const picked: { deal: Deal; usd: number; first: string }[] = [];
  const better = (a: { usd: number; first: string }, b: { usd: number; first: string }) =>
    a.usd > b.usd || (a.usd === b.usd && a.first > b.first);
  for (const deal of deals) {
    if (deal.milestones.length === 0) {
      undated++;
      continue;
    }
    dated++;
    let first = deal.milestones[0]!.date;
    for (const m of deal.milestones) if (m.date < first) first = m.date;
    const candidate = { deal, usd: valueInCurrency(deal, 'USD') ?? -1, first };
    if (picked.length === limit && !better(candidate, picked[limit - 1]!)) continue;
    let i = picked.length;
    while (i > 0 && better(candidate, picked[i - 1]!)) i--;
    picked.splice(i, 0, candidate);
    if (picked.length > limit) picked.pop();
  }
  const delivery = new Set(['first-delivery', 'delivery', 'final-delivery']);
  const rows = picked
    .map(({ deal }): TimelineRow => {
      const markers = deal.milestones
        .map((m) => {
          const at = dateToYearFraction(m.date);
          const marker = { at, date: m.date, kind: m.kind, label: m.label, expected: at > now };
          if (!m.planned) return marker;
          const slip = slippage(m.planned.date, m.date, now)!;
          return {
            ...marker,
            planned: {
              at: dateToYearFraction(m.planned.date),
              from: dateSpan(m.planned.date)[0],
              to: dateSpan(m.planned.date)[1],
              date: m.planned.date,
              slip,
            },
          };
        })
        .sort((a, b) => a.at - b.at);
      const signature = markers.find((m) => ['signature', 'mou', 'lease-start'].includes(m.kind));
      const deliveries = markers.filter((m) => delivery.has(m.kind));
      return {
        id: deal.id,
        title: deal.title,
        start: markers[0]!.at,
        ...(signature ? { signed: signature.at } : {}),
        ...(deliveries.length > 0 ? { delivered: deliveries[deliveries.length - 1]!.at } : {}),
        end: markers[markers.length - 1]!.at,
        markers,
      };
    })
    .sort((a, b) => a.start - b.start || a.title.localeCompare(b.title));
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    lo = Math.min(lo, r.start);
    hi = Math.max(hi, r.end);
    for (const m of r.markers)
      if (m.planned) [lo, hi] = [Math.min(lo, m.planned.from), Math.max(hi, m.planned.to - 0.01)];
  }
  const domain: [number, number] = rows.length === 0 ? [0, 1] : [Math.floor(lo), Math.ceil(hi + 0.01)];
  return { rows, undated, omitted: dated - rows.length, domain, today: now };
}

export function featuredAllocationDeal(deals: readonly Deal[]): Deal | undefined {
  let best: Deal | undefined;
  let bestServices = 0;
  let bestUnits = 0;
  for (const deal of deals) {
    const allocations = deal.quantity?.allocations ?? [];
    const units = allocations.reduce((sum, a) => sum + a.count, 0);
    const services = allocations.length;
    if (services > bestServices || (services === bestServices && units > bestUnits)) {
      best = deal;
      bestServices = services;
      bestUnits = units;
    }
  }
  return best;
}

export function sourceSummary(deals: readonly Deal[], shown = 3): string {
  const counts = new Map<string, number>();
  for (const deal of deals) {
    for (const publisher of new Set(deal.sources.map((s) => s.publisher))) {
      counts.set(publisher, (counts.get(publisher) ?? 0) + 1);
    }
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  if (ranked.length === 0) return 'no sources';
  const head = ranked.slice(0, shown).join('; ');
  const rest = ranked.length - shown;
  return rest > 0 ? `${head} and ${rest} more` : head;
}

export function valueByYear(deals: readonly Deal[], currency: string): ValueByYear {
  const byYear = new Map<number, ValueYear>();
  let unknownValue = 0;
  let undated = 0;
  for (const deal of deals) {
    const figure = figureInCurrency(deal, currency);
    if (!figure) {
      unknownValue++;
      continue;
    }
    const year = dealYear(deal);
    if (year === undefined) {
      undated++;
      continue;
    }
    let entry = byYear.get(year);
    if (!entry) {
      entry = { year, signed: 0, approved: 0, estimate: 0, total: 0, dealCount: 0, top: [] };
      byYear.set(year, entry);
    }
    const basis = valueBasis(figure);
    entry[basis] += figure.amount;
    entry.total += figure.amount;
    entry.dealCount++;
    if (entry.top.length < 5 || figure.amount > entry.top[entry.top.length - 1]!.amount) {
      const range = figureRange(deal, currency);
      const sources = deal.sources.filter((s) => figure.sourceIds.includes(s.id)).map((s) => s.publisher);
      entry.top.push({
        id: deal.id,
        title: deal.title,
        amount: figure.amount,
        basis,
        approximate: figure.approximate,
        ...(range && range.count > 1 && range.min !== range.max ? { range } : {}),
        sources,
      });
      entry.top.sort((a, b) => b.amount - a.amount);
      if (entry.top.length > 5) entry.top.pop();
    }
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year);
  return { currency, years: withEmptyYears(years), unknownValue, undated };
}

function breakdown(
  deals: readonly Deal[],
  currency: string,
  keys: readonly string[],
  labels: Record<string, string>,
  keysOf: (deal: Deal) => readonly string[],
): BreakdownRow[] {
  const rows = new Map(
    keys.map((key) => [key, { key, label: labels[key] ?? key, count: 0, value: 0, unknownValue: 0 }]),
  );
  for (const deal of deals) {
    const value = valueInCurrency(deal, currency);
    for (const key of new Set(keysOf(deal))) {
      const row = rows.get(key);
      if (!row) continue;
      row.count++;
      if (value === undefined) row.unknownValue++;
      else row.value += value;
    }
  }
  return [...rows.values()];
}

export const byDomain = (deals: readonly Deal[], currency: string) =>
  breakdown(deals, currency, DOMAINS, LABELS.domain, (d) => d.domains);
export const byKind = (deals: readonly Deal[], currency: string) =>
  breakdown(deals, currency, DEAL_KINDS, LABELS.kind, (d) => [d.kind]);

export function largestDeals(deals: readonly Deal[], currency: string, n: number): Deal[] {
  const top: { deal: Deal; value: number }[] = [];
  for (const deal of deals) {
    const value = valueInCurrency(deal, currency);
    if (value === undefined) continue;
    if (top.length === n && value <= top[n - 1]!.value) continue;
    let i = top.length;
    while (i > 0 && top[i - 1]!.value < value) i--;
    top.splice(i, 0, { deal, value });
    if (top.length > n) top.pop();
  }
  return top.map((t) => t.deal);
}
