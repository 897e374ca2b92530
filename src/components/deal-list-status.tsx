import { formatCount } from '../domain';
import { SlowLoadNotice } from './slow-load-notice';
import { useDealListLoad } from './use-deal-list';

/**
 * What the page should know about the list beyond its deals: a load that is slow or paged (with
 * Cancel), and a list that holds only part of what the server has. Pages render it beside their
 * error notice; a cancelled load shows up there, as an error with Retry.
 */
export function DealListStatus() {
  const { list, progress, cancel } = useDealListLoad();
  const data = list.data;
  const retryReason =
    list.isFetching && list.failureCount > 0 && list.failureReason ? list.failureReason.message : undefined;
  return (
    <>
      <SlowLoadNotice
        loading={list.isFetching}
        progress={progress}
        retryReason={retryReason}
        onCancel={cancel}
      />
      {data && !data.complete ? (
        <div className="notice notice--warning" role="status">
          <div>
            <strong>
              Only {formatCount(data.received)} of {formatCount(data.total)} deals arrived
            </strong>
            : {data.incomplete}. Every count and chart here covers only those.
          </div>
          <button type="button" onClick={() => void list.refetch()} disabled={list.isFetching}>
            Load again
          </button>
        </div>
      ) : null}
    </>
  );
}
