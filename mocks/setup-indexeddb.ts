// Node and jsdom have no IndexedDB: the embedded API's store (mocks/store) runs on fake-indexeddb's.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';

// Each test starts with no edits, as each starts with the default handlers: every database is
// deleted after it. The store closes its connection when asked to (a `versionchange`) and opens a
// fresh database on its next request.
afterEach(async () => {
  const databases = await indexedDB.databases();
  await Promise.all(
    databases.map(
      ({ name }) =>
        new Promise<void>((resolve) => {
          if (!name) return resolve();
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
});
