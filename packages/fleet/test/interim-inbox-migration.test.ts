import type { ChangeEvent } from '@hrkit/core';
import { PostgresSyncStore } from '@hrkit/store-postgres';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionRegistry } from '../src/index.js';
import { MIGRATIONS, migrate } from '../src/registry/migrations.js';
import { createTestDatabase, KEY_A, keys, type TestDatabase } from './harness.js';

/**
 * A registry made by the fleet before the store contract's inbox: deliveries still waiting in its interim table
 * `fleet_webhook_inbox` are moved to the store's inbox before the table is dropped (migration 2).
 */

let database: TestDatabase | undefined;
let store: PostgresSyncStore | undefined;
afterEach(async () => {
  await store?.close();
  await database?.drop();
  store = undefined;
  database = undefined;
});

const T0 = '2026-03-02T08:00:00.000Z';
const event = (id: string, remoteId: string): ChangeEvent => ({
  id,
  provider: 'hibob',
  entity: 'employee',
  action: 'updated',
  entityId: `hibob:${remoteId}`,
  remoteId,
  employeeId: `hibob:${remoteId}`,
  occurredAt: null,
  detectedAt: T0,
  origin: 'webhook',
  changedFields: [],
  previousRemoteId: null,
  providerEventType: 'employee.updated',
});

/** The database as the first version of the fleet left it: migration 1 only, two deliveries pending, one applied. */
async function olderFleetDatabase(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  try {
    await migrate(client, {}, MIGRATIONS.slice(0, 1));
    await client.query(
      `INSERT INTO fleet_connections (id, provider, tenant, credentials, key_id, incremental_every_ms, full_every_ms,
         silent_every_ms, silence_after_ms) VALUES ('acme', 'hibob', 'Acme', 'sealed', 'k1', 1, 1, 1, 1)`,
    );
    const insert = `INSERT INTO fleet_webhook_inbox (connection_id, received_at, provider_event_type, events, applied_at)
      VALUES ('acme', $1, 'employee.updated', $2, $3)`;
    await client.query(insert, [T0, JSON.stringify([event('e1', '101'), event('e2', '102')]), null]);
    await client.query(insert, [T0, JSON.stringify([event('e3', '103')]), null]);
    await client.query(insert, [T0, JSON.stringify([event('e0', '100')]), T0]);
  } finally {
    client.release();
    await pool.end();
  }
}

async function state(registry: ConnectionRegistry) {
  const { rows } = await registry.pool.query<{ version: number; table: string | null }>(
    `SELECT max(version) AS version, to_regclass('fleet_webhook_inbox')::text AS table FROM fleet_migrations`,
  );
  return rows[0];
}

describe('migration 2: the interim inbox moves into the store inbox', () => {
  it('waits while no store is given, then moves every pending delivery once and drops the table', async () => {
    database = await createTestDatabase();
    await olderFleetDatabase(database.url);

    // `hrkit fleet list` opens the registry without a store: the pending deliveries must not be lost.
    const withoutStore = await ConnectionRegistry.open({ databaseUrl: database.url, keys: keys(KEY_A) });
    expect(await state(withoutStore)).toEqual({ version: 1, table: 'fleet_webhook_inbox' });
    await withoutStore.close();

    // A move whose registry transaction fails after the store committed (a crash between the two)…
    store = await PostgresSyncStore.open({ connectionString: database.url });
    const pool = new pg.Pool({ connectionString: database.url, max: 1 });
    const client = await pool.connect();
    const crashing = [
      ...MIGRATIONS,
      async () => {
        throw new Error('crash after the move');
      },
    ];
    await expect(migrate(client, { store }, crashing)).rejects.toThrow('crash after the move');
    client.release();
    await pool.end();
    expect(await store.inboxDepth('acme')).toMatchObject({ pending: 3 });

    // …is repeated by the next process that opens the registry with a store: nothing is stored twice.
    const registry = await ConnectionRegistry.open({ databaseUrl: database.url, keys: keys(KEY_A), store });
    expect(await state(registry)).toEqual({ version: 2, table: null });
    expect(await store.inboxDepth('acme')).toEqual({ pending: 3, dead: 0, oldestPendingAt: T0 });
    const moved = await store.listInbox('acme');
    expect(moved.map((item) => [item.eventId, item.recordKey])).toEqual([
      ['e1', 'employee:hibob:101'],
      ['e2', 'employee:hibob:102'],
      ['e3', 'employee:hibob:103'],
    ]);
    await registry.close();
  });
});
