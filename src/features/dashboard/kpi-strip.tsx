import { formatInr, formatUsd, type Kpis, formatCount } from '../../domain';

/** Four numbers a stakeholder asks first, each with one line on what it counts. */
export function KpiStrip({ kpis }: { kpis: Kpis }) {
  const n = (v: number) => formatCount(v);
  const deals = (v: number) => `${n(v)} deal${v === 1 ? '' : 's'}`;
  const items = [
    { label: 'Deals', value: n(kpis.deals), note: 'Records matching the filters, of every kind and stage.' },
    {
      label: 'Known signed value',
      value: kpis.signedUsdDeals > 0 ? formatUsd(kpis.signedUsd) : '—',
      extra: kpis.signedInrDeals > 0 ? formatInr(kpis.signedInr) : undefined,
      note: `Signed, supported figures: ${deals(kpis.signedUsdDeals)} in US$, ${n(kpis.signedInrDeals)} in ₹; the two are not converted or added.`,
    },
    {
      label: 'Units on order',
      value: n(kpis.unitsOnOrder),
      note: `Quantities of ${deals(kpis.unitsOnOrderDeals)} signed or in delivery, all kinds of unit together.`,
    },
    {
      label: 'Not yet under contract',
      value: n(kpis.inNegotiation),
      note: 'Announced, negotiating, MoU signed or approved.',
    },
  ];
  return (
    <dl className="kpis" aria-label="Key figures">
      {items.map((item) => (
        <div className="kpi card" key={item.label}>
          <dt>{item.label}</dt>
          <dd className="kpi__value">
            {item.value}
            {item.extra ? <span className="kpi__extra">and {item.extra}</span> : null}
          </dd>
          <dd className="kpi__note">{item.note}</dd>
        </div>
      ))}
    </dl>
  );
}
