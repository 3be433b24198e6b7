import type pg from 'pg';
import { deadInboxMigration, inboxMigration, pendingInboxMigration } from './postgres-inbox.js';

/**
 * Versioned schema changes, applied in order on open. Never edit a released entry: add the next version. Each runs
 * in its own transaction together with its row in `schema_migrations`, so a crash leaves a whole version or none.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: (schema: string) => string }[] = [
  {
    version: 1,
    name: 'records, connection state and the event outbox',
    sql: (s) => `
      CREATE TABLE "${s}".connection_state (
        connection_id text COLLATE "C" PRIMARY KEY,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE "${s}".records (
        connection_id text COLLATE "C" NOT NULL,
        entity text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        remote_id text NOT NULL,
        employee_id text,
        fingerprint text NOT NULL,
        version integer NOT NULL,
        data jsonb NOT NULL,
        deleted boolean NOT NULL,
        synced_at text NOT NULL,
        PRIMARY KEY (connection_id, entity, id)
      );
      CREATE TABLE "${s}".events (
        seq bigserial PRIMARY KEY,
        connection_id text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        payload jsonb NOT NULL,
        delivered_at text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (connection_id, id)
      );
      CREATE INDEX events_by_connection ON "${s}".events (connection_id, seq);
      CREATE INDEX events_pending ON "${s}".events (connection_id, seq) WHERE delivered_at IS NULL;
    `,
  },
  { version: 2, name: 'the webhook inbox', sql: inboxMigration },
  { version: 3, name: 'index of pending inbox items', sql: pendingInboxMigration },
  { version: 4, name: 'index of dead inbox items', sql: deadInboxMigration },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

/** Advisory-lock key pair for a schema's migrations: one process migrates a schema at a time. */
const MIGRATION_LOCK = 'hrkit.store-postgres.migrate';

/**
 * Bring `schema` up to the latest version. Safe from many processes at once: a session advisory lock on the
 * schema name makes the others wait, then they find nothing left to do. Refuses a schema written by a newer hrkit.
 */
export async function migrate(client: pg.PoolClient, schema: string): Promise<{ from: number; to: number }> {
  await client.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', [MIGRATION_LOCK, schema]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${schema}".schema_migrations (
         version integer PRIMARY KEY,
         name text NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ version: number | null }>(
      `SELECT max(version) AS version FROM "${schema}".schema_migrations`,
    );
    const from = rows[0]?.version ?? 0;
    if (from > LATEST_VERSION)
      throw new Error(
        `PostgreSQL schema "${schema}" is at store version ${from}, newer than this @hrkit/store-postgres knows ` +
          `(${LATEST_VERSION}): upgrade @hrkit/store-postgres`,
      );
    for (const migration of MIGRATIONS) {
      if (migration.version <= from) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql(schema));
        await client.query(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES ($1, $2)`, [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return { from, to: LATEST_VERSION };
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', [MIGRATION_LOCK, schema]);
  }
}
