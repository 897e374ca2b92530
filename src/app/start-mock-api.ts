/**
 * Starts the embedded mock API (MSW) unless VITE_API_BASE_URL names a real server. It runs in the
 * production build too, so the built app is a self-contained demo.
 */
export async function startMockApi(): Promise<'mock' | 'remote' | 'unavailable'> {
  if (import.meta.env.VITE_API_BASE_URL) return 'remote';
  if (!('serviceWorker' in navigator)) return 'unavailable';
  const { worker } = await import('../../mocks/browser');
  await worker.start({
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return 'mock';
}
