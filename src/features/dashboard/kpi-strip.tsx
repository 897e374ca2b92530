import type { DealFilter, Kpis } from '../../domain';
import { keyFigureItems } from '../../domain/export/key-figures';

/**
 * The numbers a stakeholder asks first, each saying what it counts (`keyFigureItems`, which the
 * briefing deck shares).
 */
export function KpiStrip({ kpis, filter = {} }: { kpis: Kpis; filter?: DealFilter }) {
  const items = keyFigureItems(kpis, filter);
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
