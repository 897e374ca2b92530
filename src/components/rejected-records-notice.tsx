import type { RejectedRecord } from '../domain';
import { formatCount } from '../domain';

/** Records that failed validation are skipped, never silently: their ids and reasons stay one click away. */
export function RejectedRecordsNotice({ rejected }: { rejected: readonly RejectedRecord[] }) {
  if (rejected.length === 0) return null;
  const count = rejected.length === 1 ? '1 record' : `${formatCount(rejected.length)} records`;
  return (
    <details className="notice notice--warning" role="status">
      <summary>
        {count} rejected: the API sent data that failed validation and is not shown. See which and why.
      </summary>
      <ul className="rejected-list">
        {rejected.slice(0, 100).map((r) => (
          <li key={r.index}>
            <code>{r.id ?? `record #${r.index + 1} (no id)`}</code>: {r.reason}
          </li>
        ))}
      </ul>
      {rejected.length > 100 ? <p>… and {rejected.length - 100} more.</p> : null}
    </details>
  );
}
