import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { contextSearch, useApiContext } from './api-context';

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

export function ContextNavLink({ to, children, end }: { to: string; children: ReactNode; end?: boolean }) {
  const search = contextSearch(useApiContext());
  return (
    <NavLink to={`${to}${search}`} end={end ?? false}>
      {children}
    </NavLink>
  );
}
