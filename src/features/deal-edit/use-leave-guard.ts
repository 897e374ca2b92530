import { useEffect, useRef } from 'react';
import { onBeforeTraversal } from '../../components/routing';

export const LEAVE_QUESTION = 'Leave this page? Your changes to this deal have not been saved.';

/**
 * While `dirty`, leaving asks first: closing or reloading the tab (`beforeunload`), following a link
 * inside the app, and the browser's Back and Forward buttons. The router never learns of a refused
 * navigation: a link click is stopped before it reaches the router's handler, and a refused Back is
 * undone (the address put back) by a guard that runs before the router's `popstate` listener.
 */
export function useLeaveGuard(dirty: boolean, question = LEAVE_QUESTION): void {
  const dirtyRef = useRef(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  useEffect(() => {
    const here = () => `${window.location.pathname}${window.location.search}${window.location.hash}`;
    let current = here();

    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the question.
      event.returnValue = question;
    };

    const onClick = (event: MouseEvent) => {
      if (!dirtyRef.current || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab or window
      const anchor = (event.target as Element | null)?.closest?.('a[href]');
      if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== '_self')) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return; // leaving the app: beforeunload asks
      if (url.pathname === window.location.pathname && url.search === window.location.search) return; // a #fragment
      if (window.confirm(question)) return;
      event.preventDefault();
      event.stopPropagation();
    };

    /** True when it kept the page: the router must not see this Back. */
    const onPopState = (event: PopStateEvent): boolean => {
      if (!dirtyRef.current || window.confirm(question)) {
        current = here();
        return false;
      }
      event.stopImmediatePropagation();
      window.history.pushState(window.history.state, '', current);
      return true;
    };

    window.addEventListener('beforeunload', onBeforeUnload);
    // Capture on window: before React's handlers on the root (where the router's links listen).
    window.addEventListener('click', onClick, true);
    // Not on window: the router's popstate listener, added before this one, would render the page
    // being left (unmounting this form) before this could ask.
    const removeTraversalGuard = onBeforeTraversal(onPopState);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('click', onClick, true);
      removeTraversalGuard();
    };
  }, [question]);
}
