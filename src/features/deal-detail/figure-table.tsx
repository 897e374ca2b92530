import { DataText } from '../../components/data-text';
import { CitedSources } from './cited-sources';
import { figureRange, formatFigure, formatMoney, formatPartialDate, LABELS, type Deal } from '../../domain';

/** Every reported figure, the headline marked; where sources disagree the spread is stated. */
export function FigureTable({ deal }: { deal: Deal }) {
  if (deal.figures.length === 0) return <p className="muted">No value has been reported for this deal.</p>;
  const currencies = [...new Set(deal.figures.map((f) => f.currency))];
  const spreads = currencies
    .map((currency) => ({ currency, range: figureRange(deal, currency) }))
    .filter((s) => s.range && s.range.count > 1 && s.range.min !== s.range.max);
  return (
    <>
      {spreads.length > 0 ? (
        <p>
          Sources disagree:{' '}
          {spreads
            .map(
              (s) => `${formatMoney(s.range!.min, s.currency)} to ${formatMoney(s.range!.max, s.currency)}`,
            )
            .join('; ')}
          .
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="data-table figure-table">
          <caption className="sr-only">Reported values</caption>
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col">Kind</th>
              <th scope="col">As of</th>
              <th scope="col">Confidence</th>
              <th scope="col">Sources</th>
            </tr>
          </thead>
          <tbody>
            {deal.figures.map((figure) => (
              <tr key={figure.id} className={figure.id === deal.headlineFigureId ? 'is-headline' : undefined}>
                <td>
                  {formatFigure(figure)}
                  {figure.id === deal.headlineFigureId ? <strong className="tag">Headline</strong> : null}
                  {figure.note ? (
                    <div className="muted">
                      <DataText>{figure.note}</DataText>
                    </div>
                  ) : null}
                </td>
                <td className="figure-table__word" data-label="Kind">
                  {LABELS.figureKind[figure.kind]}
                </td>
                <td className="figure-table__date" data-label="As of">
                  {formatPartialDate(figure.asOf)}
                </td>
                <td
                  className={`figure-table__word confidence confidence--${figure.confidence}`}
                  data-label="Confidence"
                >
                  {LABELS.confidence[figure.confidence]}
                </td>
                <td data-label="Sources">
                  <CitedSources ids={figure.sourceIds} sources={deal.sources} label={null} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
