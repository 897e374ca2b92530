import { useEffect, useId, useState } from 'react';
import { ChangeList } from '../../components/conflict/change-list';
import '../../components/conflict/conflict.css';
import { DataText } from '../../components/data-text';
import { countryName, formatCount } from '../../domain';
import { reasonBesidePlace } from '../../domain/import/report-csv';
import type { FilePlace, PlannedUpdate, RejectedRow } from '../../domain/import/types';
import type { AddedRow, PlanSummary } from './import-core';
import { Pager } from './pager';

const PAGE = 25;

export function placeText(place: FilePlace): string {
  return typeof place === 'number' ? `line ${formatCount(place)}` : place;
}

function placesText(places: readonly FilePlace[]): string {
  if (places.length === 0) return '';
  if (places.length === 1) return placeText(places[0]!);
  const first = places[0]!;
  const last = places[places.length - 1]!;
  return typeof first === 'number' && typeof last === 'number'
    ? `lines ${formatCount(first)}–${formatCount(last)}`
    : `${placeText(first)} and ${formatCount(places.length - 1)} more`;
}

function countries(codes: readonly string[]): string {
  return codes.map(countryName).join(', ');
}

/** The numbers first, as one line a user can check against the file. */
function Counts({ summary }: { summary: PlanSummary }) {
  const items: [string, number][] = [
    ['rows read', summary.rowsRead],
    ['new deals', summary.addedCount],
    ['matching deals that change', summary.updated.length],
    ['matching deals unchanged', summary.unchanged],
    ['rows that cannot be imported', summary.rejected.length],
  ];
  return (
    <dl className="import-counts">
      {items.map(([label, n]) => (
        <div key={label} className="import-counts__item">
          <dt>{label}</dt>
          <dd>{formatCount(n)}</dd>
        </div>
      ))}
    </dl>
  );
}

function AddedList({
  count,
  page,
}: {
  count: number;
  page: (offset: number, limit: number) => Promise<AddedRow[]>;
}) {
  const headingId = useId();
  const [offset, setOffset] = useState(0);
  const [rows, setRows] = useState<AddedRow[] | null>(null);
  useEffect(() => {
    let live = true;
    void page(offset, PAGE).then((r) => live && setRows(r));
    return () => {
      live = false;
    };
  }, [page, offset]);
  if (count === 0) return null;
  return (
    <section className="card import-section" aria-labelledby={headingId}>
      <h2 id={headingId}>New deals ({formatCount(count)})</h2>
      {rows ? (
        <div className="import-table-wrap">
          <table className="import-table import-table--added">
            <thead>
              <tr>
                <th scope="col">Deal</th>
                <th scope="col">Supplier</th>
                <th scope="col">Buyer</th>
                <th scope="col" className="import-table__place">
                  From
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className="import-table__title">
                    <DataText>{row.title}</DataText>
                  </td>
                  <td>{countries(row.supplierCountries)}</td>
                  <td>{countries(row.buyerCountries)}</td>
                  <td className="import-table__place">{placesText(row.places)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">Loading the list…</p>
      )}
      <Pager offset={offset} pageSize={PAGE} total={count} onOffset={setOffset} what="new deals" />
    </section>
  );
}

function UpdatedList({ updates }: { updates: readonly PlannedUpdate[] }) {
  const headingId = useId();
  const [offset, setOffset] = useState(0);
  if (updates.length === 0) return null;
  return (
    <section className="card import-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Matching deals that would change ({formatCount(updates.length)})</h2>
      <ol className="import-updates">
        {updates.slice(offset, offset + PAGE).map((update) => (
          <li key={update.existingId} className="import-update">
            <h3 className="import-update__title">
              <DataText>{update.before.title}</DataText>
            </h3>
            <p className="muted import-update__why">
              Matched by {update.matchedBy}, from {placesText(update.places)}.
            </p>
            <ChangeList changes={update.changes} before={update.before} after={update.after} />
          </li>
        ))}
      </ol>
      <Pager
        offset={offset}
        pageSize={PAGE}
        total={updates.length}
        onOffset={setOffset}
        what="changed deals"
      />
    </section>
  );
}

function RejectedList({
  rejected,
  onDownload,
}: {
  rejected: readonly RejectedRow[];
  onDownload: () => void;
}) {
  const headingId = useId();
  const [offset, setOffset] = useState(0);
  if (rejected.length === 0) return null;
  return (
    <section className="card import-section" aria-labelledby={headingId}>
      <div className="import-section__head">
        <h2 id={headingId}>Rows that cannot be imported ({formatCount(rejected.length)})</h2>
        <button type="button" onClick={onDownload}>
          Download the report (CSV)
        </button>
      </div>
      <div className="import-table-wrap">
        <table className="import-table">
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {rejected.slice(offset, offset + PAGE).map((row, i) => (
              <tr key={`${String(row.place)}-${offset + i}`}>
                <td className="import-table__place">{placeText(row.place)}</td>
                <td>
                  <DataText>{reasonBesidePlace(row)}</DataText>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        offset={offset}
        pageSize={PAGE}
        total={rejected.length}
        onOffset={setOffset}
        what="rejected rows"
      />
    </section>
  );
}

/** The preview: what the file holds and what importing it would do. Nothing is written before Confirm. */
export function ImportPreview({
  summary,
  fileName,
  page,
  onConfirm,
  onCancel,
  onDownloadReport,
  committing,
  commitError,
}: {
  summary: PlanSummary;
  fileName: string;
  page: (offset: number, limit: number) => Promise<AddedRow[]>;
  onConfirm: () => void;
  onCancel: () => void;
  onDownloadReport: () => void;
  committing: boolean;
  commitError: string | null;
}) {
  const writes = summary.addedCount + summary.updated.length;
  return (
    <div className="import-preview">
      <Counts summary={summary} />
      {summary.warnings.length > 0 ? (
        <ul className="notice notice--warning import-warnings">
          {summary.warnings.map((warning, i) => (
            <li key={i}>
              <DataText>{warning}</DataText>
            </li>
          ))}
        </ul>
      ) : null}
      {commitError ? (
        <div className="notice notice--error" role="alert">
          <p>
            The import was refused: <DataText>{commitError}</DataText> Nothing was changed; the preview is
            kept.
          </p>
          <button type="button" onClick={onConfirm} disabled={committing}>
            Retry
          </button>
        </div>
      ) : null}
      <div className="import-actions">
        <button
          type="button"
          className="button--primary"
          onClick={onConfirm}
          disabled={committing || writes === 0}
        >
          {committing
            ? 'Importing…'
            : writes === 0
              ? 'Nothing to import'
              : `Confirm: import ${formatCount(summary.addedCount)} new, update ${formatCount(summary.updated.length)}`}
        </button>
        <button type="button" onClick={onCancel} disabled={committing}>
          Cancel
        </button>
        <span className="muted">
          from <DataText>{fileName}</DataText>
        </span>
      </div>
      <UpdatedList updates={summary.updated} />
      <AddedList count={summary.addedCount} page={page} />
      <RejectedList rejected={summary.rejected} onDownload={onDownloadReport} />
    </div>
  );
}
