import type { RejectedRecord } from '../domain';
import { formatCount } from '../domain';
import { RejectedRecordsList } from './rejected-records-list';

/** Records that failed validation are skipped, never silently: their ids and reasons stay one click away. */
export function RejectedRecordsNotice({ rejected }: { rejected: readonly RejectedRecord[] }) {
  if (rejected.length === 0) return null;
  const count = rejected.length === 1 ? '1 record' : `${formatCount(rejected.length)} records`;
  return (
    <details className="notice notice--warning" role="status">
      <summary>
        {count} rejected: the API sent data that failed validation and is not shown. See which and why.
      </summary>
      <RejectedRecordsList rejected={rejected} />
    </details>
  );
}
