import type { ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from './routing';
import { contextSearch, useApiContext } from './api-context';
import { FILTER_PARAM_NAMES } from './use-url-filter';

export function ContextLink({
  to,
  children,
  className,
}: {
  to: string;
  children: ReactNode;
  className?: string;
}) {
  const search = contextSearch(useApiContext());
  return (
    <Link to={`${to}${search}`} className={className}>
      {children}
    </Link>
  );
}

/** Main navigation: keeps the data set and the active filter, so the dashboard and the table show the same deals. */
export function ContextNavLink({ to, children, end }: { to: string; children: ReactNode; end?: boolean }) {
  const [params] = useSearchParams();
  const carried = new URLSearchParams(contextSearch(useApiContext()));
  for (const [name, value] of params) if (FILTER_PARAM_NAMES.includes(name)) carried.append(name, value);
  const search = carried.size > 0 ? `?${carried.toString()}` : '';
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
