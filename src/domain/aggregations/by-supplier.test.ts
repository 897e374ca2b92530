import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { SEED } from '../../../seeds/expected';
import { sipriRecord } from '../../test/sipri-records';
import { parseDeals } from '../model/parse-deals';
import { filterDeals } from '../filter/filter-engine';
import { importedGroups, ordersBreakdown, rightsLines, type OrderGroupRow } from './by-supplier';
import { aggregateDashboard } from './dashboard';
import { importedSentences } from './imported-label';
import { unitsByService } from './units-by-service';

const seeds = parseDeals(seedRecords).deals;

/** 700 SIPRI orders: Soviet Union, Russia, France and the United Kingdom in turn, every tenth without TIV. */
const sipri = Array.from({ length: 700 }, (_, n) =>
  sipriRecord(n, {
    supplier: ['SU', 'RU', 'FR', 'GB'][n % 4]!,
    tivOrder: n % 10 === 9 ? null : 10 + (n % 5),
  }),
);

/** A plain reference: each deal's suppliers, its TIV where known. */
function reference(deals: typeof sipri) {
  const bySupplier = new Map<string, { count: number; tiv: number; known: number }>();
  for (const deal of deals)
    for (const country of new Set(deal.supplierCountries)) {
      const cell = bySupplier.get(country) ?? { count: 0, tiv: 0, known: 0 };
      cell.count++;
      if (deal.tiv?.order !== undefined) {
        cell.tiv += deal.tiv.order;
        cell.known++;
      }
      bySupplier.set(country, cell);
    }
  return bySupplier;
}

const asCells = (rows: OrderGroupRow[]) =>
  new Map(rows.map((r) => [r.key, { count: r.count, tiv: r.tiv ?? 0, known: r.tivKnown }]));

describe('orders by supplier', () => {
  it('counts the seeds per supplier and category, with no TIV', () => {
    const orders = ordersBreakdown(seeds);
    expect(orders.bySupplier.map((r) => ({ key: r.key, count: r.count }))).toEqual(SEED.orders.suppliers);
    expect(orders.tivKnown).toBe(SEED.orders.tivKnown);
    // No TIV is not a TIV of 0.
    expect(orders.bySupplier.every((r) => r.tiv === null)).toBe(true);
    const categories = Object.fromEntries(
      orders.byCategory.filter((r) => r.key !== 'none').map((r) => [r.key, r.count]),
    );
    expect(categories).toEqual(SEED.orders.categories);
    expect(orders.byCategory.at(-1)).toMatchObject({
      label: 'System not recorded',
      count: SEED.orders.withoutSystem,
    });
  });

  it('sums SIPRI TIV per supplier over the deals that have it, and counts those without', () => {
    const all = [...sipri, ...seeds];
    const orders = ordersBreakdown(all);
    expect(asCells(orders.bySupplier)).toEqual(reference(all));
    expect(orders.deals).toBe(all.length);
    expect(orders.tivKnown).toBe(all.filter((d) => d.tiv?.order !== undefined).length);
    // The seeds' money never enters a TIV sum: the US row, all seeds, has none.
    expect(orders.bySupplier.find((r) => r.key === 'US')).toMatchObject({
      count: SEED.deals,
      tiv: null,
      tivKnown: 0,
    });
    // Most deals first.
    const counts = orders.bySupplier.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('gives the same figures for a filtered view as for its deals on their own', () => {
    const all = [...sipri, ...seeds];
    const view = filterDeals(all, { supplier: ['FR', 'US'] });
    const fresh = view.map((d) => structuredClone(d));
    expect(ordersBreakdown(view)).toEqual(ordersBreakdown(fresh));
  });

  it('files orders under their year, undated ones counted apart', () => {
    const orders = ordersBreakdown(sipri);
    const years = orders.byYear.map((r) => Number(r.key));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(orders.byYear.reduce((n, r) => n + r.count, 0) + orders.undated).toBe(sipri.length);
  });

  it('is part of the dashboard figures, which also name the imported data and its rights', () => {
    const figures = aggregateDashboard([...sipri, ...seeds], 'USD');
    expect(figures.orders).toEqual(ordersBreakdown([...sipri, ...seeds]));
    expect(figures.imported).toEqual(importedGroups(sipri));
    expect(importedSentences(figures.imported)).toEqual([
      'Includes 700 records imported from SIPRI data (c) SIPRI, imported 1 Dec 2026',
    ]);
    expect(rightsLines(figures.imported)).toEqual(['(c) SIPRI']);
    expect(aggregateDashboard(seeds, 'USD').imported).toEqual([]);
  });

  it('never adds TIV into money: SIPRI records without money figures leave the value chart empty', () => {
    const figures = aggregateDashboard(sipri, 'USD');
    expect(figures.value.years.every((y) => y.signed + y.approved + y.estimate === 0)).toBe(true);
    expect([figures.kpis.signedUsd, figures.kpis.signedUsdDeals]).toEqual([0, 0]);
  });
});

describe('units of imported records', () => {
  it('leave the seeds’ systems their colours: split units rank before imported units with no split', () => {
    const bigImport = Array.from({ length: 40 }, (_, n) =>
      sipriRecord(n, {
        system: { name: `Imported system ${n}`, category: 'combat-aircraft' },
        quantity: { total: 500, unit: 'aircraft', sourceIds: ['sipri'] },
      }),
    );
    const all = [...bigImport, ...seeds];
    const slots = (deals: typeof seeds) =>
      unitsByService(seeds, 8, 'platforms', deals).series.map((s): [string, number] => [s.key, s.slot]);
    const alone = new Map(slots(seeds));
    const withImport = slots(all).filter(([, slot]) => slot >= 0);
    // Every seed system that keeps a slot keeps its own (the eighth pools once there are more systems).
    expect(withImport.length).toBeGreaterThanOrEqual(alone.size - 1);
    for (const [key, slot] of withImport) expect(alone.get(key)).toBe(slot);
  });

  it('are "No service split", not "Service not known", and the seeds keep theirs', () => {
    const seedRows = unitsByService(seeds).rows;
    const mixed = unitsByService([...sipri, ...seeds]).rows;
    const unsplit = mixed.find((r) => r.service === 'unsplit');
    expect(unsplit?.label).toBe('No service split');
    const sipriUnits = sipri
      .filter((d) => d.system?.category === 'combat-aircraft')
      .reduce((n, d) => n + d.quantity!.total, 0);
    expect(unsplit?.total).toBe(sipriUnits);
    // Every other row is what the seeds alone give.
    expect(mixed.filter((r) => r.service !== 'unsplit').map((r) => [r.service, r.total])).toEqual(
      seedRows.map((r) => [r.service, r.total]),
    );
  });
});
