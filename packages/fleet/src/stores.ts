import { ConfigurationError } from '@hrkit/core';
import { MemorySyncStore, type SyncStore } from '@hrkit/sync';

/** Opens the sync store a worker writes records, cursors and outbox events to (one per worker process). */
export type StoreFactory = () => Promise<SyncStore>;

/**
 * A store from a URL:
 * - `sqlite:<path>`: `@hrkit/sync/sqlite` (WAL; several worker processes on one machine may share the file);
 * - `memory`: one process only, for tests.
 */
export function storeFromUrl(url: string): StoreFactory {
  if (url === 'memory') return async () => new MemorySyncStore();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    return async () => {
      const { SqliteSyncStore } = await import('@hrkit/sync/sqlite');
      return new SqliteSyncStore(path);
    };
  }
  throw new ConfigurationError(`fleet: unknown store "${url}" (expected sqlite:<path> or memory)`, { field: 'store' });
}
