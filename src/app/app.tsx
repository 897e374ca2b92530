import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createQueryClient } from './query-client';
import { AppRoutes, type ApiMode } from './routes';

/** The providers and the pages; tests pass their own query client. The URL is the browser's. */
export function App({ apiMode, queryClient }: { apiMode: ApiMode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <AppRoutes apiMode={apiMode} />
    </QueryClientProvider>
  );
}
