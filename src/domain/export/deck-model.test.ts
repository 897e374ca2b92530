import { describe, expect, it } from 'vitest';
import seedRecords from '../../../seeds/deals.json';
import { SEED } from '../../../seeds/expected';
import { aggregateDashboard } from '../aggregations/dashboard';
import { filterDeals } from '../filter/filter-engine';
import type { Deal } from '../model/deal-schema';
import { parseDeals } from '../model/parse-deals';
import { generateSyntheticDeals } from '../synthetic/synthetic';
import { chartSources, dashboardChartData, type ChartData } from './chart-data';
import {
  categoryPages,
  chartSpec,
  deckSlides,
  fitText,
  FOOT_BOX,
  NOTES_DEALS_MAX,
  SOURCE_SLIDES_MAX,
  SLIDE_W,
  TITLE_MAX,
  timelinePages,
  timelineShapes,
  type Briefing,
  type DeckSlide,
} from './deck-model';
import { keyFigureItems } from './key-figures';

const seeds = parseDeals(seedRecords).deals;
const DATE = new Date('2026-12-01T12:00:00Z');

/** A distinct made-up colour per key, so a test sees each key's colour arrive where it belongs. */
function coloursFor(charts: readonly ChartData[]): Record<string, string> {
  const keys = new Set<string>(['timeline:before', 'timeline:after', 'timeline:ink', 'timeline:today']);
  for (const c of charts)
    for (const s of c.series) {
      keys.add(s.colourKey);
      for (const k of s.pointColourKeys ?? []) keys.add(k);
    }
  return Object.fromEntries(
    [...keys].map((k, i) => [k, `#${(0x102030 + i * 0x010203).toString(16).toUpperCase()}`]),
  );
}

function briefingOf(deals: readonly Deal[], services?: 'navy'[], currency = 'USD'): Briefing {
  const view = services ? filterDeals(deals, { service: services }) : deals;
  const figures = aggregateDashboard(view, currency, {
    services,
    unitsDeals: services ? deals : undefined,
    seriesFrom: deals,
  });
  const charts = dashboardChartData({
    figures,
    deals: view,
    unitsDeals: services ? deals : undefined,
    currency,
    filters: services ? 'Navy' : 'All deals',
    dataAsOf: 'Data as of Dec 2025 (newest source)',
  });
  return {
    title: 'India–US defence deals',
    filters: services ? 'Navy' : 'All deals',
    dataAsOf: 'Data as of Dec 2025 (newest source)',
    synthetic: figures.synthetic,
    deals: view.length,
    keyFigures: keyFigureItems(figures.kpis, services ? { service: services } : {}),
    charts,
    colours: coloursFor(charts),
  };
}
const hex = (colour: string) => colour.slice(1).toUpperCase();
const chartSlides = (slides: DeckSlide[]) =>
  slides.filter((s): s is Extract<DeckSlide, { kind: 'chart' }> => s.kind === 'chart');

describe('chartSpec', () => {
  const briefing = briefingOf(seeds, ['navy']);
  const chart = (id: string) => briefing.charts.find((c) => c.id === id)!;

  it('stacks the units chart by system, each series in its screen colour, counts as whole numbers', () => {
    const units = chart('units-platforms');
    const spec = chartSpec(units, briefing.colours);
    expect(spec.type).toBe('bar');
    expect(spec.options.barDir).toBe('col');
    expect(spec.options.barGrouping).toBe('stacked');
    expect(spec.data.map((d) => d.name)).toEqual(units.series.map((s) => s.name));
    expect(spec.data.map((d) => d.values)).toEqual(units.series.map((s) => s.values));
    for (const d of spec.data) expect(d.labels).toEqual(units.categories);
    expect(spec.options.chartColors).toEqual(units.series.map((s) => hex(briefing.colours[s.colourKey]!)));
    expect(spec.options.valAxisLabelFormatCode).toBe('#,##0');
    expect(spec.options.showLegend).toBe(true);
    expect(spec.options.valAxisTitle).toBe('Ordered platforms');
    // The Navy's stack reaches its key figure.
    const navy = units.categories.indexOf('Navy');
    expect(spec.data.reduce((n, d) => n + (d.values[navy] ?? 0), 0)).toBe(
      SEED.services.navy.platformsOrdered,
    );
  });

  it('colours the featured split and the lifecycle bar by bar, as the screen does', () => {
    const mq9b = chart('featured-allocation');
    const spec = chartSpec(mq9b, briefing.colours);
    expect(spec.options.barGrouping).toBe('clustered');
    expect(spec.options.chartColors).toEqual(
      mq9b.series[0]!.pointColourKeys!.map((k) => hex(briefing.colours[k]!)),
    );
    expect(spec.data[0]!.values).toEqual([SEED.mq9b.navy, SEED.mq9b.army, SEED.mq9b.airForce]);
    expect(spec.options.showValue).toBe(true);
    const stages = chartSpec(chart('stages'), briefing.colours);
    expect(stages.options.barDir).toBe('bar');
    // First stage on top, as on screen.
    expect(stages.options.catAxisOrientation).toBe('maxMin');
    expect(stages.options.chartColors).toHaveLength(chart('stages').categories.length);
    expect(new Set(stages.options.chartColors).size).toBe(2);
  });

  it('writes dollars in the compact money form and charts rupees in crore', () => {
    const usd = chartSpec(chart('value-by-year'), briefing.colours);
    expect(usd.options.valAxisLabelFormatCode).toContain('" bn"');
    expect(usd.options.dataLabelFormatCode).toBe(usd.options.valAxisLabelFormatCode);
    expect(usd.scale).toBe(1);
    expect(usd.options.valAxisTitle).toBe('US dollars');
    const inr = briefingOf(seeds, undefined, 'INR').charts.find((c) => c.id === 'value-by-year')!;
    const spec = chartSpec(inr, briefing.colours);
    expect(spec.scale).toBe(1e-7);
    expect(spec.options.valAxisTitle).toBe('₹ crore');
    expect(spec.options.valAxisLabelFormatCode).toContain('cr');
    inr.series.forEach((s, i) =>
      s.values.forEach((v, j) => expect(spec.data[i]!.values[j]).toBeCloseTo((v ?? 0) * 1e-7, 6)),
    );
  });

  it('draws a line chart as a line, a series per line in its colour', () => {
    const value = chart('value-by-year');
    const spec = chartSpec({ ...value, kind: 'line' }, briefing.colours);
    expect(spec.type).toBe('line');
    expect(spec.options.barGrouping).toBe('clustered');
    expect(spec.data).toHaveLength(value.series.length);
    expect(spec.options.chartColors).toEqual(value.series.map((s) => hex(briefing.colours[s.colourKey]!)));
  });

  it('leaves an unknown figure a gap, never a bar of 0', () => {
    const unknown: ChartData = {
      ...chart('featured-allocation'),
      series: [{ key: 'units', name: 'Units', colourKey: 'service:navy', values: [5, null, 3] }],
    };
    expect(chartSpec(unknown, briefing.colours).data[0]!.values).toEqual([5, null, 3]);
    expect(chartSpec(unknown, briefing.colours).options.displayBlanksAs).toBe('gap');
  });
});

describe('a long axis and long text', () => {
  const base = briefingOf(seeds).charts.find((c) => c.id === 'by-kind')!;
  const many = (n: number, label = (i: number) => `Kind ${i + 1}`): ChartData => ({
    ...base,
    kind: 'bar',
    categories: Array.from({ length: n }, (_, i) => label(i)),
    series: [
      { key: 'count', name: 'Deals', colourKey: 'breakdown', values: Array.from({ length: n }, (_, i) => i) },
    ],
    sources: Array.from({ length: n }, (_, i) => ({ category: label(i), sources: [] })),
  });

  it('splits a chart of many categories over slides, each with smaller labels than a short one', () => {
    const chart = many(60);
    const pages = categoryPages(chart);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap(([a, b]) => Array.from({ length: b - a }, (_, i) => a + i))).toEqual(
      chart.categories.map((_, i) => i),
    );
    const briefing = { ...briefingOf(seeds), charts: [chart] };
    const slides = chartSlides(deckSlides(briefing, DATE));
    expect(slides).toHaveLength(pages.length);
    expect(slides[0]!.title).toMatch(/\(1 of \d\)$/);
    for (const s of slides) expect(s.spec.data[0]!.labels.length).toBeLessThanOrEqual(24);
    const small = chartSpec(many(4), briefing.colours);
    expect(slides[0]!.spec.options.catAxisLabelFontSize).toBeLessThan(small.options.catAxisLabelFontSize);
  });

  it('cuts long category labels and titles, and strips what would break the file', () => {
    const long = 'A very long system name that goes on and on '.repeat(10);
    const chart = { ...many(5, (i) => `${long}${i}`), title: `\u0000Title\u202e ${long}` };
    const spec = chartSpec(chart, {});
    for (const label of spec.data[0]!.labels) expect(label.length).toBeLessThanOrEqual(28);
    const slide = chartSlides(deckSlides({ ...briefingOf(seeds), charts: [chart] }, DATE))[0]!;
    expect(slide.title.length).toBeLessThanOrEqual(TITLE_MAX);
    expect(slide.title.includes('\u0000') || slide.title.includes('\u202e')).toBe(false);
    expect(slide.notes).toContain('Title');
  });

  it('fits text to its box: a smaller size for more words, cut only at the smallest', () => {
    const short = fitText('Key figures', 12, 0.8, 26, 16);
    expect(short.size).toBe(26);
    const paragraph = fitText('word '.repeat(80), 6, 0.6, 14, 8);
    expect(paragraph.size).toBeLessThan(14);
    expect(paragraph.size).toBeGreaterThanOrEqual(8);
    const huge = fitText('word '.repeat(5000), 6, 0.6, 14, 8);
    expect(huge.size).toBe(8);
    expect(huge.text.length).toBeLessThan(5000);
    expect(huge.text.endsWith('…')).toBe(true);
  });
});

describe('deckSlides', () => {
  const briefing = briefingOf(seeds, ['navy']);
  const slides = deckSlides(briefing, DATE);

  it('opens with the title and key figures, a slide per chart, the timeline as shapes, sources last', () => {
    expect(slides[0]!.kind).toBe('title');
    expect(slides[1]!.kind).toBe('figures');
    const charts = briefing.charts.filter((c) => c.kind !== 'timeline');
    expect(chartSlides(slides).map((s) => s.chartId)).toEqual(charts.map((c) => c.id));
    const timeline = briefing.charts.find((c) => c.kind === 'timeline')!;
    expect(slides.filter((s) => s.kind === 'timeline')).toHaveLength(timelinePages(timeline).length);
    expect(slides.at(-1)!.kind).toBe('sources');
    const figures = slides[1] as Extract<DeckSlide, { kind: 'figures' }>;
    expect(figures.figures.map((f) => f.label)).toEqual(briefing.keyFigures.map((f) => f.label));
    expect(figures.figures[0]!.value).toBe(String(SEED.services.navy.deals));
  });

  it('lists every source of a chart in its speaker notes, and every source once at the end', () => {
    for (const slide of chartSlides(slides)) {
      const chart = briefing.charts.find((c) => c.id === slide.chartId)!;
      for (const ref of chartSources(chart)) {
        expect(slide.notes).toContain(ref.publisher);
        expect(slide.notes).toContain(ref.title);
      }
    }
    const listed = slides.flatMap((s) => (s.kind === 'sources' ? s.items : []));
    // Each source once, however many deals cite it.
    const all = new Set(
      briefing.charts.flatMap(chartSources).map((r) => `${r.publisher}/${r.title}/${r.url}`),
    );
    expect(listed).toHaveLength(all.size);
    for (const ref of briefing.charts.flatMap(chartSources))
      expect({
        ref: ref.publisher,
        listed: listed.some((i) => i.text.startsWith(ref.publisher.slice(0, 50))),
      }).toEqual({ ref: ref.publisher, listed: true });
  });

  it('never links an address that is not http(s)', () => {
    const hostile = seeds.map((d) =>
      d.id === SEED.mq9b.id
        ? { ...d, sources: d.sources.map((s, i) => (i === 0 ? { ...s, url: 'javascript:alert(1)' } : s)) }
        : d,
    );
    const items = deckSlides(briefingOf(hostile), DATE).flatMap((s) => (s.kind === 'sources' ? s.items : []));
    const bad = items.filter((i) => i.address?.startsWith('javascript:'));
    expect(bad).toHaveLength(1);
    expect(bad[0]!.url).toBeUndefined();
    for (const item of items) if (item.url) expect(item.url).toMatch(/^https?:\/\//);
  });

  it('says synthetic data on the title slide and every slide’s source line', () => {
    const synthetic = deckSlides({ ...briefing, synthetic: true }, DATE);
    expect(synthetic[0]).toMatchObject({ kind: 'title', synthetic: true });
    for (const s of synthetic.slice(1))
      if ('source' in s) expect(s.source.startsWith('SYNTHETIC DATA')).toBe(true);
    for (const s of slides.slice(1)) if ('source' in s) expect(s.source).not.toMatch(/synthetic/i);
  });

  it('keeps every timeline shape on the slide, above the source line', () => {
    const timeline = briefingOf(seeds).charts.find((c) => c.kind === 'timeline')!;
    const pages = timelinePages(timeline);
    expect(pages.length).toBeGreaterThan(1);
    for (const range of pages) {
      const shapes = timelineShapes(timeline, briefing.colours, range);
      expect(shapes.filter((s) => s.type === 'text' && s.align === 'right')).toHaveLength(
        range[1] - range[0],
      );
      for (const s of shapes) {
        expect(s.x).toBeGreaterThanOrEqual(0);
        expect(s.x + s.w).toBeLessThanOrEqual(SLIDE_W);
        expect(s.y).toBeGreaterThanOrEqual(1.5);
        expect(s.y + s.h).toBeLessThanOrEqual(FOOT_BOX.y);
      }
    }
  });

  it('keeps a deck of thousands of deals to notes and source slides a reader can use', () => {
    const big = briefingOf(generateSyntheticDeals({ size: 3_000 }));
    const slides = deckSlides(big, DATE);
    for (const slide of chartSlides(slides)) expect(slide.notes.length).toBeLessThan(150_000);
    const lifecycle = chartSlides(slides).find((s) => s.chartId === 'stages')!;
    expect(lifecycle.notes).toMatch(/more deals: each deal's sources are on its page/);
    // 250 distinct sources: the last of the allowed slides says how many more there are.
    const refs = Array.from({ length: 250 }, (_, i) => ({
      dealId: `d${i}`,
      dealTitle: `Deal ${i}`,
      id: `s${i}`,
      publisher: `Publisher ${i}`,
      title: `Report ${i}`,
    }));
    const chart = { ...big.charts[0]!, sources: [{ category: 'Navy', sources: refs }] };
    const sources = deckSlides({ ...big, charts: [chart] }, DATE).filter((s) => s.kind === 'sources');
    expect(sources).toHaveLength(SOURCE_SLIDES_MAX);
    const last = sources.at(-1)!;
    expect(last.kind === 'sources' && last.items.at(-1)!.text).toMatch(/and \d+ more sources/);
    expect(NOTES_DEALS_MAX).toBeGreaterThan(0);
  });
});
