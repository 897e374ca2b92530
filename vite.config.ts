import { defineConfig } from 'vite';
import { configDefaults } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { cspPlugin } from './vite/csp-plugin.ts';

export default defineConfig({
  // The built index.html carries its Content-Security-Policy (vite/csp-plugin.ts, docs/deploying.md).
  plugins: [react(), cspPlugin()],
  // Names this build, so data the embedded API cached in the browser is never served by another build.
  define: { __BUILD_ID__: JSON.stringify(Date.now().toString(36)) },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // The manifest tells the benchmark which chunk is the embedded mock API.
  build: { sourcemap: true, manifest: true },
  test: {
    // Renders of the whole app in jsdom and property tests of hundreds of cases take seconds on a
    // loaded 2-core machine; a timeout is a hang detector here, not a speed budget.
    testTimeout: 20_000,
    // Scratch profiling and checking scripts (git-ignored) are nobody's tests.
    exclude: [...configDefaults.exclude, 'bench/scratch/**'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'src/domain/**/*.test.ts',
            'mocks/**/*.test.ts',
            'seeds/**/*.test.ts',
            'src/api/**/*.test.ts',
            '.ci/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          setupFiles: ['mocks/setup-indexeddb.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['mocks/setup-indexeddb.ts', 'src/test/setup-ui.ts'],
        },
      },
    ],
  },
});
