import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupWorker } from 'msw/browser';
import { handlers } from '../../mocks/handlers';
import { fetchDeals } from '../../src/api/deals-api';
import type { ApiContext } from '../../src/domain';
import { PeerGrid } from './peer-grid';

/**
 * The benchmark's peer: the same deals, from the same embedded API and validation, in AG Grid
 * Community instead of the tracker's table. Built by bench/peer/vite.config.ts, never part of the app.
 */
async function main() {
  const worker = setupWorker(...handlers);
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true });
  const params = new URLSearchParams(location.search);
  const context: ApiContext = {};
  for (const name of ['dataset', 'size', 'seed'] as const) {
    const value = params.get(name);
    if (value !== null) context[name] = value;
  }
  const { deals } = await fetchDeals(context, {});
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PeerGrid deals={deals} />
    </StrictMode>,
  );
}

void main();
