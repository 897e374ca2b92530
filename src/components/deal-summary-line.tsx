import { countryName, formatFigure, formatPartialDate, headlineFigure, LABELS, type Deal } from '../domain';

/** The headline value as written, with its kind when it is not a signed figure; "Value not reported" otherwise. */
export function HeadlineValue({ deal, compact = false }: { deal: Deal; compact?: boolean }) {
  const figure = headlineFigure(deal);
  if (!figure) {
    return compact ? (
      <span className="muted" title="Value not reported" aria-label="Value not reported">
        —
      </span>
    ) : (
      <span className="muted">Value not reported</span>
    );
  }
  const qualifier = figure.kind === 'signed' ? '' : ` (${LABELS.figureKind[figure.kind].toLowerCase()})`;
  if (compact) {
    const others = deal.figures.length - 1;
    return (
      <span
        className={figure.kind === 'estimate' ? 'value value--estimate' : 'value'}
        title={
          others > 0 ? `${others} other reported figure${others === 1 ? '' : 's'}: see the deal` : undefined
        }
      >
        {formatFigure(figure, { compact: true })}
        {figure.kind === 'signed'
          ? ''
          : ` (${figure.kind === 'estimate' ? 'est.' : LABELS.figureKind[figure.kind].toLowerCase()})`}
      </span>
    );
  }
  return (
    <span className={figure.kind === 'estimate' ? 'value value--estimate' : 'value'}>
      {formatFigure(figure)}
      {qualifier}
      {deal.figures.length > 1 ? (
        <span className="muted"> · {deal.figures.length} reported figures</span>
      ) : null}
    </span>
  );
}

export function StatusBadge({ status }: { status: Deal['status'] }) {
  return <span className={`badge badge--${status}`}>{LABELS.status[status]}</span>;
}

export function SupplierToBuyer({ deal }: { deal: Deal }) {
  const names = (codes: string[]) => codes.map(countryName).join(', ');
  return (
    <span>
      {names(deal.supplierCountries)} → {names(deal.buyerCountries)}
    </span>
  );
}

const AGREED_ON = [
  ['signature', 'Signed'],
  ['mou', 'MoU signed'],
  ['lease-start', 'Leased from'],
] as const;

/** When the deal was agreed, by the firmest milestone on record; absent is said as absent, not as "not signed". */
export function SignedOn({ deal }: { deal: Deal }) {
  for (const [kind, label] of AGREED_ON) {
    const milestone = deal.milestones.find((m) => m.kind === kind);
    if (milestone) return <span>{`${label} ${formatPartialDate(milestone.date)}`}</span>;
  }
  return <span className="muted">No signature recorded</span>;
}
