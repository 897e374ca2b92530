import { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { navigate } from 'wouter/use-browser-location';
import { App } from '../app/app';

/** Where the app is now and how to move it, as the browser's address bar would. */
const router = {
  get state() {
    return { location: { pathname: window.location.pathname, search: window.location.search } };
  },
  navigate: (to: string): Promise<void> => {
    act(() => navigate(to));
    return Promise.resolve();
  },
};

/** The whole app at a URL, with a fresh query client that does not retry, as a user would meet it. */
export function renderApp(url = '/') {
  window.history.replaceState(null, '', url);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(<App apiMode="mock" queryClient={queryClient} />);
  return { ...view, router, queryClient };
}
