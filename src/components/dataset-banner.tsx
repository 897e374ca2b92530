import { useQuery } from '@tanstack/react-query';
import { metaQueries } from '../api';
import { useApiContext } from './api-context';
import { formatCount } from '../domain';

/** Names the data set on every page; synthetic data is announced so it is never taken for real deals. */
export function DatasetBanner() {
  const context = useApiContext();
  const { data: meta } = useQuery(metaQueries.meta(context));
  // Checked by useApiContext: one of the mock's known scenarios, and absent on a real-server build,
  // so a link can neither put its own words in this banner nor announce a scenario that is not running.
  const scenario = context.mock;
  return (
    <>
      {meta?.synthetic ? (
        <p className="banner banner--synthetic" role="note">
          <strong>Synthetic data</strong> — {formatCount(meta.recordCount)} generated records for demos and
          performance tests. These are not real deals.
        </p>
      ) : null}
      {scenario ? (
        <p className="banner banner--scenario" role="note">
          Demo of failure: the mock API is running the <code>{scenario}</code> scenario.
        </p>
      ) : null}
    </>
  );
}

export function DatasetLabel() {
  const { data: meta } = useQuery(metaQueries.meta(useApiContext()));
  if (!meta) return null;
  return (
    <span className={meta.synthetic ? 'dataset-label dataset-label--synthetic' : 'dataset-label'}>
      {meta.synthetic ? 'Synthetic' : 'Sourced'} · {formatCount(meta.recordCount)} records
    </span>
  );
}
