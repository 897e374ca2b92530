import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { SEED } from '../../../seeds/expected';
import type { Deal } from '../model/deal-schema';
import { filterDeals } from '../filter/filter-engine';
import { FACET_KEYS, type DealFilter, type FacetKey } from '../filter/filter-model';
import { parseDeals } from '../model/parse-deals';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import { SERVICE_FILTER_VALUES, UNIT_FAMILIES, type ServiceFilterValue } from '../model/vocabulary';
import { aggregateDashboard } from './dashboard';
import { overlapsOn, type KeyFigure } from './figure-rules';
import { kpis, type Kpis } from './kpis';
import { unitsByService } from './units-by-service';
import { valueByYear } from './value-by-year';

const seeds = parseDeals(seedRecords).deals;

/** The dashboard as the app computes it for a filter: units chart over the view without its service filter. */
function dashboardFor(filter: DealFilter) {
  const deals = filterDeals(seeds, filter);
  const unitsDeals = filter.service ? filterDeals(seeds, { ...filter, service: undefined }) : deals;
  return aggregateDashboard(deals, 'USD', { services: filter.service, unitsDeals, seriesFrom: seeds });
}

const bar = (figures: ReturnType<typeof dashboardFor>, family: 'platforms' | 'engines', service: string) =>
  figures.units[family].rows.find((r) => r.service === service);

describe('every key figure and chart under each service filter, as counted by hand from the seeds', () => {
  const cases = [
    { service: 'navy', expected: SEED.services.navy },
    { service: 'army', expected: SEED.services.army },
    { service: 'air-force', expected: SEED.services['air-force'] },
  ] as const;

  it.each(cases)(
    '$service: deals, units ordered and planned, and the chart agrees',
    ({ service, expected }) => {
      const figures = dashboardFor({ service: [service] });
      expect(figures.kpis.deals).toBe(expected.deals);
      expect(figures.kpis.unitsOrdered.platforms).toBe(expected.platformsOrdered);
      expect(figures.kpis.unitsPlanned.platforms).toBe(expected.platformsPlanned);
      expect(figures.kpis.unitsOrdered.engines).toBe(expected.enginesOrdered);
      // The chart's bar for the service is the key figure, ordered units only.
      expect(bar(figures, 'platforms', service)?.total ?? 0).toBe(expected.platformsOrdered);
      expect(bar(figures, 'platforms', service)?.planned ?? 0).toBe(expected.platformsPlanned);
      expect(bar(figures, 'engines', service)?.total ?? 0).toBe(expected.enginesOrdered);
    },
  );

  it('Navy shows the P-8I and MH-60R deals, and Navy + Completed the lease and both P-8I', () => {
    expect(filterDeals(seeds, { service: ['navy'] }).map((d) => d.id)).toEqual(SEED.services.navy.dealIds);
    expect(filterDeals(seeds, { service: ['navy'], status: ['completed'] })).toHaveLength(
      SEED.services.navy.completedDeals,
    );
  });

  it('credits the Navy with 15 of the MQ-9B’s 31, and its share of the value pro rata, marked as derived', () => {
    const mq9b = seeds.filter((d) => d.id === SEED.mq9b.id);
    expect(kpis(mq9b, ['navy']).unitsOrdered.platforms).toBe(SEED.mq9b.navy);
    expect(kpis(mq9b, ['army']).unitsOrdered.platforms).toBe(SEED.mq9b.army);
    expect(kpis(mq9b, ['air-force']).unitsOrdered.platforms).toBe(SEED.mq9b.airForce);
    // The whole deal's value stays the value "of deals with a Navy share"; the share is apart.
    const navy = kpis(filterDeals(seeds, { service: ['navy'] }), ['navy']);
    expect(navy.share?.usd).toBeCloseTo(SEED.navyShareUsd, 0);
    expect(navy.signedUsd).toBeGreaterThan(navy.share!.usd);
  });

  it('counts deals tied to no service under "Service not known", never drops them', () => {
    const figures = dashboardFor({ service: ['unknown'] });
    expect(figures.kpis.deals).toBe(SEED.services.unknown.deals);
    expect(figures.kpis.unitsPlanned.munitions).toBe(SEED.services.unknown.munitionsPlanned);
    expect(figures.kpis.unitsOrdered.munitions).toBe(0);
    expect(bar(dashboardFor({}), 'platforms', 'unknown')).toBeUndefined();
    expect(dashboardFor({}).units.munitions.rows).toEqual([
      expect.objectContaining({
        service: 'unknown',
        total: 0,
        planned: SEED.services.unknown.munitionsPlanned,
      }),
    ]);
  });

  it('unfiltered: ordered and planned units per family, the chart’s bars adding up to the key figure', () => {
    const figures = dashboardFor({});
    for (const family of UNIT_FAMILIES) {
      expect(figures.kpis.unitsOrdered[family]).toBe(SEED.all[`${family}Ordered`]);
      expect(figures.kpis.unitsPlanned[family]).toBe(SEED.all[`${family}Planned`]);
      const chart = figures.units[family];
      expect(chart.rows.reduce((sum, r) => sum + r.total, 0)).toBe(SEED.all[`${family}Ordered`]);
      expect(chart.plannedUnits).toBe(SEED.all[`${family}Planned`]);
    }
    // The F414 MoU's 99 engines are planned, not ordered, and never among the platforms.
    expect(bar(figures, 'engines', 'air-force')).toMatchObject({
      total: SEED.services['air-force'].enginesOrdered,
      planned: SEED.services['air-force'].enginesPlanned,
    });
    expect(figures.units.platforms.dealsWithoutQuantity).toBe(SEED.dealsWithoutQuantity);
  });
});

describe('the key figures and the units chart under status and kind filters', () => {
  it.each([
    {
      filter: { status: ['completed'] },
      deals: SEED.completedDeals,
      platforms: SEED.completedPlatforms,
      enginesPlanned: 0,
    },
    {
      filter: { kind: ['mou'] },
      deals: SEED.mou.deals,
      platforms: 0,
      enginesPlanned: SEED.mou.enginesPlanned,
    },
    {
      filter: { kind: ['lease'] },
      deals: SEED.lease.deals,
      platforms: SEED.lease.platformsOrdered,
      enginesPlanned: 0,
    },
  ] as { filter: DealFilter; deals: number; platforms: number; enginesPlanned: number }[])(
    '$filter: deals, ordered platforms and planned engines, the chart agreeing with the key figure',
    ({ filter, deals, platforms, enginesPlanned }) => {
      const figures = dashboardFor(filter);
      expect(figures.kpis.deals).toBe(deals);
      expect(figures.kpis.unitsOrdered.platforms).toBe(platforms);
      expect(figures.kpis.unitsPlanned.engines).toBe(enginesPlanned);
      expect(figures.units.platforms.rows.reduce((sum, r) => sum + r.total, 0)).toBe(platforms);
      expect(figures.units.engines.plannedUnits).toBe(enginesPlanned);
    },
  );
});

describe('stable series', () => {
  it('a system keeps its series slot (its colour) in every view', () => {
    const slots = (filter: DealFilter) =>
      new Map(dashboardFor(filter).units.platforms.series.map((s) => [s.key, s.slot]));
    const whole = slots({});
    for (const filter of [{ service: ['navy' as const] }, { status: ['completed' as const] }, { q: 'MQ-9B' }])
      for (const [key, slot] of slots(filter)) expect([key, slot]).toEqual([key, whole.get(key)]);
    expect(slots({ service: ['navy'] }).get('MQ-9B')).toBe(whole.get('MQ-9B'));
  });
});

describe('continuous years', () => {
  it('keeps empty years on the value axis, with no deals and no value', () => {
    const years = valueByYear(seeds, 'USD').years;
    expect(years[0]!.year).toBe(SEED.valueYears.first);
    expect(years.at(-1)!.year).toBe(SEED.valueYears.last);
    expect(years.map((y) => y.year)).toEqual(
      Array.from(
        { length: SEED.valueYears.last - SEED.valueYears.first + 1 },
        (_, i) => SEED.valueYears.first + i,
      ),
    );
    expect(years.find((y) => y.year === SEED.valueYears.emptyYear)).toMatchObject({ dealCount: 0, total: 0 });
  });
});

// Each key figure by the name docs/figures.md gives it, units per family.
const READERS: [KeyFigure, string, (k: Kpis) => number][] = [
  ['deals', 'deals', (k) => k.deals],
  ['signedValue', 'signed US$', (k) => k.signedUsd],
  ...UNIT_FAMILIES.flatMap((f): [KeyFigure, string, (k: Kpis) => number][] => [
    ['unitsOrdered', `${f} ordered`, (k) => k.unitsOrdered[f]],
    ['unitsPlanned', `${f} planned`, (k) => k.unitsPlanned[f]],
  ]),
  ['serviceShare', 'service share US$', (k) => k.share?.usd ?? k.signedUsd],
];

/** Every value the facet takes in the list (every service value, "unknown" included). */
function valuesOf(deals: readonly Deal[], facet: FacetKey): string[] {
  const of: Record<FacetKey, (d: Deal) => readonly string[]> = {
    status: (d) => [d.status],
    kind: (d) => [d.kind],
    domain: (d) => d.domains,
    service: () => SERVICE_FILTER_VALUES,
    category: (d) => (d.system ? [d.system.category] : []),
    system: (d) => (d.system ? [d.system.name] : []),
    route: (d) => d.routes,
    supplier: (d) => d.supplierCountries,
    buyer: (d) => d.buyerCountries,
    party: (d) => d.parties.map((p) => p.name),
    origin: (d) => [d.origin ? d.origin.format.split('-')[0]! : d.synthetic ? 'generated' : 'tracker'],
  };
  return [...new Set(deals.flatMap(of[facet]))];
}

describe('a figure summed over a facet’s values never exceeds the whole unless it is marked as overlapping', () => {
  const pool = [...seeds, ...generateSyntheticDeals({ size: 300, seed: 7 })];

  it('on the seeds, the MQ-9B makes deals per service overlap and is marked so', () => {
    const perService = (['navy', 'army', 'air-force', 'unknown'] as const).map((s) =>
      kpis(filterDeals(seeds, { service: [s] }), [s]),
    );
    expect(perService.reduce((n, k) => n + k.deals, 0)).toBeGreaterThan(SEED.deals);
    expect(overlapsOn('deals', 'service')).toBe(true);
    expect(perService.reduce((n, k) => n + k.unitsOrdered.platforms, 0)).toBe(SEED.all.platformsOrdered);
    expect(overlapsOn('unitsOrdered', 'service')).toBe(false);
  });

  it('on any pick of deals, for every facet and figure', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(pool.length - 1), { maxLength: 80 }), (picks) => {
        const deals = picks.map((i) => pool[i]!);
        const whole = kpis(deals);
        for (const facet of FACET_KEYS) {
          const parts = valuesOf(deals, facet).map((value) =>
            kpis(
              filterDeals(deals, { [facet]: [value] }),
              facet === 'service' ? [value as ServiceFilterValue] : undefined,
            ),
          );
          for (const [figure, name, read] of READERS) {
            if (overlapsOn(figure, facet)) continue;
            const sum = parts.reduce((total, k) => total + read(k), 0);
            expect(sum, `${name} over ${facet}`).toBeLessThanOrEqual(read(whole) * (1 + 1e-9) + 1e-6);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('units of different kinds are charted apart', () => {
  it('the platforms chart holds no engine and the engines chart no aircraft', () => {
    const platforms = unitsByService(seeds, 8, 'platforms').series.map((s) => s.key);
    const engines = unitsByService(seeds, 8, 'engines').series.map((s) => s.key);
    expect(platforms).toContain('MQ-9B');
    expect(platforms).not.toContain('F404');
    expect(engines).toEqual(['F404']);
  });
});
