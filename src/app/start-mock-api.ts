import type { ApiMode } from './routes';

/** Which API this page talks to, known before anything loads: a real server, the embedded one, or none. */
export function apiMode(): ApiMode {
  if (import.meta.env.VITE_API_BASE_URL) return 'remote';
  if (!('serviceWorker' in navigator)) return 'unavailable';
  return 'mock';
}

/**
 * Starts the embedded mock API (MSW), which runs in the production build too, so the built app is a
 * self-contained demo. The page renders meanwhile: requests wait for it (`apiReady` in `http.ts`),
 * so the skeletons paint while the mock's chunk (Dexie, MSW) loads and its service worker starts.
 */
export async function startMockApi(): Promise<void> {
  const { worker } = await import('../../mocks/browser');
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
