import { LABELS, type Deal, formatCount } from '../domain';
import { clampLabel, LABEL_MAX } from '../domain/text/clamp-text';
import { ContextLink } from './context-link';
import { DataText } from './data-text';
import { HeadlineValue, SignedOn, StatusBadge, SupplierToBuyer } from './deal-summary-line';

/** A plain list of deals; the full virtualised table comes with the deals-table issue. */
export function DealList({ deals, label }: { deals: readonly Deal[]; label: string }) {
  if (deals.length === 0) return <p className="empty">No deals match.</p>;
  return (
    <ul className="deal-list" aria-label={label}>
      {deals.map((deal) => (
        <li key={deal.id} className="deal-card">
          <div className="deal-card__head">
            <ContextLink to={`/deals/${encodeURIComponent(deal.id)}`} className="deal-card__title">
              <DataText>{clampLabel(deal.title, LABEL_MAX)}</DataText>
            </ContextLink>
            <StatusBadge status={deal.status} />
          </div>
          <div className="deal-card__facts">
            <span>{LABELS.kind[deal.kind]}</span>
            {deal.system ? (
              <span>
                <DataText>{deal.system.name}</DataText>
              </span>
            ) : null}
            <SupplierToBuyer deal={deal} />
            {deal.quantity ? (
              <span>
                {formatCount(deal.quantity.total)} <DataText>{deal.quantity.unit}</DataText>
              </span>
            ) : null}
            <HeadlineValue deal={deal} />
            <SignedOn deal={deal} />
          </div>
        </li>
      ))}
    </ul>
  );
}
