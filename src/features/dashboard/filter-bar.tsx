import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { DataText } from '../../components/data-text';
import { facetValueLabel } from '../../components/filter-chips';
import type { UrlFilter } from '../../components/use-url-filter';
import {
  DEAL_KINDS,
  DEAL_STATUSES,
  DOMAINS,
  collectionOf,
  filterWithFacetCounts,
  formatCount,
  SERVICE_FILTER_VALUES,
  type Deal,
  type DealFilter,
  type FacetCounts,
  type FacetKey,
} from '../../domain';
import './filter-bar.css';

type BarFacet = Extract<FacetKey, 'service' | 'status' | 'kind' | 'domain' | 'supplier'>;

const MENUS: { facet: BarFacet; label: string; order?: readonly string[] }[] = [
  { facet: 'service', label: 'Service', order: SERVICE_FILTER_VALUES },
  { facet: 'status', label: 'Status', order: DEAL_STATUSES },
  { facet: 'kind', label: 'Kind', order: DEAL_KINDS },
  { facet: 'domain', label: 'Domain', order: DOMAINS },
  // Countries have no natural order: most deals first.
  { facet: 'supplier', label: 'Supplier country' },
];

// Per list of deals (a deal collection's, one per version), kept while the list lives. The years
// bound the range and are read from the fact table the charts are drawn from (one typed-array walk):
// the filter index, which the first paint would otherwise build for them, costs about 0.3 s at
// 100,000 deals and waits for the first chart click or idle time. The counts over every deal fix
// which options a menu lists (and the order of the supplier countries): worked out when one opens.
const yearsByList = new WeakMap<readonly Deal[], number[]>();
function yearsOf(deals: readonly Deal[]): number[] {
  let years = yearsByList.get(deals);
  if (!years) {
    const { table } = collectionOf(deals).view();
    let lo = Infinity;
    let hi = -Infinity;
    // A code past the dictionary is an undated deal; the dictionary may hold a year no deal has any
    // more (a save moved it), so the rows' codes are read, not the dictionary.
    for (const code of table.yearCode) {
      const year = table.years[code];
      if (year === undefined) continue;
      lo = Math.min(lo, year);
      hi = Math.max(hi, year);
    }
    years = lo <= hi ? Array.from({ length: hi - lo + 1 }, (_, i) => lo + i) : [];
    yearsByList.set(deals, years);
  }
  return years;
}

const totalsByList = new WeakMap<readonly Deal[], FacetCounts>();
function totalsOf(deals: readonly Deal[]): FacetCounts {
  let totals = totalsByList.get(deals);
  if (!totals) {
    totals = filterWithFacetCounts(deals, {}).counts;
    totalsByList.set(deals, totals);
  }
  return totals;
}

const NO_OPTIONS: string[] = [];

function optionsOf(
  facet: BarFacet,
  order: readonly string[] | undefined,
  totals: Map<string, number>,
  selected: readonly string[],
): string[] {
  const present = order
    ? order.filter((v) => totals.has(v))
    : [...totals.keys()].sort(
        (a, b) =>
          (totals.get(b) ?? 0) - (totals.get(a) ?? 0) ||
          facetValueLabel(facet, a).localeCompare(facetValueLabel(facet, b)),
      );
  // A value chosen through a shared link that no deal has is still listed, so it can be unticked.
  return [...selected.filter((v) => !present.includes(v)), ...present];
}

/**
 * The dashboard's filters in one compact row: a menu of options per facet, each option with the
 * number of deals it would give under the other filters, and a year range. It reads and writes the
 * same URL filter as the deals table and the chart clicks. Counts are worked out only while a menu
 * is open, so a closed bar costs a chart click nothing.
 */
export function FilterBar({
  deals,
  urlFilter,
}: {
  /** Every deal of the data set (not the filtered view). */
  deals: readonly Deal[] | undefined;
  urlFilter: Pick<UrlFilter, 'filter' | 'setFilter' | 'toggle'>;
}) {
  const { filter, setFilter, toggle } = urlFilter;
  const [open, setOpen] = useState<BarFacet | null>(null);
  const years = useMemo(() => (deals ? yearsOf(deals) : undefined), [deals]);
  const counts = useMemo(
    () => (deals && open ? filterWithFacetCounts(deals, filter).counts : undefined),
    [deals, filter, open],
  );
  if (!deals || !years) return null;
  return (
    <div className="filter-bar" role="group" aria-label="Filter the dashboard">
      {MENUS.map(({ facet, label, order }) => (
        <FacetMenu
          key={facet}
          label={label}
          facet={facet}
          open={open === facet}
          onOpen={(next) => setOpen(next ? facet : null)}
          options={
            open === facet ? optionsOf(facet, order, totalsOf(deals)[facet], filter[facet] ?? []) : NO_OPTIONS
          }
          selected={filter[facet] ?? []}
          counts={open === facet ? counts?.[facet] : undefined}
          onToggle={(value) => toggle(facet, value)}
        />
      ))}
      <YearRange years={years} filter={filter} setFilter={setFilter} />
    </div>
  );
}

function FacetMenu({
  label,
  facet,
  open,
  onOpen,
  options,
  selected,
  counts,
  onToggle,
}: {
  label: string;
  facet: BarFacet;
  open: boolean;
  onOpen: (open: boolean) => void;
  options: string[];
  selected: readonly string[];
  counts: Map<string, number> | undefined;
  onToggle: (value: string) => void;
}) {
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  // A press outside closes the menu; the pressed control then takes the focus as it would anyway.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, onOpen]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    onOpen(false);
    button.current?.focus();
  };
  const chosen =
    selected.length === 1
      ? facetValueLabel(facet, selected[0]!)
      : selected.length > 1
        ? `${selected.length} chosen`
        : undefined;
  return (
    <div
      className="filter-menu"
      ref={root}
      onKeyDown={onKeyDown}
      // Tabbing out of an open menu closes it, so a keyboard user never leaves one hanging open.
      onBlur={(event) => {
        if (open && !root.current?.contains(event.relatedTarget)) onOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className={chosen ? 'filter-menu__button filter-menu__button--active' : 'filter-menu__button'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => onOpen(!open)}
      >
        {/* One text run: Chromium puts a space between flex items when it names the button. */}
        <span className="filter-menu__text">
          {chosen ? (
            <>
              {label}: <DataText>{chosen}</DataText>
            </>
          ) : (
            label
          )}
        </span>
        <span aria-hidden="true" className="filter-menu__caret">
          ▾
        </span>
      </button>
      {open ? (
        <fieldset className="filter-menu__panel" id={panelId}>
          <legend className="filter-menu__legend">{label}</legend>
          {options.map((value) => {
            const count = counts?.get(value) ?? 0;
            return (
              <label
                key={value}
                className={
                  count > 0 ? 'filter-menu__option' : 'filter-menu__option filter-menu__option--none'
                }
              >
                <input type="checkbox" checked={selected.includes(value)} onChange={() => onToggle(value)} />
                <span className="filter-menu__label">
                  <DataText>{facetValueLabel(facet, value)}</DataText>
                </span>{' '}
                <span className="filter-menu__count">{formatCount(count)}</span>{' '}
                <span className="sr-only">{count === 1 ? 'deal' : 'deals'}</span>
              </label>
            );
          })}
        </fieldset>
      ) : null}
    </div>
  );
}

function YearRange({
  years,
  filter,
  setFilter,
}: {
  years: number[];
  filter: DealFilter;
  setFilter: UrlFilter['setFilter'];
}) {
  if (years.length === 0) return null;
  const change = (bound: 'yearMin' | 'yearMax', raw: string) => {
    const next = { ...filter, [bound]: raw === '' ? undefined : Number(raw) };
    // A range the wrong way round matches nothing: move the other end along instead.
    if (next.yearMin !== undefined && next.yearMax !== undefined && next.yearMin > next.yearMax) {
      if (bound === 'yearMin') next.yearMax = next.yearMin;
      else next.yearMin = next.yearMax;
    }
    setFilter(next);
  };
  // A year from a shared link outside the data's span is still shown as chosen.
  const list = (value: number | undefined) =>
    value === undefined || years.includes(value) ? years : [...years, value].sort((a, b) => a - b);
  return (
    <div className="filter-years" role="group" aria-label="Year of signature or first step">
      <label>
        <span className="filter-years__label">Years from</span>
        <select value={filter.yearMin ?? ''} onChange={(e) => change('yearMin', e.target.value)}>
          <option value="">any</option>
          {list(filter.yearMin).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="filter-years__label">
          <span className="sr-only">Years</span> to
        </span>
        <select value={filter.yearMax ?? ''} onChange={(e) => change('yearMax', e.target.value)}>
          <option value="">any</option>
          {list(filter.yearMax).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
