import { createHrKit } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { PostgresSyncStore } from '@hrkit/store-postgres';
import { drainEvents, SyncEngine, type SyncResult } from '@hrkit/sync';
import { applyEvents, createDirectoryTables } from './directory.js';

export interface ConsumerOptions {
  /** A HiBob service user; `baseUrl` points at a sandbox (or a HiBob environment) instead of production. */
  hibob: { serviceUserId: string; token: string; baseUrl?: string };
  /** One database for both: hrkit's tables in `hrkitSchema`, the app's in `appSchema`. */
  databaseUrl: string;
  hrkitSchema?: string;
  appSchema?: string;
  /** Force a full reconciliation (default: the engine decides, at least daily). */
  full?: boolean;
}

export interface ConsumerRun {
  sync: SyncResult;
  /** Events handed to the app (and marked delivered) by this run. */
  delivered: number;
}

/**
 * One round of what a consumer service runs on a schedule (or per tenant, in a queue worker): sync the customer's
 * HiBob into PostgreSQL, then drain the outbox into the app's own tables. Several workers may run it for the same
 * connection at once: the store's per-connection lock keeps their transactions apart (docs/sync.md).
 */
export async function syncAndDrain(options: ConsumerOptions): Promise<ConsumerRun> {
  const appSchema = options.appSchema ?? 'app';
  const kit = createHrKit({ providers: [hibob()] });
  const connection = kit.connect('hibob', options.hibob);
  const store = await PostgresSyncStore.open({
    connectionString: options.databaseUrl,
    schema: options.hrkitSchema ?? 'hrkit',
    statementTimeoutMs: 30_000,
  });
  try {
    await createDirectoryTables(store.pool, appSchema);
    const sync = await new SyncEngine(store).sync(connection, { full: options.full });
    const delivered = await drainEvents(store, connection.provider, (events) =>
      applyEvents(store.pool, appSchema, store, connection.provider, events),
    );
    return { sync, delivered };
  } finally {
    await store.close();
  }
}
