import {
  countryName,
  formatFigure,
  formatPartialDate,
  headlineFigure,
  LABELS,
  signatureDate,
  type Deal,
} from '../domain';

/** The headline value as written, with its kind when it is not a signed figure; "Value not reported" otherwise. */
export function HeadlineValue({ deal }: { deal: Deal }) {
  const figure = headlineFigure(deal);
  if (!figure) return <span className="muted">Value not reported</span>;
  const qualifier = figure.kind === 'signed' ? '' : ` (${LABELS.figureKind[figure.kind].toLowerCase()})`;
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

export function SignedOn({ deal }: { deal: Deal }) {
  const date = signatureDate(deal);
  return date ? <span>Signed {formatPartialDate(date)}</span> : <span className="muted">Not signed</span>;
}
