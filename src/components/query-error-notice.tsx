import { isCancelledError } from '@tanstack/react-query';
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
  // A load the user cancelled is not a fault of the server: say what happened, and keep Retry.
  const message = isCancelledError(error)
    ? 'The load was cancelled.'
    : isApiError(error) || error instanceof Error
      ? error.message
      : String(error);
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
