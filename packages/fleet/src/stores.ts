import { ConfigurationError } from '@hrkit/core';
import { MemorySyncStore, type SyncStore } from '@hrkit/sync';

/** Opens the sync store a worker writes records, cursors and outbox events to (one per worker process). */
export type StoreFactory = () => Promise<SyncStore>;

const POSTGRES_URL = /^postgres(ql)?:\/\//i;

/**
 * A store from a URL:
 * - `postgres://…[?schema=hrkit]`: `@hrkit/store-postgres`, the fleet's default (the registry's database): every
 *   worker on every machine shares it, with per-connection locking across processes;
 * - `sqlite:<path>`: `@hrkit/sync/sqlite` (WAL; several worker processes on one machine may share the file);
 * - `memory`: one process only, for tests.
 *
 * `poolSize`: PostgreSQL clients the store may hold (pg's default is 10). See `storePoolSize`.
 */
export function storeFromUrl(url: string, options: { poolSize?: number } = {}): StoreFactory {
  if (url === 'memory') return async () => new MemorySyncStore();
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    return async () => {
      const { SqliteSyncStore } = await import('@hrkit/sync/sqlite');
      return new SqliteSyncStore(path);
    };
  }
  if (POSTGRES_URL.test(url))
    return async () => {
      const location = new URL(url);
      const schema = location.searchParams.get('schema') ?? undefined;
      location.searchParams.delete('schema');
      const { PostgresSyncStore } = await import('@hrkit/store-postgres');
      return PostgresSyncStore.open({
        connectionString: location.toString(),
        ...(schema ? { schema } : {}),
        ...(options.poolSize ? { poolOptions: { max: options.poolSize } } : {}),
      });
    };
  throw new ConfigurationError(`fleet: unknown store (expected postgres://…, sqlite:<path> or memory)`, {
    field: 'store',
  });
}

/**
 * The PostgreSQL store's pool for a worker running `concurrency` jobs per queue. Each running sync holds one client
 * for its whole run (the store's per-connection advisory lock) and takes another for each transaction: with fewer
 * clients than running syncs plus one, every client can end up holding a lock while every sync waits for a
 * transaction client, and the worker stops for good. Two per sync job, plus two for inbox drains (one transaction
 * each, no lock), the scheduler and reads.
 */
export function storePoolSize(concurrency: number): number {
  return 2 * concurrency + 2;
}
