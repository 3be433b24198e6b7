import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyState, MemorySyncStore } from '../src/index.js';
import { SqliteSyncStore } from '../src/sqlite/index.js';
import { describeSyncStoreConformance, storeSnapshot, syncHarness, HIBOB_LIKE } from '../src/testing/index.js';
import { STORE_KINDS } from './stores.js';

// The contract suite that any store (ours or a third party's) runs; see docs/sync.md.
describeSyncStoreConformance('memory', () => new MemorySyncStore());
describeSyncStoreConformance('sqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hrkit-store-'));
  return {
    store: new SqliteSyncStore(join(dir, 'nested', 'hrkit.sqlite')),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SqliteSyncStore', () => {
  it('persists to its file across reopen', async () => {
    const [, open] = STORE_KINDS[1]!;
    const opened = open();
    const h = syncHarness(opened.store, HIBOB_LIKE);
    for (const id of ['1', '2']) h.company.addEmployee(id);
    await h.sync();
    await opened.store.transaction((unit) => unit.putState('other', { ...emptyState(), cursors: { c: '1' } }));
    const before = await storeSnapshot(opened.store);
    await opened.store.close();
    const reopened = new SqliteSyncStore(opened.path!);
    try {
      expect(await storeSnapshot(reopened)).toEqual(before);
      expect((await reopened.getState('other')).cursors).toEqual({ c: '1' });
    } finally {
      await reopened.close();
      opened.cleanup();
    }
  });
});
