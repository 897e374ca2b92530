/**
 * The briefing deck as a plan of slides, pure: which slides, which native chart (type, series arrays,
 * colours, number formats, axis titles) each chart becomes, the timeline as shapes, the speaker notes
 * and the sources. The writer (`src/components/chart-export/pptx/`) only hands this to pptxgenjs, so
 * every decision here is unit-tested without it. Sizes are in inches on a 16:9 slide.
 */
import { clampLabel } from '../text/clamp-text';
import { safeExternalUrl } from '../text/safe-url';
import { plainText } from '../text/text-safety';
import { formatExportDate } from './export-names';
import type { KeyFigureItem } from './key-figures';
import { chartSources, uniqueSources, type ChartData, type SourceRef } from './chart-data';
import { describeChart } from './describe-chart';

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
export const MARGIN = 0.5;
const CONTENT_W = SLIDE_W - 2 * MARGIN;
/** Where a chart slide's drawing sits: below the title and subtitle, above the source line. */
export const CHART_BOX = { x: MARGIN, y: 1.55, w: CONTENT_W, h: 4.6 } as const;
/** What the card says under the chart (what is not drawn, what overlaps), between chart and foot. */
export const NOTE_BOX = { x: MARGIN, y: 6.17, w: CONTENT_W, h: 0.45 } as const;
export const FOOT_BOX = { x: MARGIN, y: 6.62, w: CONTENT_W, h: 0.62 } as const;

/** Everything the deck says, gathered by the page that offers it. */
export interface Briefing {
  title: string;
  filters: string;
  dataAsOf: string;
  synthetic: boolean;
  /** The rights lines of imported data in view ("(c) SIPRI"), on every slide's foot; empty when none. */
  rights?: string;
  deals: number;
  keyFigures: KeyFigureItem[];
  charts: ChartData[];
  /** Colour key → `#RRGGBB`, the fills the screen draws (`chartColours` in the dashboard). */
  colours: Record<string, string>;
}

export interface DeckSeries {
  name: string;
  labels: string[];
  /** Null where the figure is not known: PowerPoint leaves a gap, never a bar of 0. */
  values: (number | null)[];
}

/** The options handed to pptxgenjs' `addChart`, named as it names them. */
export interface DeckChartOptions {
  barDir: 'col' | 'bar';
  barGrouping: 'clustered' | 'stacked';
  /** Hex without '#': per series, or per bar for a chart of one series coloured bar by bar. */
  chartColors: string[];
  valAxisLabelFormatCode: string;
  valLabelFormatCode: string;
  dataLabelFormatCode: string;
  showValue: boolean;
  dataLabelPosition?: 'outEnd' | 'ctr';
  showLegend: boolean;
  legendPos: 'b' | 'r';
  showCatAxisTitle: boolean;
  catAxisTitle: string;
  showValAxisTitle: boolean;
  valAxisTitle: string;
  catAxisLabelFontSize: number;
  valAxisLabelFontSize: number;
  dataLabelFontSize: number;
  legendFontSize: number;
  /** Horizontal bars list the first category on top, as the screen does. */
  catAxisOrientation: 'minMax' | 'maxMin';
  valAxisMinVal: number;
  displayBlanksAs: 'gap';
  altText: string;
}

export interface DeckChartSpec {
  type: 'bar' | 'line';
  data: DeckSeries[];
  options: DeckChartOptions;
  /** What the chart's values were multiplied by (rupees are charted in crore). */
  scale: number;
}

export type DeckShape =
  | {
      type: 'rect' | 'diamond' | 'ellipse';
      x: number;
      y: number;
      w: number;
      h: number;
      fill: string;
      /** 0 opaque … 100 clear. */
      transparency?: number;
      line?: string;
      dashed?: boolean;
    }
  | {
      type: 'line';
      x: number;
      y: number;
      w: number;
      h: number;
      line: string;
      dashed?: boolean;
      width: number;
    }
  | {
      type: 'text';
      x: number;
      y: number;
      w: number;
      h: number;
      text: string;
      size: number;
      colour: string;
      align: 'left' | 'right' | 'center';
      bold?: boolean;
    };

interface SlideText {
  title: string;
  subtitle: string;
  /** The card's notes under the chart, in one line or two. */
  note: string;
  /** The line at the foot: synthetic, sources in short, data date, filters. */
  source: string;
  notes: string;
}

export type DeckSlide =
  | { kind: 'title'; title: string; lines: string[]; synthetic: boolean }
  | { kind: 'figures'; title: string; figures: KeyFigureItem[]; source: string }
  | ({ kind: 'chart'; chartId: string; spec: DeckChartSpec } & SlideText)
  | ({ kind: 'timeline'; chartId: string; shapes: DeckShape[] } & SlideText)
  | { kind: 'sources'; title: string; items: SourceItem[]; source: string };

/** A source on the sources slide: who, what, when, for which deal; its address, linked only if http(s). */
export interface SourceItem {
  text: string;
  address?: string;
  url?: string;
}

/** Text for a slide: no control character XML forbids, no bidi control to reorder the slide's words. */
export const deckText = (value: string): string => plainText(value);

/** Titles and labels cut to what their box holds; the notes carry them in full. */
export const TITLE_MAX = 110;
export const SUBTITLE_MAX = 260;
const hex = (colour: string) => colour.replace(/^#/, '').toUpperCase();

/** Most categories one chart slide holds; more go over several slides. */
export function categoriesPerSlide(chart: ChartData): number {
  return chart.kind === 'horizontal-bar' ? 14 : 24;
}

/** Smaller labels for more categories, so none overlaps its neighbour. */
export function categoryFontSize(count: number): number {
  if (count <= 8) return 14;
  if (count <= 14) return 12;
  if (count <= 20) return 10;
  return 9;
}

/** Longest a category label runs: a horizontal bar's label has the slide's left part to itself. */
export function categoryLabelMax(chart: ChartData, count: number): number {
  if (chart.kind === 'horizontal-bar') return 40;
  return count <= 8 ? 28 : 14;
}

/** Excel number formats matching the screen's: whole counts, money in the compact form ("$4.0 bn"). */
export function numberFormat(chart: ChartData): { code: string; scale: number; axisTitle: string } {
  if (chart.valueFormat === 'count') return { code: '#,##0', scale: 1, axisTitle: capitalise(chart.unit) };
  if (chart.currency === 'INR') return { code: '"₹"#,##0" cr"', scale: 1e-7, axisTitle: '₹ crore' };
  return {
    code: '[>=1000000000]$#,##0.0,,," bn";[>=1000000]$#,##0,," m";$#,##0',
    scale: 1,
    axisTitle: 'US dollars',
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function colourOf(colours: Record<string, string>, key: string): string {
  return hex(colours[key] ?? '#999999');
}

/** The category ranges of a chart's slides: all on one, or in runs of `categoriesPerSlide`. */
export function categoryPages(chart: ChartData): [number, number][] {
  const per = categoriesPerSlide(chart);
  const n = chart.categories.length;
  if (n <= per) return [[0, n]];
  const pages = Math.ceil(n / per);
  const size = Math.ceil(n / pages);
  return Array.from({ length: pages }, (_, i): [number, number] => [i * size, Math.min(n, (i + 1) * size)]);
}

/**
 * One chart slide's native chart: bar (vertical, or horizontal for the lifecycle and breakdowns),
 * stacked where the screen stacks, or line; the screen's series in its order and colours, its
 * category labels, and number formats in the screen's form.
 */
export function chartSpec(
  chart: ChartData,
  colours: Record<string, string>,
  range: [number, number] = [0, chart.categories.length],
): DeckChartSpec {
  const [from, to] = range;
  const count = to - from;
  const format = numberFormat(chart);
  const labelMax = categoryLabelMax(chart, count);
  const labels = chart.categories.slice(from, to).map((c) => clampLabel(deckText(c), labelMax));
  const data = chart.series.map((s): DeckSeries => ({
    name: clampLabel(deckText(s.name), 48),
    labels,
    values: s.values
      .slice(from, to)
      .map((v) => (v === null ? null : format.scale === 1 ? v : v * format.scale)),
  }));
  const single = chart.series.length === 1 ? chart.series[0] : undefined;
  const pointColours = single?.pointColourKeys?.slice(from, to).map((k) => colourOf(colours, k));
  const chartColors =
    pointColours && pointColours.length > 1
      ? pointColours
      : chart.series.map((s) => colourOf(colours, s.colourKey));
  const stacked = chart.kind === 'stacked-bar';
  const horizontal = chart.kind === 'horizontal-bar';
  const size = categoryFontSize(count);
  return {
    type: chart.kind === 'line' ? 'line' : 'bar',
    data,
    scale: format.scale,
    options: {
      barDir: horizontal ? 'bar' : 'col',
      barGrouping: stacked ? 'stacked' : 'clustered',
      chartColors,
      valAxisLabelFormatCode: format.code,
      valLabelFormatCode: format.code,
      dataLabelFormatCode: format.code,
      // A stack's segments would crowd; its parts are in the legend and the notes.
      showValue: !stacked,
      ...(stacked ? {} : { dataLabelPosition: 'outEnd' as const }),
      showLegend: chart.series.length > 1,
      legendPos: 'b',
      showCatAxisTitle: true,
      catAxisTitle: deckText(chart.categoryName),
      showValAxisTitle: true,
      valAxisTitle: clampLabel(deckText(format.axisTitle), 60),
      catAxisLabelFontSize: size,
      valAxisLabelFontSize: 12,
      dataLabelFontSize: Math.min(12, size),
      legendFontSize: chart.series.length > 6 ? 10 : 12,
      catAxisOrientation: horizontal ? 'maxMin' : 'minMax',
      valAxisMinVal: 0,
      displayBlanksAs: 'gap',
      altText: deckText(describeChart(chart)),
    },
  };
}

function sourceText(ref: SourceRef): string {
  return deckText(
    `${ref.publisher}, “${ref.title}”${ref.date ? ` (${ref.date})` : ''}${ref.url ? ` ${ref.url}` : ''}`,
  );
}

/**
 * The speaker notes: the description, what the card says under the chart, and per category every
 * source behind its figure.
 */
export function speakerNotes(chart: ChartData): string {
  const lines = [deckText(chart.title), '', deckText(describeChart(chart)), '', 'Sources of each figure:'];
  for (const figure of chart.sources) {
    if (figure.sources.length === 0) {
      lines.push(`• ${deckText(figure.category)}: no deal, no source.`);
      continue;
    }
    lines.push(`• ${deckText(figure.category)}:`);
    // A bar of thousands of deals would make notes of megabytes: the first deals' sources, then a count.
    const deals = [...new Set(figure.sources.map((r) => r.dealId))];
    const shown = new Set(deals.slice(0, NOTES_DEALS_MAX));
    for (const ref of figure.sources)
      if (shown.has(ref.dealId)) lines.push(`   – ${deckText(ref.dealTitle)}: ${sourceText(ref)}`);
    if (deals.length > shown.size)
      lines.push(
        `   – and ${(deals.length - shown.size).toLocaleString('en')} more deals: each deal's sources are on its page in the tracker.`,
      );
  }
  lines.push('', deckText(chart.dataAsOf));
  return lines.join('\n');
}

/** "SYNTHETIC DATA · Sources: Reuters; PIB and 6 more (every figure's in the notes) · Data as of … · Filters: Navy". */
export function sourceLine(
  refs: readonly SourceRef[],
  briefing: Pick<Briefing, 'synthetic' | 'dataAsOf' | 'filters' | 'rights'>,
): string {
  const publishers = [...new Set(refs.map((r) => r.publisher))];
  const shown = publishers.slice(0, 4).join('; ');
  const more = publishers.length > 4 ? ` and ${publishers.length - 4} more` : '';
  return deckText(
    [
      ...(briefing.synthetic ? ['SYNTHETIC DATA, not real deals'] : []),
      `Sources: ${shown || 'none'}${more} (each figure’s in the notes)`,
      ...(briefing.rights ? [briefing.rights] : []),
      briefing.dataAsOf,
      `Filters: ${briefing.filters}`,
    ].join(' · '),
  );
}

// The timeline on a slide: rows of a label, bars and marks on a shared year axis, and a today line.
const TL = {
  labelW: 3.5,
  top: CHART_BOX.y + 0.75,
  bottom: CHART_BOX.y + CHART_BOX.h - 0.1,
  axisY: CHART_BOX.y + 0.42,
  legendY: CHART_BOX.y,
  rowsPerSlide: 9,
} as const;
const MARK = 0.16;
const SIGNATURE = new Set(['signature', 'mou', 'lease-start']);
const DELIVERY = new Set(['first-delivery', 'delivery', 'final-delivery']);

export function timelinePages(chart: ChartData): [number, number][] {
  const n = chart.timeline?.rows.length ?? 0;
  if (n <= TL.rowsPerSlide) return [[0, n]];
  const pages = Math.ceil(n / TL.rowsPerSlide);
  const size = Math.ceil(n / pages);
  return Array.from({ length: pages }, (_, i): [number, number] => [i * size, Math.min(n, (i + 1) * size)]);
}

/** Whole years for the axis, about one per inch. */
function yearTicks(lo: number, hi: number, room: number): number[] {
  const span = hi - lo;
  const step = [1, 2, 5, 10, 20, 50].find((s) => span / s <= room) ?? 100;
  const ticks: number[] = [];
  for (let y = Math.ceil(lo / step) * step; y <= hi; y += step) ticks.push(y);
  return ticks;
}

/** One page of the timeline as shapes: every one inside the chart's box. */
export function timelineShapes(
  chart: ChartData,
  colours: Record<string, string>,
  range: [number, number],
): DeckShape[] {
  const data = chart.timeline;
  if (!data) return [];
  const c = (key: string) => colourOf(colours, `timeline:${key}`);
  const [before, after, ink, todayColour] = [c('before'), c('after'), c('ink'), c('today')];
  const rows = data.rows.slice(range[0], range[1]);
  const lo = Math.floor(Math.min(data.domain[0], data.today));
  const hi = Math.ceil(Math.max(data.domain[1], data.today + 0.01));
  const plotX = CHART_BOX.x + TL.labelW + 0.35;
  const plotW = CHART_BOX.x + CHART_BOX.w - 0.15 - plotX;
  const x = (t: number) => plotX + ((t - lo) / Math.max(1, hi - lo)) * plotW;
  const rowH = Math.min(0.46, (TL.bottom - TL.top) / Math.max(1, TL.rowsPerSlide));
  const shapes: DeckShape[] = [];
  // Legend along the top.
  const legend: [string, DeckShape['type'], string, boolean][] = [
    ['Before signature (or MoU, lease)', 'rect', before, false],
    ['Signature to last delivery', 'rect', after, false],
    ['Planned, after today (hollow, dashed)', 'rect', after, true],
  ];
  let lx = CHART_BOX.x;
  for (const [label, , fill, planned] of legend) {
    shapes.push({
      type: 'rect',
      x: lx,
      y: TL.legendY + 0.06,
      w: 0.35,
      h: 0.14,
      fill,
      ...(planned ? { transparency: 80, line: fill, dashed: true } : {}),
    });
    shapes.push({
      type: 'text',
      x: lx + 0.4,
      y: TL.legendY,
      w: 3.1,
      h: 0.26,
      text: label,
      size: 10,
      colour: ink,
      align: 'left',
    });
    lx += 3.45;
  }
  shapes.push({
    type: 'text',
    x: lx,
    y: TL.legendY,
    w: CHART_BOX.x + CHART_BOX.w - lx,
    h: 0.26,
    text: '◆ signature · ● delivery · ■ other step',
    size: 10,
    colour: ink,
    align: 'left',
  });
  // Year axis: gridlines and labels.
  const bottom = TL.top + rows.length * rowH;
  for (const year of yearTicks(lo, hi, plotW)) {
    shapes.push({
      type: 'line',
      x: x(year),
      y: TL.top - 0.05,
      w: 0,
      h: bottom - TL.top + 0.05,
      line: 'C8CDD2',
      width: 0.5,
    });
    shapes.push({
      type: 'text',
      x: x(year) - 0.35,
      y: TL.axisY,
      w: 0.7,
      h: 0.24,
      text: String(year),
      size: 10,
      colour: ink,
      align: 'center',
    });
  }
  rows.forEach((row, i) => {
    const mid = TL.top + i * rowH + rowH / 2;
    shapes.push({
      type: 'text',
      x: CHART_BOX.x,
      y: mid - rowH / 2,
      w: TL.labelW,
      h: rowH,
      text: clampLabel(deckText(row.title), 70),
      size: 10,
      colour: ink,
      align: 'right',
    });
    const segment = (from: number, to: number, fill: string) => {
      const split = Math.min(Math.max(data.today, from), to);
      if (split > from || to <= data.today)
        shapes.push({
          type: 'rect',
          x: x(from),
          y: mid - 0.08,
          w: Math.max(0.03, x(to <= data.today ? to : split) - x(from)),
          h: 0.16,
          fill,
        });
      if (to > data.today)
        shapes.push({
          type: 'rect',
          x: x(split),
          y: mid - 0.075,
          w: Math.max(0.03, x(to) - x(split)),
          h: 0.15,
          fill,
          transparency: 80,
          line: fill,
          dashed: true,
        });
    };
    segment(row.start, row.signed ?? row.end, before);
    if (row.signed !== undefined && row.delivered !== undefined && row.delivered > row.signed)
      segment(row.signed, row.delivered, after);
    for (const m of row.markers) {
      const type = SIGNATURE.has(m.kind) ? 'diamond' : DELIVERY.has(m.kind) ? 'ellipse' : 'rect';
      const size = type === 'diamond' ? MARK * 1.25 : MARK;
      shapes.push({
        type,
        x: x(m.at) - size / 2,
        y: mid - size / 2,
        w: size,
        h: size,
        ...(m.expected ? { fill: 'FFFFFF', line: ink, dashed: true } : { fill: ink, line: 'FFFFFF' }),
      });
    }
  });
  const todayX = x(data.today);
  shapes.push({
    type: 'line',
    x: todayX,
    y: TL.top - 0.05,
    w: 0,
    h: bottom - TL.top + 0.05,
    line: todayColour,
    dashed: true,
    width: 1.5,
  });
  shapes.push({
    type: 'text',
    x: todayX - 0.4,
    y: bottom + 0.02,
    w: 0.8,
    h: 0.24,
    text: 'Today',
    size: 10,
    colour: todayColour,
    align: 'center',
    bold: true,
  });
  return shapes;
}

export const SOURCES_PER_SLIDE = 10;
/** Deals whose sources a figure's notes list one by one; past them, a count. */
export const NOTES_DEALS_MAX = 25;
/** Source slides at most; past them the last says how many more there are. */
export const SOURCE_SLIDES_MAX = 10;

/**
 * The whole deck: a title slide, the key figures, one slide per chart (more for a long axis or a long
 * timeline), and the sources at the end. `date` is the export's.
 */
export function deckSlides(briefing: Briefing, date: Date): DeckSlide[] {
  const { colours } = briefing;
  const slides: DeckSlide[] = [
    {
      kind: 'title',
      title: clampLabel(deckText(briefing.title), TITLE_MAX),
      lines: [
        `Briefing pack · ${formatExportDate(date)}`,
        `Filters: ${clampLabel(deckText(briefing.filters), SUBTITLE_MAX)}`,
        `${briefing.deals.toLocaleString('en')} deal${briefing.deals === 1 ? '' : 's'} · ${deckText(briefing.dataAsOf)}`,
        'Charts are native PowerPoint charts: edit their data or restyle them; sources are in the notes.',
      ],
      synthetic: briefing.synthetic,
    },
  ];
  const all = uniqueSources(briefing.charts.flatMap(chartSources));
  if (briefing.keyFigures.length > 0)
    slides.push({
      kind: 'figures',
      title: 'Key figures',
      figures: briefing.keyFigures.map((f) => ({
        label: deckText(f.label),
        value: deckText(f.value),
        extra: f.extra ? deckText(f.extra) : undefined,
        note: deckText(f.note),
      })),
      source: sourceLine(all, briefing),
    });
  for (const chart of briefing.charts) {
    const refs = chartSources(chart);
    const title = clampLabel(deckText(chart.title), TITLE_MAX);
    const subtitle = clampLabel(deckText(chart.subtitle), SUBTITLE_MAX);
    const note = deckText(chart.notes.join(' '));
    const source = sourceLine(refs, briefing);
    const notes = speakerNotes(chart);
    if (chart.kind === 'timeline') {
      const pages = timelinePages(chart);
      pages.forEach((range, i) =>
        slides.push({
          kind: 'timeline',
          chartId: chart.id,
          title: pages.length > 1 ? `${title} (${i + 1} of ${pages.length})` : title,
          subtitle,
          note,
          source,
          notes,
          shapes: timelineShapes(chart, colours, range),
        }),
      );
      continue;
    }
    const pages = categoryPages(chart);
    pages.forEach((range, i) =>
      slides.push({
        kind: 'chart',
        chartId: chart.id,
        title: pages.length > 1 ? `${title} (${i + 1} of ${pages.length})` : title,
        subtitle,
        note,
        source,
        notes,
        spec: chartSpec(chart, colours, range),
      }),
    );
  }
  // One line per source, however many deals cite it (a SIPRI register page backs several).
  const bySource = new Map<string, { ref: SourceRef; deals: string[] }>();
  for (const ref of all) {
    const key = `${ref.publisher}\u0000${ref.title}\u0000${ref.url ?? ''}`;
    const entry = bySource.get(key);
    if (entry) entry.deals.push(ref.dealTitle);
    else bySource.set(key, { ref, deals: [ref.dealTitle] });
  }
  const items = [...bySource.values()].map(({ ref, deals }): SourceItem => {
    const url = ref.url ? safeExternalUrl(ref.url) : undefined;
    const forDeals =
      deals.length === 1
        ? clampLabel(deals[0]!, 70)
        : `${deals.length} deals: ${clampLabel(deals.join('; '), 90)}`;
    return {
      text: deckText(
        `${clampLabel(ref.publisher, 60)}, “${clampLabel(ref.title, 120)}”${ref.date ? `, ${ref.date}` : ''} · for ${forDeals}`,
      ),
      ...(ref.url ? { address: clampLabel(deckText(ref.url), 150) } : {}),
      ...(url ? { url } : {}),
    };
  });
  const room = SOURCE_SLIDES_MAX * SOURCES_PER_SLIDE;
  if (items.length > room) {
    const more = items.length - (room - 1);
    items.splice(room - 1, items.length, {
      text: `…and ${more.toLocaleString('en')} more sources: each deal's sources are on its page in the tracker.`,
    });
  }
  const pages = Math.max(1, Math.ceil(items.length / SOURCES_PER_SLIDE));
  for (let i = 0; i < pages; i++)
    slides.push({
      kind: 'sources',
      title: pages > 1 ? `Sources (${i + 1} of ${pages})` : 'Sources',
      items: items.slice(i * SOURCES_PER_SLIDE, (i + 1) * SOURCES_PER_SLIDE),
      source: sourceLine(all, briefing),
    });
  return slides;
}

/**
 * The largest font size, from `max` down to `min` points, at which `text` wrapped in a box `w` by
 * `h` inches fits, judged on an average glyph of half the size's width and lines of 1.2 its height
 * (generous for Calibri or Arial, so the slide's real text takes less room). At `min` it is cut to
 * what fits, with an ellipsis, so nothing ever runs off the slide.
 */
export function fitText(
  text: string,
  w: number,
  h: number,
  max: number,
  min: number,
): { text: string; size: number } {
  const linesAt = (size: number, value: string) => {
    const perLine = Math.max(1, Math.floor((w * 72) / (size * 0.52)));
    // Word wrapping leaves lines short: count each paragraph's words into lines.
    let lines = 0;
    for (const paragraph of value.split('\n')) {
      let used = 0;
      lines++;
      for (const word of paragraph.split(/\s+/)) {
        const len = word.length;
        if (used > 0 && used + 1 + len > perLine) {
          lines += Math.ceil(len / perLine);
          used = len % perLine;
        } else used += (used > 0 ? 1 : 0) + len;
      }
    }
    return lines;
  };
  const fits = (size: number, value: string) => linesAt(size, value) * size * 1.2 <= h * 72;
  for (let size = max; size >= min; size--) if (fits(size, text)) return { text, size };
  let keep = text.length;
  while (keep > 1 && !fits(min, clampLabel(text, keep))) keep = Math.floor(keep * 0.9);
  return { text: clampLabel(text, keep), size: min };
}
