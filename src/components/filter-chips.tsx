import {
  countryName,
  FACET_KEYS,
  formatUsd,
  isEmptyFilter,
  LABELS,
  type DealFilter,
  type FacetKey,
} from '../domain';
import { isolate, plainText } from '../domain/text/text-safety';
import { IsolatedText } from './data-text';
import { DATA_ORIGIN_LABELS, type DataOrigin } from '../domain/model/data-origin';

const FACET_NAMES: Record<FacetKey, string> = {
  status: 'Status',
  kind: 'Kind',
  domain: 'Domain',
  service: 'Service',
  category: 'Category',
  system: 'System',
  route: 'Route',
  supplier: 'Supplier',
  buyer: 'Buyer',
  party: 'Party',
  origin: 'Data origin',
};

// Facets whose values are names from the data (or typed by a user), not the app's vocabulary or a
// checked country code: in a chip or a subtitle they are isolated, so they cannot reorder its words.
const DATA_FACETS: ReadonlySet<FacetKey> = new Set(['system', 'party']);

/** The words for one facet value, as chips, chart subtitles and menus show it. */
export function facetValueLabel(facet: FacetKey, value: string): string {
  switch (facet) {
    case 'supplier':
    case 'buyer':
      return countryName(value);
    case 'party':
    case 'system':
      return value;
    case 'origin':
      return DATA_ORIGIN_LABELS[value as DataOrigin] ?? value;
    default: {
      const labels: Record<string, string> = LABELS[facet];
      return labels[value] ?? value;
    }
  }
}

export interface Chip {
  key: string;
  /** "System: …", its data value `isolate`d. */
  label: string;
  without: DealFilter;
}

/** One chip per active value: removing a chip removes just that value. */
export function filterChips(filter: DealFilter): Chip[] {
  const chips: Chip[] = [];
  if (filter.q?.trim())
    chips.push({
      key: 'q',
      label: `Search: “${isolate(filter.q.trim())}”`,
      without: { ...filter, q: undefined },
    });
  for (const facet of FACET_KEYS) {
    for (const value of filter[facet] ?? []) {
      const rest = (filter[facet] ?? []).filter((v) => v !== value);
      const words = facetValueLabel(facet, value);
      chips.push({
        key: `${facet}:${value}`,
        label: `${FACET_NAMES[facet]}: ${DATA_FACETS.has(facet) ? isolate(words) : words}`,
        without: { ...filter, [facet]: rest.length > 0 ? rest : undefined },
      });
    }
  }
  if (filter.yearMin !== undefined || filter.yearMax !== undefined) {
    chips.push({
      key: 'year',
      label: `Year: ${filter.yearMin ?? '…'}–${filter.yearMax ?? '…'}`,
      without: { ...filter, yearMin: undefined, yearMax: undefined },
    });
  }
  if (filter.valueMin !== undefined || filter.valueMax !== undefined) {
    const lo = filter.valueMin === undefined ? '…' : formatUsd(filter.valueMin, { compact: true });
    const hi = filter.valueMax === undefined ? '…' : formatUsd(filter.valueMax, { compact: true });
    chips.push({
      key: 'value',
      label: `Value (USD): ${lo}–${hi}`,
      without: { ...filter, valueMin: undefined, valueMax: undefined },
    });
  }
  return chips;
}

/**
 * A sentence naming the active filters, for chart subtitles: "All deals" when there are none. Its
 * data values are `isolate`d (FSI…PDI), so the string stays safe in every sink: `IsolatedText` shows
 * them as `<bdi>`, an SVG or README keeps the isolates, a file name's slug drops them.
 */
export function describeFilter(filter: DealFilter): string {
  if (isEmptyFilter(filter)) return 'All deals';
  return filterChips(filter)
    .map((c) => c.label)
    .join(' · ');
}

export function FilterChips({
  filter,
  onChange,
  reserveSpace = false,
}: {
  filter: DealFilter;
  onChange: (next: DealFilter) => void;
  /**
   * Keep the row's height when no filter is set, so the first character typed or the first box
   * ticked does not push the results down under the pointer (and relay out the whole page).
   */
  reserveSpace?: boolean;
}) {
  const chips = filterChips(filter);
  if (chips.length === 0) {
    return reserveSpace ? <p className="chips chips--reserved muted">No filter set.</p> : null;
  }
  return (
    <div
      className={reserveSpace ? 'chips chips--reserved' : 'chips'}
      role="group"
      aria-label="Active filters"
    >
      {chips.map((chip) => (
        <button
          key={chip.key}
          type="button"
          className="chip"
          onClick={() => onChange(chip.without)}
          aria-label={`Remove filter ${plainText(chip.label)}`}
        >
          <span>
            <IsolatedText text={chip.label} />
          </span>
          <span aria-hidden="true" className="chip__x">
            ×
          </span>
        </button>
      ))}
      <button type="button" className="chip chip--clear" onClick={() => onChange({})}>
        Clear all
      </button>
    </div>
  );
}
