import type { PoolClient } from 'pg';

/**
 * The registry's schema, in order. Applied on open inside one transaction under an advisory lock, so several
 * processes opening the same database at once apply each migration exactly once. Never edit a shipped migration:
 * append a new one.
 */
export const MIGRATIONS: readonly string[] = [
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
];

/** Arbitrary constant: the advisory lock every opener takes while migrating. */
const MIGRATION_LOCK = 7_310_013;

export async function migrate(client: PoolClient): Promise<number> {
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
    for (let version = from + 1; version <= MIGRATIONS.length; version++) {
      await client.query(MIGRATIONS[version - 1]!);
      await client.query('INSERT INTO fleet_migrations (version) VALUES ($1)', [version]);
    }
    await client.query('COMMIT');
    return MIGRATIONS.length - from;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
