import type { ReactNode } from 'react';
import { Link, useLocation } from './routing';

/**
 * A link that keeps the whole current view (data set, filters, sort, columns): from the table to a
 * deal and back, or between deals, the user stays in the list they were reading.
 */
export function ViewLink({
  to,
  children,
  className,
}: {
  to: string;
  children: ReactNode;
  className?: string;
}) {
  const { search } = useLocation();
  return (
    <Link to={`${to}${search}`} className={className}>
      {children}
    </Link>
  );
}
