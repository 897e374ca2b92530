import { useCallback, useMemo } from 'react';
import { flushSync } from 'react-dom';
import { useLocation as useWouterLocation } from 'wouter';
import { navigate, useSearch } from 'wouter/use-browser-location';
import { readableSearch } from '../domain/url-state/url-state';

export { Link, useParams } from 'wouter';

/**
 * The app's routing hooks over wouter and the browser's history. Every page reads the URL through
 * these, so the router could change again without touching the features.
 *
 * A navigation re-renders synchronously (wouter subscribes with useSyncExternalStore), so a keystroke
 * or a click renders once, in the frame it happens in.
 */
export interface NavigateOptions {
  replace?: boolean;
  /** Render before returning, so a second key pressed within the same frame sees the new state. */
  flushSync?: boolean;
}

function go(to: string, options: NavigateOptions = {}): void {
  const replace = options.replace ?? false;
  if (options.flushSync) flushSync(() => navigate(to, { replace }));
  else navigate(to, { replace });
}

export function useNavigate(): (to: string, options?: NavigateOptions) => void {
  return go;
}

/** The path as the router matched it and the query string as the browser holds it ("?a=1" or ""). */
export function useLocation(): { pathname: string; search: string } {
  const [pathname] = useWouterLocation();
  // The raw query string: wouter's own useSearch runs decodeURI over it, which would decode "%25" twice.
  const search = useSearch();
  return { pathname, search };
}

/*
 * The browser's Back and Forward, before the router sees them. This listener is added when this module
 * loads, so it runs before wouter's own (added on the first render): a guard that calls
 * `stopImmediatePropagation` keeps the router from rendering the page being left, so a form asking
 * "Leave this page?" is still there, as typed, when the answer is no.
 */
type TraversalGuard = (event: PopStateEvent) => boolean;
const traversalGuards = new Set<TraversalGuard>();
if (typeof window !== 'undefined') {
  window.addEventListener('popstate', (event) => {
    for (const guard of traversalGuards) if (guard(event)) return;
  });
}

/**
 * Runs `guard` on each Back or Forward within the app, before the router; a guard that stopped the
 * event (`stopImmediatePropagation`) returns true. Returns the removal.
 */
export function onBeforeTraversal(guard: TraversalGuard): () => void {
  traversalGuards.add(guard);
  return () => void traversalGuards.delete(guard);
}

export type ParamsUpdate = (current: URLSearchParams) => URLSearchParams;

/**
 * The query parameters, and a setter that builds the next ones from the current URL at the moment it
 * runs (not from the last render), so two updates in one event do not overwrite each other.
 */
export function useSearchParams(): [
  URLSearchParams,
  (update: ParamsUpdate, options?: NavigateOptions) => void,
] {
  const search = useSearch();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback((update: ParamsUpdate, options?: NavigateOptions) => {
    const next = readableSearch(update(new URLSearchParams(window.location.search)));
    go(`${window.location.pathname}${next ? `?${next}` : ''}`, options);
  }, []);
  return [params, setParams];
}
