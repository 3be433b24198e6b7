import { afterEach, beforeEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySyncStore, type SyncStore } from '../src/index.js';
import { SqliteSyncStore } from '../src/sqlite/index.js';

/** Every store test runs against each implementation: they must behave the same. */
export const STORE_KINDS: [string, () => { store: SyncStore; path: string | null; cleanup: () => void }][] = [
  ['memory', () => ({ store: new MemorySyncStore(), path: null, cleanup: () => {} })],
  [
    'sqlite',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'hrkit-store-'));
      const path = join(dir, 'nested', 'hrkit.sqlite');
      return { store: new SqliteSyncStore(path), path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
];

/** Opens a fresh store of one kind before each test and closes and removes it after; hands it over through `use`. */
export function freshStorePerTest(open: (typeof STORE_KINDS)[number][1], use: (store: SyncStore) => void): void {
  let opened: ReturnType<typeof open>;
  beforeEach(() => {
    opened = open();
    use(opened.store);
  });
  afterEach(async () => {
    await opened.store.close();
    opened.cleanup();
  });
}
