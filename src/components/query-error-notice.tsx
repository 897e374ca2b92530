import { isApiError } from '../api';

/**
 * Says what failed and offers Retry. Pages render it above whatever they already show, so a failed
 * refresh never blanks data the user was reading.
 */
export function QueryErrorNotice({
  what,
  error,
  onRetry,
  retrying,
  hasStaleData,
}: {
  what: string;
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
  hasStaleData?: boolean;
}) {
  const message = isApiError(error) || error instanceof Error ? error.message : String(error);
  return (
    <div className="notice notice--error" role="alert">
      <div>
        <strong>Could not load {what}.</strong> {message}
        {hasStaleData ? ' The data below is from the last successful load.' : ''}
      </div>
      <button type="button" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
