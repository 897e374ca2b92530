import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { App } from '../app/app';
import { routes } from '../app/routes';

/** The whole app at a URL, with a fresh query client that does not retry, as a user would meet it. */
export function renderApp(url = '/') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes('mock'), { initialEntries: [url] });
  const view = render(<App apiMode="mock" queryClient={queryClient} router={router} />);
  return { ...view, router, queryClient };
}
