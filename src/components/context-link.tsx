import type { ReactNode } from 'react';
import { isRealServer } from '../api';
import { linkSearch } from '../domain';
import { Link, useLocation, useSearchParams } from './routing';

export function ContextLink({
  to,
  children,
  className,
}: {
  to: string;
  children: ReactNode;
  className?: string;
}) {
  const [params] = useSearchParams();
  const search = linkSearch('context', params, {}, { realServer: isRealServer() });
  return (
    <Link to={`${to}${search}`} className={className}>
      {children}
    </Link>
  );
}

/** Main navigation: keeps the data set and the active filter, so the dashboard and the table show the same deals. */
export function ContextNavLink({ to, children, end }: { to: string; children: ReactNode; end?: boolean }) {
  const [params] = useSearchParams();
  const search = linkSearch('nav', params, {}, { realServer: isRealServer() });
  const { pathname } = useLocation();
  const active = end ? pathname === to : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <Link
      to={`${to}${search}`}
      className={active ? 'active' : undefined}
      aria-current={active ? 'page' : undefined}
    >
      {children}
    </Link>
  );
}
