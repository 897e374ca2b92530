import { DataText } from '../../components/data-text';
import { formatCount, formatImportDay, LABELS, type Deal, type Origin, type Quantity } from '../../domain';
import { formatPartialDate } from '../../domain/money-dates/partial-date';
import { CitedSources } from './cited-sources';

const FORMAT_NAMES: Record<Origin['format'], string> = {
  'sipri-classic': 'SIPRI trade register, classic layout',
  'sipri-2025': 'SIPRI trade register, 2025 layout',
  'ocds-release-package': 'OCDS release package',
  'ocds-record-package': 'OCDS record package',
  'dpt-json': 'This tracker’s JSON export',
  'dpt-csv': 'This tracker’s CSV export',
  csv: 'CSV file',
};

const SHOWN_PLACES = 12;

/** "line 226" / "lines 226, 227" / "releases[3]": where in the file the record was read. */
export function describePlaces(rows: readonly (number | string)[]): string {
  if (rows.length === 0) return 'not recorded';
  const lines = rows.filter((r): r is number => typeof r === 'number');
  const paths = rows.filter((r): r is string => typeof r === 'string');
  const parts: string[] = [];
  if (lines.length > 0)
    parts.push(
      `${lines.length === 1 ? 'line' : 'lines'} ${lines.slice(0, SHOWN_PLACES).map(formatCount).join(', ')}`,
    );
  parts.push(...paths.slice(0, Math.max(0, SHOWN_PLACES - lines.length)));
  const left =
    Math.max(0, lines.length - SHOWN_PLACES) +
    Math.max(0, paths.length - Math.max(0, SHOWN_PLACES - lines.length));
  return `${parts.join('; ')}${left > 0 ? ` and ${formatCount(left)} more` : ''}`;
}

/** Where an imported record came from: the file, its publisher, rows, dates, the register's key and rights. */
export function OriginPanel({ origin }: { origin: Origin }) {
  const rows: [string, React.ReactNode][] = [
    ['File', <DataText key="file">{origin.file}</DataText>],
    ['Format', FORMAT_NAMES[origin.format]],
    ['Publisher', <DataText key="publisher">{origin.publisher}</DataText>],
    [origin.rows.some((r) => typeof r === 'string') ? 'Read from' : 'Rows', describePlaces(origin.rows)],
    [
      'Data generated',
      origin.generated ? formatPartialDate(origin.generated, 'long') : 'Not stated by the file',
    ],
    ['Imported', formatImportDay(origin.importedAt)],
  ];
  if (origin.externalId)
    rows.push([
      origin.format.startsWith('sipri')
        ? 'SIPRI AT Database ID'
        : origin.format.startsWith('ocds')
          ? 'OCDS id'
          : 'Id in the file',
      <DataText key="id">{origin.externalId}</DataText>,
    ]);
  if (origin.rights) rows.push(['Rights', <DataText key="rights">{origin.rights}</DataText>]);
  return (
    <section className="card origin-panel" aria-labelledby="deal-origin">
      <h2 id="deal-origin">
        Imported from <DataText>{origin.publisher}</DataText>
      </h2>
      <p className="muted">
        This record was read from a file, not entered here: its facts and figures are the file’s
        {origin.rights ? (
          <>
            , <DataText>{origin.rights}</DataText>
          </>
        ) : null}
        .
      </p>
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const tivFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** SIPRI's trend-indicator values: a volume of military capability, shown apart from money and never with a currency. */
export function TivPanel({ deal }: { deal: Deal }) {
  const tiv = deal.tiv;
  if (!tiv) return null;
  const rows: [string, number | undefined][] = [
    ['Per unit', tiv.perUnit],
    ['Of the order', tiv.order],
    ['Of deliveries so far', tiv.delivered],
  ];
  return (
    <section className="card" aria-labelledby="deal-tiv">
      <h2 id="deal-tiv">SIPRI TIV (millions), a volume indicator, not money</h2>
      <p className="muted">
        SIPRI’s trend-indicator value measures the volume of military capability transferred. It is not a
        price: it is never added to the deal’s value or shown in a currency.
      </p>
      <dl className="facts">
        {rows.map(([term, value]) => (
          <div key={term} className="facts__row">
            <dt>{term}</dt>
            <dd>{value === undefined ? 'Not given' : `${tivFormat.format(value)} million TIV`}</dd>
          </div>
        ))}
      </dl>
      <CitedSources ids={tiv.sourceIds} sources={deal.sources} label="Sources" />
    </section>
  );
}

/** "10 of 10 delivered", where a register says how many have been delivered (0 is a count). */
export function DeliveredLine({ quantity }: { quantity: Quantity }) {
  const delivered = quantity.delivered;
  if (!delivered) return null;
  return (
    <p className="deal__delivered">
      <strong>
        {formatCount(delivered.count)} of {formatCount(quantity.total)} delivered
      </strong>
      {delivered.confidence !== 'confirmed'
        ? ` (${LABELS.confidence[delivered.confidence].toLowerCase()})`
        : ''}
    </p>
  );
}
