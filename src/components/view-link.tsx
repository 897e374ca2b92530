import type { ReactNode } from 'react';
import { isRealServer } from '../api';
import { linkSearch } from '../domain';
import { Link, useSearchParams } from './routing';

/**
 * A link that keeps the whole current view (data set, filters, sort, columns, currency: what
 * `LINK_CARRIES.deal` says): from the table to a deal and back, or between deals, the user stays in
 * the list they were reading.
 */
export function ViewLink({
  to,
  children,
  className,
  'aria-label': ariaLabel,
}: {
  to: string;
  children?: ReactNode;
  className?: string;
  /** For a link whose visible word needs the rest of its name ("Edit" → "Edit 31 MQ-9B …"). */
  'aria-label'?: string;
}) {
  const [params] = useSearchParams();
  const search = linkSearch('deal', params, {}, { realServer: isRealServer() });
  return (
    <Link to={`${to}${search}`} className={className} aria-label={ariaLabel}>
      {children}
    </Link>
  );
}
