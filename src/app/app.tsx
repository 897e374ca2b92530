import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { CrossTabSyncProvider } from '../components/cross-tab-sync';
import { ToastProvider } from '../components/toast';
import { createQueryClient } from './query-client';
import { AppRoutes, type ApiMode } from './routes';

/** The providers and the pages; tests pass their own query client. The URL is the browser's. */
export function App({ apiMode, queryClient }: { apiMode: ApiMode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      {/* Writes show their notices (with Undo) and tell the other tabs of this data set. */}
      <CrossTabSyncProvider>
        <ToastProvider>
          <AppRoutes apiMode={apiMode} />
        </ToastProvider>
      </CrossTabSyncProvider>
    </QueryClientProvider>
  );
}
