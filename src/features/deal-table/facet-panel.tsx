import { memo, useId, useMemo, useState } from 'react';
import { DataText } from '../../components/data-text';
import { facetValueLabel } from '../../components/filter-chips';
import type { DealFilter, FacetCounts, FacetKey } from '../../domain';
import { formatCount } from '../../domain';

const FACETS: { key: FacetKey; label: string }[] = [
  { key: 'status', label: 'Status' },
  { key: 'kind', label: 'Kind' },
  { key: 'domain', label: 'Domain' },
  { key: 'service', label: 'Armed service' },
  { key: 'supplier', label: 'Supplier' },
  { key: 'buyer', label: 'Buyer' },
  { key: 'route', label: 'Route' },
  { key: 'category', label: 'System type' },
  { key: 'party', label: 'Party' },
  { key: 'origin', label: 'Data origin' },
];
const SHOWN = 8;
const byLabel = new Intl.Collator('en');

/**
 * Multi-select facets, each option with the number of deals it would give under the other filters.
 * Options keep one order, by their count over all deals, so a checkbox never moves under the pointer
 * while the user types; an option no deal matches stays in place with 0.
 */
export function FacetPanel({
  filter,
  counts,
  totals,
  onToggle,
  onRange,
}: {
  filter: DealFilter;
  counts: FacetCounts;
  /** Counts over all deals, which fix the order of the options. */
  totals: FacetCounts;
  onToggle: (facet: FacetKey, value: string) => void;
  onRange: (next: Pick<DealFilter, 'yearMin' | 'yearMax' | 'valueMin' | 'valueMax'>) => void;
}) {
  // One handler for every checkbox, so the checkboxes take only values and stay memoised while the
  // filter changes: a keystroke then re-renders the counts that changed, not ~80 inputs.
  const onChange = (event: React.ChangeEvent<HTMLElement>) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== 'checkbox') return;
    const facet = input.dataset.facet as FacetKey | undefined;
    if (facet) onToggle(facet, input.value);
  };
  return (
    <aside className="facets" aria-label="Filters" onChange={onChange}>
      <RangeInputs filter={filter} onRange={onRange} />
      {FACETS.map(({ key, label }) => (
        <Facet
          key={key}
          facet={key}
          label={label}
          counts={counts[key]}
          totals={totals[key]}
          selected={filter[key] ?? []}
        />
      ))}
    </aside>
  );
}

function Facet({
  facet,
  label,
  counts,
  totals,
  selected,
}: {
  facet: FacetKey;
  label: string;
  counts: Map<string, number>;
  totals: Map<string, number>;
  selected: readonly string[];
}) {
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const ordered = useMemo(
    () =>
      [...totals.keys()].sort(
        (a, b) =>
          (totals.get(b) ?? 0) - (totals.get(a) ?? 0) ||
          byLabel.compare(facetValueLabel(facet, a), facetValueLabel(facet, b)),
      ),
    [facet, totals],
  );
  // A selected value no deal has (from a shared link, say) is listed first, so it can be unticked.
  const missing = selected.filter((value) => !totals.has(value));
  const values = missing.length > 0 ? [...missing, ...ordered] : ordered;
  if (values.length === 0) return null;
  const shown = expanded ? values : values.slice(0, SHOWN);
  return (
    <fieldset className="facet">
      <legend id={id}>{label}</legend>
      {shown.map((value) => (
        <FacetOption
          key={value}
          facet={facet}
          value={value}
          count={counts.get(value)}
          checked={selected.includes(value)}
        />
      ))}
      {values.length > SHOWN ? (
        <button type="button" className="link-button facet__more" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${values.length}`}
        </button>
      ) : null}
    </fieldset>
  );
}

/**
 * One option, memoised on its count and state: a keystroke or a toggle renders the options whose count
 * changed (often a few of the 72 shown), not every label, checkbox and count.
 */
const FacetOption = memo(function FacetOption({
  facet,
  value,
  count,
  checked,
}: {
  facet: FacetKey;
  value: string;
  /** Undefined when no deal has the value under the other filters. */
  count: number | undefined;
  checked: boolean;
}) {
  return (
    <label className={count !== undefined ? 'facet__option' : 'facet__option facet__option--none'}>
      <FacetCheckbox facet={facet} value={value} checked={checked} />
      <span className="facet__label">
        <DataText>{facetValueLabel(facet, value)}</DataText>
      </span>
      <span className="facet__count">{formatCount(count ?? 0)}</span>
    </label>
  );
});

// readOnly only tells React that the change is handled elsewhere (the panel's onChange); a checkbox
// ignores it and stays clickable.
const FacetCheckbox = memo(function FacetCheckbox({
  facet,
  value,
  checked,
}: {
  facet: FacetKey;
  value: string;
  checked: boolean;
}) {
  return <input type="checkbox" data-facet={facet} value={value} checked={checked} readOnly />;
});

function RangeInputs({
  filter,
  onRange,
}: {
  filter: DealFilter;
  onRange: (next: Pick<DealFilter, 'yearMin' | 'yearMax' | 'valueMin' | 'valueMax'>) => void;
}) {
  const read = (raw: string, scale = 1) =>
    raw.trim() === '' || !Number.isFinite(Number(raw)) ? undefined : Number(raw) * scale;
  const range = {
    yearMin: filter.yearMin,
    yearMax: filter.yearMax,
    valueMin: filter.valueMin,
    valueMax: filter.valueMax,
  };
  return (
    <fieldset className="facet facet--ranges">
      <legend>Year and value</legend>
      <div className="facet__range">
        <label>
          Year from
          <input
            type="number"
            inputMode="numeric"
            defaultValue={filter.yearMin ?? ''}
            key={`ymin-${filter.yearMin}`}
            onBlur={(e) => onRange({ ...range, yearMin: read(e.target.value) })}
            onKeyDown={(e) =>
              e.key === 'Enter' && onRange({ ...range, yearMin: read(e.currentTarget.value) })
            }
          />
        </label>
        <label>
          to
          <input
            type="number"
            inputMode="numeric"
            defaultValue={filter.yearMax ?? ''}
            key={`ymax-${filter.yearMax}`}
            onBlur={(e) => onRange({ ...range, yearMax: read(e.target.value) })}
            onKeyDown={(e) =>
              e.key === 'Enter' && onRange({ ...range, yearMax: read(e.currentTarget.value) })
            }
          />
        </label>
      </div>
      <div className="facet__range">
        <label>
          US$ m from
          <input
            type="number"
            inputMode="decimal"
            defaultValue={filter.valueMin === undefined ? '' : filter.valueMin / 1e6}
            key={`vmin-${filter.valueMin}`}
            onBlur={(e) => onRange({ ...range, valueMin: read(e.target.value, 1e6) })}
            onKeyDown={(e) =>
              e.key === 'Enter' && onRange({ ...range, valueMin: read(e.currentTarget.value, 1e6) })
            }
          />
        </label>
        <label>
          to
          <input
            type="number"
            inputMode="decimal"
            defaultValue={filter.valueMax === undefined ? '' : filter.valueMax / 1e6}
            key={`vmax-${filter.valueMax}`}
            onBlur={(e) => onRange({ ...range, valueMax: read(e.target.value, 1e6) })}
            onKeyDown={(e) =>
              e.key === 'Enter' && onRange({ ...range, valueMax: read(e.currentTarget.value, 1e6) })
            }
          />
        </label>
      </div>
      <p className="facet__hint">A value range leaves out deals of unknown dollar value.</p>
    </fieldset>
  );
}
