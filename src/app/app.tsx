import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from './query-client';
import { routes, type ApiMode } from './routes';

type AppRouter = ReturnType<typeof createBrowserRouter>;

const flushNavigation = (update: () => unknown): undefined => {
  flushSync(update);
};

/** The providers and the router; tests pass their own client and a memory router. */
export function App({
  apiMode,
  queryClient,
  router,
}: {
  apiMode: ApiMode;
  queryClient?: QueryClient;
  router?: AppRouter;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [appRouter] = useState(() => router ?? createBrowserRouter(routes(apiMode)));
  return (
    <QueryClientProvider client={client}>
      {/* flushSync lets a navigation that asks for it render at once (see use-url-filter.ts). */}
      <RouterProvider router={appRouter} flushSync={flushNavigation} />
    </QueryClientProvider>
  );
}
