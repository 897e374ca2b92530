import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { formatCount, isoDay, type RejectedRecord } from '../domain';
import { download } from './chart-export/raster';
import { DataText } from './data-text';
import './rejected-records-list.css';

/** How many the notice lists inline; the rest are one click away, in the dialog. */
const PREVIEW = 100;
/** How many the dialog shows at a time. */
const PAGE = 100;

// The position unformatted, so a search for "record #1451" finds it.
const recordLabel = (r: RejectedRecord) => r.id ?? `record #${r.index + 1} (no id)`;

/** One rejected record as every list shows it: the id (or the position), then why. */
export function RejectedRecordLine({ record }: { record: RejectedRecord }) {
  return (
    <>
      {/* The id and the reason come from the feed (a reason may quote the bad value): both isolated. */}
      <code>
        <DataText>{recordLabel(record)}</DataText>
      </code>
      : <DataText>{record.reason}</DataText>
    </>
  );
}

async function downloadCsv(rejected: readonly RejectedRecord[]) {
  // papaparse is not part of the first load: the writer loads on first use.
  const { rejectedRecordsCsv } = await import('../domain/export/rejected-csv');
  const blob = new Blob([rejectedRecordsCsv(rejected)], { type: 'text/csv;charset=utf-8' });
  download(blob, `rejected-records_${isoDay(new Date())}.csv`);
}

function DownloadButton({ rejected }: { rejected: readonly RejectedRecord[] }) {
  return (
    <button type="button" className="rejected-button--quiet" onClick={() => void downloadCsv(rejected)}>
      Download all as CSV
    </button>
  );
}

/**
 * The notice's list of rejected records: the first hundred inline, and, when there are more, a
 * dialog with every one of them, searchable; and all of them as CSV.
 */
export function RejectedRecordsList({ rejected }: { rejected: readonly RejectedRecord[] }) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const more = rejected.length - PREVIEW;
  return (
    <>
      <ul className="rejected-list">
        {rejected.slice(0, PREVIEW).map((r) => (
          <li key={r.index}>
            <RejectedRecordLine record={r} />
          </li>
        ))}
      </ul>
      {more > 0 ? <p>… and {formatCount(more)} more.</p> : null}
      <p className="rejected-actions">
        {more > 0 ? (
          <button type="button" ref={opener} onClick={() => setOpen(true)}>
            Show all {formatCount(rejected.length)} rejected records
          </button>
        ) : null}
        <DownloadButton rejected={rejected} />
      </p>
      {open
        ? createPortal(
            <RejectedRecordsDialog
              rejected={rejected}
              onClose={() => {
                setOpen(false);
                opener.current?.focus();
              }}
            />,
            // Outside the notice: its <details> is a live region, and the dialog's search should not
            // be read out as a status change.
            document.body,
          )
        : null}
    </>
  );
}

function RejectedRecordsDialog({
  rejected,
  onClose,
}: {
  rejected: readonly RejectedRecord[];
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const search = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    // showModal puts the dialog in the top layer: the page behind is inert, Tab stays inside and
    // Escape closes it, all by the browser.
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // After showModal, which would focus the first control (Close): the search is what one came for.
    search.current?.focus();
  }, []);

  // Lower-cased once per list, so a keystroke over 10,000 records is one pass of `includes`.
  const haystack = useMemo(
    () => rejected.map((r) => `${recordLabel(r)}\n${r.reason}`.toLowerCase()),
    [rejected],
  );
  const needle = query.trim().toLowerCase();
  const matches = useMemo(
    () => (needle ? rejected.filter((_, i) => haystack[i]!.includes(needle)) : rejected),
    [rejected, haystack, needle],
  );

  const total = formatCount(rejected.length);
  return (
    <dialog ref={dialog} className="rejected-dialog" aria-labelledby={titleId} onClose={onClose}>
      <div className="rejected-dialog__head">
        <h2 id={titleId}>{total} rejected records</h2>
        <button type="button" className="rejected-button--quiet" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <label className="rejected-dialog__search">
        Search by id or reason
        <input
          type="search"
          value={query}
          ref={search}
          onChange={(event) => setQuery(event.target.value)}
          spellCheck={false}
        />
      </label>
      <p className="muted" aria-live="polite">
        {needle
          ? matches.length === 0
            ? `No rejected record matches “${query.trim()}”.`
            : `Showing ${formatCount(matches.length)} of ${total}.`
          : `Showing all ${total}.`}
      </p>
      <RejectedRows rows={matches} />
      <p className="rejected-actions">
        <DownloadButton rejected={rejected} />
      </p>
    </dialog>
  );
}

/**
 * A page of rows at a time: 10,000 rejects open as fast as 100, and each row keeps its natural
 * height (a reason can wrap over lines), which a virtual list would have to measure.
 */
function RejectedRows({ rows }: { rows: readonly RejectedRecord[] }) {
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  // A narrower search can leave the page past the end: show its last page instead.
  const current = Math.min(page, pages - 1);
  const first = current * PAGE;
  const shown = rows.slice(first, first + PAGE);
  const scroller = useRef<HTMLDivElement>(null);
  const go = (to: number) => {
    setPage(to);
    if (scroller.current) scroller.current.scrollTop = 0;
  };
  return (
    <>
      {/* A scrolling region a keyboard user can reach and scroll with the arrow keys. */}
      <div ref={scroller} className="rejected-dialog__rows" tabIndex={0} aria-label="Rejected records">
        <ul className="rejected-list">
          {shown.map((r) => (
            <li key={r.index}>
              <RejectedRecordLine record={r} />
            </li>
          ))}
        </ul>
      </div>
      {pages > 1 ? (
        <nav className="rejected-pager" aria-label="Pages of rejected records">
          <button type="button" disabled={current === 0} onClick={() => go(current - 1)}>
            ← Previous {PAGE}
          </button>
          <span>
            {formatCount(first + 1)}–{formatCount(first + shown.length)} of {formatCount(rows.length)}
          </span>
          <button type="button" disabled={current === pages - 1} onClick={() => go(current + 1)}>
            Next {PAGE} →
          </button>
        </nav>
      ) : null}
    </>
  );
}
