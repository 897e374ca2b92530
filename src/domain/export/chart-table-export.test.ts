import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { SEED } from '../../../seeds/expected';
import { aggregateDashboard } from '../aggregations/dashboard';
import { filterDeals } from '../filter/filter-engine';
import type { Deal } from '../model/deal-schema';
import { parseDeals } from '../model/parse-deals';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import { dashboardChartData, type ChartData } from './chart-data';
import { chartTable, chartToCsv, chartToSheet, columnHeader } from './chart-table-export';

const seeds = parseDeals(seedRecords).deals;
const DATE = new Date(Date.UTC(2026, 11, 1));

function charts(deals: readonly Deal[], navy = false): ChartData[] {
  const view = navy ? filterDeals(deals, { service: ['navy'] }) : deals;
  const services = navy ? (['navy'] as const) : undefined;
  const figures = aggregateDashboard(view, 'USD', {
    services: services ? [...services] : undefined,
    unitsDeals: navy ? deals : undefined,
    seriesFrom: deals,
  });
  return dashboardChartData({
    figures,
    deals: view,
    unitsDeals: navy ? deals : undefined,
    currency: 'USD',
    filters: navy ? 'Service: Navy' : 'All deals',
    dataAsOf: 'Data as of Dec 2025 (newest source)',
  });
}
const byId = (list: ChartData[], id: string) => list.find((c) => c.id === id)!;

/** The CSV as a reader parses it: BOM off, rows of fields. */
function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: false });
  expect(parsed.errors).toEqual([]);
  return parsed.data.filter((row) => row.length > 1 || row[0] !== '');
}

describe('chartToCsv', () => {
  const all = charts(seeds);

  it('has a row per category with the numbers of the chart’s table, and a header saying what each counts', () => {
    for (const chart of all) {
      const rows = parse(chartToCsv(chart, DATE));
      const width = chart.table.length + 1;
      expect(rows[0]).toEqual([
        chart.synthetic ? expect.stringContaining('SYNTHETIC') : chart.categoryName,
        ...chart.table.map((c) => columnHeader(chart, c)),
      ]);
      for (const [i, category] of chart.categories.entries()) {
        const row = rows[1 + i]!;
        expect(row).toHaveLength(width);
        expect(row[0]).toBe(category);
        chart.table.forEach((column, c) => {
          const value = column.values[i];
          expect(row[1 + c]).toBe(value === null || value === undefined ? '' : String(value));
        });
      }
    }
  });

  it('gives the units chart the hand-counted totals, with planned units named as planned', () => {
    const units = byId(all, 'units-platforms');
    const rows = parse(chartToCsv(units, DATE));
    const header = rows[0]!;
    const ordered = header.findIndex((h) => h.startsWith('Ordered ('));
    expect(header[ordered]).toBe('Ordered (ordered platforms)');
    expect(header).toContain('Planned, not ordered (planned, not ordered, platforms)');
    const total = rows
      .slice(1, 1 + units.categories.length)
      .reduce((n, row) => n + Number(row[ordered] || 0), 0);
    expect(total).toBe(SEED.all.platformsOrdered);
  });

  it('leaves a value that is not known empty, never 0', () => {
    const domain = byId(all, 'by-domain');
    const known = domain.table.findIndex((c) => c.format === 'money');
    const unknownAt = domain.table[known]!.values.findIndex((v) => v === null);
    // Seeds have a domain whose every deal is of unknown value; if they ever stop having one, say so.
    expect(unknownAt, 'a domain with no known value in the seeds').toBeGreaterThanOrEqual(0);
    const rows = parse(chartToCsv(domain, DATE));
    expect(rows[1 + unknownAt]![1 + known]).toBe('');
  });

  it('says under the table what, when and from whom, and that synthetic data is synthetic', () => {
    const stages = byId(all, 'stages');
    const rows = parse(chartToCsv(stages, DATE));
    const about: Record<string, string | undefined> = Object.fromEntries(
      rows.slice(1 + stages.categories.length).map((r) => [r[0] ?? '', r[1] ?? '']),
    );
    expect(about['Chart']).toBe('Deals by lifecycle stage');
    expect(about['Filters']).toBe('All deals');
    expect(about['Data date']).toBe('Data as of Dec 2025 (newest source)');
    expect(about['Exported']).toContain('1 Dec 2026');
    expect(rows.some((r) => r[0] === 'Source' && /SIPRI/.test(r[1]!))).toBe(true);
    expect(about['SYNTHETIC DATA']).toBeUndefined();

    const synthetic = byId(charts(generateSyntheticDeals({ seed: 7, size: 60 })), 'stages');
    const made = parse(chartToCsv(synthetic, DATE));
    expect(made[0]![0]).toBe('Stage (SYNTHETIC DATA, not real deals)');
    expect(made.find((r) => r[0] === 'SYNTHETIC DATA')?.[1]).toMatch(/not real deals/);
  });

  it('neutralises a cell that a spreadsheet would run as a formula', () => {
    const stages = byId(all, 'stages');
    const hostile = { ...stages, categories: ['=HYPERLINK("http://x")', ...stages.categories.slice(1)] };
    const rows = parse(chartToCsv(hostile, DATE));
    expect(rows[1]![0]).toBe('\'=HYPERLINK("http://x")');
  });

  it('under a Navy filter says so, and the Navy row carries the Navy’s own units', () => {
    const units = byId(charts(seeds, true), 'units-platforms');
    const table = chartTable(units, DATE);
    expect(table.about).toContainEqual(['Filters', 'Service: Navy']);
    const navy = table.rows.find((r) => r[0] === 'Navy')!;
    const ordered = table.header.indexOf('Ordered (ordered platforms)');
    expect(navy[ordered]).toBe(SEED.services.navy.platformsOrdered);
  });
});

describe('chartToSheet', () => {
  it('keeps numbers as numbers, an unknown as an empty cell, and the header bold', () => {
    const domain = byId(charts(seeds), 'by-domain');
    const sheet = chartToSheet(domain, DATE);
    expect(sheet.name).toBe('Deals by domain');
    expect(sheet.rows[0]!.every((c) => c.bold)).toBe(true);
    const known = 1 + domain.table.findIndex((c) => c.format === 'money');
    for (const [i] of domain.categories.entries()) {
      const cell = sheet.rows[1 + i]![known]!;
      const value = domain.table[known - 1]!.values[i];
      if (value === null) expect(cell.value).toBeNull();
      else {
        expect(cell.value).toBe(value);
        expect(cell.format).toBe('#,##0');
      }
    }
  });

  it('names the sheet within Excel’s 31 characters and without the characters it refuses', () => {
    const units = byId(charts(seeds), 'units-platforms');
    const sheet = chartToSheet({ ...units, title: 'Units: ordered / planned [all] * by service?' }, DATE);
    expect(sheet.name.length).toBeLessThanOrEqual(31);
    expect(sheet.name).not.toMatch(/[:\\/?*[\]]/);
  });
});
