import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { createQueryClient } from './query-client';
import { routes, type ApiMode } from './routes';

type AppRouter = ReturnType<typeof createBrowserRouter>;

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
      <RouterProvider router={appRouter} />
    </QueryClientProvider>
  );
}
