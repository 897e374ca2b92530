// The key figures in words, shared by the dashboard's strip and the briefing deck.
import { MULTI_VALUED_FACETS, overlapsOn } from '../aggregations/figure-rules';
import type { Kpis } from '../aggregations/kpis';
import type { DealFilter } from '../filter/filter-model';
import { formatCount, formatInr, formatUsd } from '../money-dates/money';
import { LABELS, UNIT_FAMILIES, type UnitFamily } from '../model/vocabulary';

const n = (v: number) => formatCount(v);
/** A derived estimate is shown to three significant figures: more would claim a precision it lacks. */
const estimate = (v: number) => Number(v.toPrecision(3));
const deals = (v: number) => `${n(v)} deal${v === 1 ? '' : 's'}`;

/** "53 platforms and 212 engines": families side by side, never one sum. */
function unitsText(units: Record<UnitFamily, number>): { value: string; extra: string | undefined } {
  const parts = UNIT_FAMILIES.filter((f) => units[f] > 0).map(
    (f) => `${n(units[f])} ${LABELS.unitFamily[f].toLowerCase()}`,
  );
  if (parts.length === 0) return { value: '0', extra: undefined };
  return { value: parts[0]!, extra: parts.slice(1).join(', ') || undefined };
}

/** Which services the figures are for, in words: "the Navy", "the Army or the Air Force". */
function servicesText(filter: DealFilter): string {
  return (filter.service ?? [])
    .map((s) => (s === 'unknown' ? 'no known service' : `the ${LABELS.service[s]}`))
    .join(' or ');
}

/** Facets of the filter on which one deal can hold several values, so per-value figures overlap. */
function overlappingFacets(filter: DealFilter): string[] {
  return MULTI_VALUED_FACETS.filter((f) => (filter[f]?.length ?? 0) > 0 && overlapsOn('deals', f));
}

/** One key figure as the strip shows it: what it is, its value (and a second one), what it counts. */
export interface KeyFigureItem {
  label: string;
  value: string;
  extra?: string | undefined;
  note: string;
}

/**
 * The numbers a stakeholder asks first, each saying what it counts: the strip's cards, and the deck's
 * key-figures slide. Under a service filter units are the service's own, and value is the whole value
 * of deals with a share beside the share pro rata, marked as derived; where one deal can count under
 * several filter values, the note says so.
 */
export function keyFigureItems(kpis: Kpis, filter: DealFilter = {}): KeyFigureItem[] {
  const who = servicesText(filter);
  const ordered = unitsText(kpis.unitsOrdered);
  const planned = unitsText(kpis.unitsPlanned);
  const plannedAny = UNIT_FAMILIES.some((f) => kpis.unitsPlanned[f] > 0);
  const overlap = overlappingFacets(filter);
  // A share of nothing says nothing: shown only where some deal in view has a signed value.
  const share = kpis.signedUsdDeals + kpis.signedInrDeals > 0 ? kpis.share : undefined;
  return [
    {
      label: 'Deals',
      value: n(kpis.deals),
      note:
        overlap.length > 0
          ? `Records matching the filters. A deal with several ${overlap.join(' or ')} values counts under each, so counts per value can add up to more than the whole.`
          : 'Records matching the filters, of every kind and stage.',
    },
    {
      label: who ? `Signed value of deals with a share for ${who}` : 'Known signed value',
      value: kpis.signedUsdDeals > 0 ? formatUsd(kpis.signedUsd) : '—',
      extra: kpis.signedInrDeals > 0 ? formatInr(kpis.signedInr) : undefined,
      note: `Whole deals' signed, supported figures: ${deals(kpis.signedUsdDeals)} in US$, ${n(kpis.signedInrDeals)} in ₹; the two are not converted or added.${who ? ' A deal shared by several services counts in full under each.' : ''}`,
    },
    ...(share
      ? [
          {
            label: `Share for ${who}, pro rata by units (derived)`,
            value: share.usdDeals > 0 ? `≈ ${formatUsd(estimate(share.usd), { compact: true })}` : '—',
            extra: share.inrDeals > 0 ? `≈ ${formatInr(estimate(share.inr), { compact: true })}` : undefined,
            note: `An estimate, not a reported figure: each deal's signed value × ${who}'s units ÷ the deal's units.${share.underived > 0 ? ` ${deals(share.underived)} with a signed value but no count for ${who} left out.` : ''}`,
          },
        ]
      : []),
    {
      label: who ? `Units ordered for ${who}` : 'Units ordered',
      value: ordered.value,
      extra: ordered.extra,
      note: `${who ? `Only ${who}'s units, of ` : 'Quantities of '}${deals(kpis.unitsOrderedDeals)} with a contract (signed, in delivery or completed); platforms, engines and munitions apart.${plannedAny ? ` Planned, not ordered: ${[planned.value, planned.extra].filter(Boolean).join(', ')}.` : ''}`,
    },
    {
      label: 'Not yet under contract',
      value: n(kpis.inNegotiation),
      note: 'Deals announced, negotiating, MoU signed or approved.',
    },
  ];
}
