// Node and jsdom have no IndexedDB: the embedded API's store (mocks/store) runs on fake-indexeddb's,
// one fresh database per test file.
import 'fake-indexeddb/auto';
