import type { ChangeEvent } from '@hrkit/core';
import { deliveryBodyHash, type SyncStore } from '@hrkit/sync';
import type { PoolClient } from 'pg';

/** What a migration written in code may need beyond the registry's database. */
export interface MigrationContext {
  /** The sync store whose inbox receives the interim inbox's pending deliveries (migration 2). */
  store?: SyncStore;
}

/** SQL, or code that returns false when it cannot run yet (it and every later migration wait for the next open). */
export type Migration = string | ((client: PoolClient, context: MigrationContext) => Promise<boolean>);

/**
 * Migration 2: the interim inbox gives way to the store contract's durable inbox (docs/fleet.md, "The inbox").
 * Deliveries it still holds unapplied are written to the store's inbox first, each under a body hash made from its
 * row id (no other delivery has it) and with its events' ids, so a move repeated after a crash between the store's
 * commit and this transaction's stores nothing twice. Without a store (e.g. `hrkit fleet list`) and with deliveries
 * waiting, the migration waits for a process that opens one (`hrkit worker`, `hrkit serve`).
 */
async function moveInterimInbox(client: PoolClient, context: MigrationContext): Promise<boolean> {
  const { rows } = await client.query<{ id: string; connection_id: string; received_at: Date; events: unknown }>(
    'SELECT id, connection_id, received_at, events FROM fleet_webhook_inbox WHERE applied_at IS NULL ORDER BY id',
  );
  const store = context.store;
  if (rows.length > 0 && !store) return false;
  for (const row of rows) {
    const delivery = {
      bodyHash: deliveryBodyHash(`fleet_webhook_inbox:${row.id}`),
      receivedAt: row.received_at.toISOString(),
      events: row.events as ChangeEvent[],
    };
    await store!.transaction((unit) => unit.enqueueDelivery(row.connection_id, delivery));
  }
  await client.query('DROP TABLE fleet_webhook_inbox');
  return true;
}

/**
 * The registry's schema, in order. Applied on open inside one transaction under an advisory lock, so several
 * processes opening the same database at once apply each migration exactly once. Never edit a shipped migration:
 * append a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  `
  CREATE TABLE fleet_connections (
    id text PRIMARY KEY,
    provider text NOT NULL,
    tenant text NOT NULL,
    credentials text NOT NULL,
    webhook_secret text,
    key_id text NOT NULL,
    incremental_every_ms bigint NOT NULL,
    full_every_ms bigint NOT NULL,
    silent_every_ms bigint NOT NULL,
    silence_after_ms bigint NOT NULL,
    health text NOT NULL DEFAULT 'healthy' CHECK (health IN ('healthy', 'degraded', 'failing', 'paused')),
    health_reason text,
    auth_failures integer NOT NULL DEFAULT 0,
    last_sync_at timestamptz,
    last_full_sync_at timestamptz,
    last_sync_error_at timestamptz,
    last_sync_changes integer,
    last_delivery_at timestamptz,
    last_applied_delivery_at timestamptz,
    webhook_silent boolean NOT NULL DEFAULT false,
    webhook_silent_reason text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX fleet_connections_key ON fleet_connections (key_id);
  -- Interim inbox, until the store contract's durable webhook inbox is on main: a verified delivery is written
  -- here before the 2xx and applied from here, so a Redis restart loses no delivery.
  CREATE TABLE fleet_webhook_inbox (
    id bigserial PRIMARY KEY,
    connection_id text NOT NULL REFERENCES fleet_connections (id) ON DELETE CASCADE,
    received_at timestamptz NOT NULL,
    provider_event_type text,
    events jsonb NOT NULL,
    applied_at timestamptz,
    attempts integer NOT NULL DEFAULT 0,
    last_error text
  );
  CREATE INDEX fleet_webhook_inbox_pending ON fleet_webhook_inbox (id) WHERE applied_at IS NULL;
  `,
  moveInterimInbox,
];

/** Arbitrary constant: the advisory lock every opener takes while migrating. */
const MIGRATION_LOCK = 7_310_013;

/** Applies what is missing; returns how many migrations ran (fewer than missing when one has to wait). */
export async function migrate(
  client: PoolClient,
  context: MigrationContext = {},
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS fleet_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT coalesce(max(version), 0) AS version FROM fleet_migrations',
    );
    const from = rows[0]?.version ?? 0;
    let applied = 0;
    for (let version = from + 1; version <= migrations.length; version++) {
      const migration = migrations[version - 1]!;
      if (typeof migration === 'string') await client.query(migration);
      else if (!(await migration(client, context))) break;
      await client.query('INSERT INTO fleet_migrations (version) VALUES ($1)', [version]);
      applied += 1;
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
