import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import seedRecords from '../../../../seeds/deals.json';
import { SEED } from '../../../../seeds/expected';
import { aggregateDashboard, filterDeals, parseDeals, type Deal } from '../../../domain';
import { dashboardChartData } from '../../../domain/export/chart-data';
import { deckSlides, deckText, type Briefing } from '../../../domain/export/deck-model';
import { describeChart } from '../../../domain/export/describe-chart';
import { keyFigureItems } from '../../../domain/export/key-figures';
import { chartColours } from '../../../features/dashboard/chart-colours';
import { writeDeck } from './write-deck';

const seeds = parseDeals(seedRecords).deals;
const DATE = new Date('2026-12-01T12:00:00Z');

function navyBriefing(deals: readonly Deal[]): Briefing {
  const view = filterDeals(deals, { service: ['navy'] });
  const figures = aggregateDashboard(view, 'USD', {
    services: ['navy'],
    unitsDeals: deals,
    seriesFrom: deals,
  });
  const charts = dashboardChartData({
    figures,
    deals: view,
    unitsDeals: deals,
    currency: 'USD',
    filters: 'Service: Navy',
    dataAsOf: 'Data as of Dec 2025 (newest source)',
  });
  return {
    title: 'India–US defence deals',
    filters: 'Service: Navy',
    dataAsOf: 'Data as of Dec 2025 (newest source)',
    synthetic: false,
    deals: view.length,
    keyFigures: keyFigureItems(figures.kpis, { service: ['navy'] }),
    charts,
    colours: chartColours(charts),
  };
}

async function unzip(briefing: Briefing) {
  const { blob, slides } = await writeDeck(briefing, DATE);
  const files = Object.fromEntries(
    Object.entries(unzipSync(new Uint8Array(await blob.arrayBuffer()))).map(([k, v]) => [k, strFromU8(v)]),
  );
  const malformed = Object.entries(files)
    .filter(([name]) => /\.(xml|rels)$/.test(name))
    .filter(
      ([, xml]) =>
        new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('parsererror').length >
        0,
    )
    .map(([name]) => name);
  return { files, slides, malformed };
}
const parts = (files: Record<string, string>, pattern: RegExp) =>
  Object.keys(files).filter((f) => pattern.test(f));

describe('writeDeck', () => {
  it('writes the planned slides, a chart part per chart slide, each chart described for screen readers', async () => {
    const briefing = navyBriefing(seeds);
    const plan = deckSlides(briefing, DATE);
    const { files, slides, malformed } = await unzip(briefing);
    expect(malformed).toEqual([]);
    expect(slides).toBe(plan.length);
    expect(parts(files, /^ppt\/slides\/slide\d+\.xml$/)).toHaveLength(plan.length);
    expect(parts(files, /^ppt\/charts\/chart\d+\.xml$/)).toHaveLength(
      plan.filter((s) => s.kind === 'chart').length,
    );
    const slideXml = parts(files, /^ppt\/slides\/slide\d+\.xml$/).map((f) => files[f]!);
    const descriptions = slideXml.flatMap((xml) =>
      [...new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagName('p:cNvPr')]
        .map((e) => e.getAttribute('descr'))
        .filter((d): d is string => Boolean(d)),
    );
    for (const chart of briefing.charts.filter((c) => c.kind !== 'timeline'))
      expect(descriptions).toContain(deckText(describeChart(chart)));
    expect(descriptions.some((d) => d.includes(`Navy ${SEED.mq9b.navy}`))).toBe(true);
  });

  it('keeps a hostile title and a javascript: address from breaking the file or becoming a link', async () => {
    const hostile = seeds.map((d) =>
      d.id === SEED.mq9b.id
        ? {
            ...d,
            title: 'MQ-9B \u0000<script>alert(1)</script> & \u202eevil\u0007',
            sources: d.sources.map((s, i) => (i === 0 ? { ...s, url: 'javascript:alert(1)' } : s)),
          }
        : d,
    );
    const { files, malformed } = await unzip(navyBriefing(hostile));
    expect(malformed).toEqual([]);
    const all = Object.values(files).join('\n');
    expect(all).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const bad = Object.entries(files)
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .filter(([, xml]) => xml.includes('\u0000') || xml.includes('\u202e') || xml.includes('\u0007'))
      .map(([name]) => name);
    expect(bad).toEqual([]);
    const targets = parts(files, /_rels\/.*\.rels$/).flatMap((f) =>
      [...files[f]!.matchAll(/Target="([^"]*)"/g)].map((m) => m[1]!),
    );
    expect(targets.filter((t) => /^javascript:/i.test(t))).toEqual([]);
    // Shown as text on the sources slide, not dropped.
    expect(all).toContain('javascript:alert(1)');
  });
});
