// The data behind the charts on a page (`ChartData`, the numbers of each card's "Show as table"),
// offered by the page that has it (the dashboard, through `ExportContext.chartData`) and looked up
// by each chart card. Worked out only when asked for (a menu opened, a file made), never on a click.
import type { ChartData } from '../../domain/export/chart-data';
import { plainText } from '../../domain/text/text-safety';

/**
 * The chart a card shows: the one with its title (a units card's title names the family shown), else
 * the one with its id (a card whose title changes with a switch the data does not have).
 */
export function findChartData(
  charts: readonly ChartData[],
  title: string,
  chartId: string | undefined,
): ChartData | undefined {
  const plain = plainText(title);
  return (
    charts.find((c) => plainText(c.title) === plain) ??
    (chartId === undefined ? undefined : charts.find((c) => c.id === chartId))
  );
}

/**
 * What "Export all" needs of each card that the page does not show as text: the description the user
 * left (or the generated one) and the chart's data. Keyed by the card's `<figure>`.
 */
export interface CardExtras {
  description: () => string;
  data: () => ChartData | undefined;
  chartId: string;
}

export const cardExtras = new WeakMap<Element, CardExtras>();
