import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The AG Grid peer is built on its own, into dist-bench/, so nothing of it reaches the app's bundle.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: fileURLToPath(new URL('../../public', import.meta.url)),
  plugins: [react()],
  // The same embedded API as the app's, which caches generated data sets per build (mocks/synthetic-cache.ts).
  define: { __BUILD_ID__: JSON.stringify(Date.now().toString(36)) },
  build: { outDir: fileURLToPath(new URL('../../dist-bench', import.meta.url)), emptyOutDir: true },
});
