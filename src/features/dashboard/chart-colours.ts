import type { ChartData } from '../../domain/export/chart-data';
import { SERVICE_COLOURS } from '../../components/charts/palette';
import { BASIS_COLOURS } from './chart-theme';
import { OTHER_COLOUR, seriesColour } from './series-colours';
import { TODAY_COLOUR } from './timeline-marks';

/** The lifecycle chart's bars: on the path to completion, and stalled or cancelled. */
export const STAGE_COLOURS = { 'on-path': '#0072B2', 'off-path': '#D55E00' } as const;
/** The domain and kind chart's one colour. */
export const BREAKDOWN_COLOUR = '#009E73';
/** The timeline's bars before signature and after it, its marks' ink, and its today line. */
export const TIMELINE_COLOURS = {
  before: '#56B4E9',
  after: '#0072B2',
  ink: '#16202a',
  today: TODAY_COLOUR,
} as const;

/**
 * Suppliers' own colours, fixed by country so a supplier is the same colour in every view, data set
 * and export: the largest exporters in SIPRI's registers (the Soviet Union beside Russia, a shade
 * apart); any other supplier is the "Other" grey.
 */
export const SUPPLIER_COLOURS: Readonly<Record<string, string>> = {
  US: '#0072B2',
  RU: '#D55E00',
  SU: '#882255',
  FR: '#56B4E9',
  GB: '#009E73',
  IL: '#CC79A7',
  DE: '#E69F00',
  CN: '#F0E442',
};

/**
 * The fill the screen draws for a chart's colour key (`slot:2`, `basis:signed`, `service:navy`, `supplier:US`,
 * `stage:off-path`, `breakdown`, `timeline:before`), as `#RRGGBB`: the one mapping the dashboard,
 * the exported SVG and the deck share. An unknown key gets the "Other systems" grey.
 */
export function colourOfKey(key: string): string {
  const [kind, value = ''] = key.split(':');
  switch (kind) {
    case 'slot':
      return value === 'other' ? OTHER_COLOUR : seriesColour(Number(value));
    case 'basis':
      return BASIS_COLOURS[value as keyof typeof BASIS_COLOURS] ?? OTHER_COLOUR;
    case 'service':
      return SERVICE_COLOURS[value as keyof typeof SERVICE_COLOURS] ?? OTHER_COLOUR;
    case 'stage':
      return STAGE_COLOURS[value as keyof typeof STAGE_COLOURS] ?? OTHER_COLOUR;
    case 'supplier':
      return SUPPLIER_COLOURS[value] ?? OTHER_COLOUR;
    case 'breakdown':
      return BREAKDOWN_COLOUR;
    case 'timeline':
      return TIMELINE_COLOURS[value as keyof typeof TIMELINE_COLOURS] ?? OTHER_COLOUR;
    default:
      return OTHER_COLOUR;
  }
}

/** Every colour key the charts use (series, their bars one by one, the timeline's), with its fill. */
export function chartColours(charts: readonly ChartData[]): Record<string, string> {
  const keys = new Set<string>(Object.keys(TIMELINE_COLOURS).map((k) => `timeline:${k}`));
  for (const chart of charts)
    for (const s of chart.series) {
      keys.add(s.colourKey);
      for (const k of s.pointColourKeys ?? []) keys.add(k);
    }
  return Object.fromEntries([...keys].map((k) => [k, colourOfKey(k)]));
}
