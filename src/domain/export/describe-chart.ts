/**
 * A generated one-paragraph description of what a chart shows, for an image's alt text, an SVG's
 * `<desc>` and a slide's notes: what is counted, each figure, the largest and smallest (ties said as
 * ties), what is not known, the filters, and "synthetic data" when it is.
 */
import { formatCount, formatMoney } from '../money-dates/money';
import { categoryTotals, type ChartData } from './chart-data';

/** Past this many categories only the largest are named; the rest are counted. */
const NAMED_MAX = 10;

function formatValue(chart: ChartData, value: number): string {
  return chart.valueFormat === 'money' ? formatMoney(value, chart.currency ?? 'USD') : formatCount(value);
}

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Figures per category: a stacked chart's totals, otherwise its one (or first) series. */
function valuesOf(chart: ChartData): (number | null)[] {
  if (chart.kind === 'stacked-bar' || chart.series.length > 1) return categoryTotals(chart);
  return chart.series[0]?.values ?? chart.categories.map(() => null);
}

function describeTimeline(chart: ChartData): string {
  const rows = chart.timeline?.rows ?? [];
  if (rows.length === 0) return 'No deal under these filters has a dated milestone.';
  const first = Math.floor(Math.min(...rows.map((r) => r.start)));
  const last = Math.floor(Math.max(...rows.map((r) => r.end)));
  const expected = rows.reduce((n, r) => n + r.markers.filter((m) => m.expected).length, 0);
  const signed = rows.filter((r) => r.signed !== undefined).length;
  const parts = [
    `Timeline of ${formatCount(rows.length)} deal${rows.length === 1 ? '' : 's'} from ${first} to ${last}, each from its first step to signature and delivery`,
    `${formatCount(signed)} with a signature or MoU on record`,
  ];
  if (expected > 0)
    parts.push(
      `${formatCount(expected)} milestone${expected === 1 ? ' is' : 's are'} expected after today, not yet happened`,
    );
  const longest = rows.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  return `${parts.join('; ')}. The longest is ${longest.title}.`;
}

/** The figures in words: "MQ-9B drones: Navy 15, Army 8, Air Force 8; the most: Navy (15)." */
function describeFigures(chart: ChartData): string {
  const values = valuesOf(chart);
  const known = chart.categories
    .map((category, i) => ({ category, value: values[i] ?? null }))
    .filter((c): c is { category: string; value: number } => c.value !== null);
  const unknown = chart.categories.filter((_, i) => (values[i] ?? null) === null);
  const what = capitalise(chart.unit);
  if (chart.categories.length === 0) return `${what}: nothing under these filters.`;
  if (known.length === 0)
    return `${what}: no figure is known (${list(unknown)} not known); nothing is drawn as zero.`;
  const nonZero = known.filter((c) => c.value !== 0);
  const zero = known.filter((c) => c.value === 0);
  // A long axis names its non-empty categories only, and the largest of those past the limit.
  let named = known.length > NAMED_MAX ? nonZero : known;
  let more = 0;
  if (named.length > NAMED_MAX) {
    const largest = new Set([...named].sort((a, b) => b.value - a.value).slice(0, NAMED_MAX));
    more = named.length - largest.size;
    named = named.filter((c) => largest.has(c));
  }
  const parts = [
    `${what}: ${named.map((c) => `${c.category} ${formatValue(chart, c.value)}`).join(', ')}${more > 0 ? ` and ${formatCount(more)} more` : ''}`,
  ];
  const top = Math.max(...known.map((c) => c.value));
  if (nonZero.length === 0) parts.push('every figure is zero');
  else if (known.length > 1) {
    const most = known.filter((c) => c.value === top).map((c) => c.category);
    parts.push(
      most.length === 1
        ? `the most: ${most[0]!} (${formatValue(chart, top)})`
        : `${list(most)} tie for the most (${formatValue(chart, top)} each)`,
    );
    const low = Math.min(...nonZero.map((c) => c.value));
    const fewest = chart.valueFormat === 'money' ? 'least' : 'fewest';
    const least = nonZero.filter((c) => c.value === low).map((c) => c.category);
    if (low !== top)
      parts.push(
        least.length === 1
          ? `the ${fewest}: ${least[0]!} (${formatValue(chart, low)})`
          : `${list(least)} tie for the ${fewest} (${formatValue(chart, low)} each)`,
      );
  }
  if (zero.length > 0 && known.length > NAMED_MAX)
    parts.push(
      `${formatCount(zero.length)} ${chart.categoryName.toLowerCase()}${zero.length === 1 ? '' : 's'} with none`,
    );
  else if (zero.length > 0 && nonZero.length > 0) parts.push(`none for ${list(zero.map((c) => c.category))}`);
  if (unknown.length > 0) parts.push(`not known for ${list(unknown)} (not drawn as zero)`);
  return `${parts.join('; ')}.`;
}

export function describeChart(chart: ChartData): string {
  const body = chart.kind === 'timeline' ? describeTimeline(chart) : describeFigures(chart);
  const sentences = [body, ...chart.notes.map(sentence)];
  sentences.push(
    chart.filters === 'All deals' ? 'All deals, no filter.' : sentence(`Filters: ${chart.filters}`),
  );
  if (chart.synthetic) sentences.push('Synthetic data, not real deals.');
  return sentences.join(' ');
}
