import { ConfigurationError } from '@hrkit/core';
import type { SyncStore } from '@hrkit/sync';
import pg from 'pg';
import { KeyRing } from './key-ring.js';
import { migrate } from './migrations.js';
import {
  type ConnectionHealth,
  type ConnectionSecrets,
  DEFAULT_SCHEDULE,
  type FleetConnection,
  type NewConnection,
} from './types.js';

/** Connection ids become BullMQ job ids and Redis keys: keep them plain. */
export const CONNECTION_ID = /^[A-Za-z0-9_.-]{1,128}$/;

interface ConnectionRow {
  id: string;
  provider: string;
  tenant: string;
  key_id: string;
  webhook_secret: string | null;
  incremental_every_ms: string;
  full_every_ms: string;
  silent_every_ms: string;
  silence_after_ms: string;
  health: ConnectionHealth;
  health_reason: string | null;
  auth_failures: number;
  last_sync_at: Date | null;
  last_full_sync_at: Date | null;
  last_sync_error_at: Date | null;
  last_sync_changes: number | null;
  last_delivery_at: Date | null;
  last_applied_delivery_at: Date | null;
  webhook_silent: boolean;
  webhook_silent_reason: string | null;
}

const ms = (date: Date | null) => (date ? date.getTime() : null);
const at = (instant: number) => new Date(instant);

function toConnection(row: ConnectionRow): FleetConnection {
  return {
    id: row.id,
    provider: row.provider,
    tenant: row.tenant,
    keyId: row.key_id,
    schedule: {
      incrementalEveryMs: Number(row.incremental_every_ms),
      fullEveryMs: Number(row.full_every_ms),
      silentEveryMs: Number(row.silent_every_ms),
      silenceAfterMs: Number(row.silence_after_ms),
    },
    health: row.health,
    healthReason: row.health_reason,
    authFailures: row.auth_failures,
    lastSyncAt: ms(row.last_sync_at),
    lastFullSyncAt: ms(row.last_full_sync_at),
    lastSyncErrorAt: ms(row.last_sync_error_at),
    lastSyncChanges: row.last_sync_changes,
    lastDeliveryAt: ms(row.last_delivery_at),
    lastAppliedDeliveryAt: ms(row.last_applied_delivery_at),
    webhook: {
      configured: row.webhook_secret !== null,
      silent: row.webhook_silent,
      silentReason: row.webhook_silent_reason,
    },
  };
}

export class UnknownConnectionError extends ConfigurationError {
  constructor(id: string) {
    super(`fleet: no connection "${id}" in the registry`, { field: 'connectionId' });
  }
}

/**
 * The fleet's source of truth in PostgreSQL: every connection with its sealed credentials and webhook secret,
 * schedule, health and freshness. Verified webhook deliveries wait in the sync store's inbox. Redis holds only jobs,
 * which the scheduler can always rebuild from here and the store.
 */
export class ConnectionRegistry {
  private constructor(
    readonly pool: pg.Pool,
    readonly keys: KeyRing,
  ) {}

  /**
   * Connects and applies the migrations. `store`: the sync store this process uses, which one migration needs to
   * move what an older fleet's interim inbox holds (see `MIGRATIONS`); processes that run jobs or take deliveries
   * pass it.
   */
  static async open(options: {
    databaseUrl: string;
    keys: KeyRing;
    poolSize?: number;
    store?: SyncStore;
  }): Promise<ConnectionRegistry> {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 4 });
    // An idle client losing its server (PostgreSQL restart) must not crash the process: the pool replaces it.
    pool.on('error', () => {});
    const client = await pool.connect().catch(async (error) => {
      await pool.end();
      throw error;
    });
    try {
      await migrate(client, options.store ? { store: options.store } : {});
    } finally {
      client.release();
    }
    return new ConnectionRegistry(pool, options.keys);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async add(input: NewConnection): Promise<FleetConnection> {
    if (!CONNECTION_ID.test(input.id))
      throw new ConfigurationError(
        `fleet: connection id "${input.id}" must be 1-128 letters, digits, ".", "_" or "-"`,
        { field: 'id' },
      );
    const schedule = { ...DEFAULT_SCHEDULE, ...input.schedule };
    const { rows } = await this.pool.query<ConnectionRow>(
      `INSERT INTO fleet_connections (id, provider, tenant, credentials, webhook_secret, key_id,
         incremental_every_ms, full_every_ms, silent_every_ms, silence_after_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO NOTHING RETURNING *`,
      [
        input.id,
        input.provider,
        input.tenant,
        this.keys.seal(JSON.stringify(input.credentials), input.id),
        input.webhookSecret ? this.keys.seal(input.webhookSecret, input.id) : null,
        this.keys.current.id,
        schedule.incrementalEveryMs,
        schedule.fullEveryMs,
        schedule.silentEveryMs,
        schedule.silenceAfterMs,
      ],
    );
    if (!rows[0]) throw new ConfigurationError(`fleet: connection "${input.id}" already exists`, { field: 'id' });
    return toConnection(rows[0]);
  }

  async get(id: string): Promise<FleetConnection> {
    const { rows } = await this.pool.query<ConnectionRow>('SELECT * FROM fleet_connections WHERE id = $1', [id]);
    if (!rows[0]) throw new UnknownConnectionError(id);
    return toConnection(rows[0]);
  }

  async find(id: string): Promise<FleetConnection | null> {
    const { rows } = await this.pool.query<ConnectionRow>('SELECT * FROM fleet_connections WHERE id = $1', [id]);
    return rows[0] ? toConnection(rows[0]) : null;
  }

  async list(): Promise<FleetConnection[]> {
    const { rows } = await this.pool.query<ConnectionRow>('SELECT * FROM fleet_connections ORDER BY id');
    return rows.map(toConnection);
  }

  /** The decrypted credentials and webhook secret: only for building a connection, never for printing. */
  async secretsOf(id: string): Promise<ConnectionSecrets> {
    const { rows } = await this.pool.query<{ credentials: string; webhook_secret: string | null }>(
      'SELECT credentials, webhook_secret FROM fleet_connections WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) throw new UnknownConnectionError(id);
    return {
      credentials: JSON.parse(this.keys.open(row.credentials, id)) as Record<string, unknown>,
      webhookSecret: row.webhook_secret === null ? null : this.keys.open(row.webhook_secret, id),
    };
  }

  /** A new credential ends a pause: the operator fixed what the provider refused. */
  async updateCredentials(id: string, credentials: Record<string, unknown>, webhookSecret?: string | null) {
    const sets = ['credentials = $2', 'key_id = $3', "health = 'healthy'", 'health_reason = NULL', 'auth_failures = 0'];
    const values: unknown[] = [id, this.keys.seal(JSON.stringify(credentials), id), this.keys.current.id];
    if (webhookSecret !== undefined) {
      values.push(webhookSecret === null ? null : this.keys.seal(webhookSecret, id));
      sets.push(`webhook_secret = $${values.length}`);
    }
    await this.update(id, sets.join(', '), values);
  }

  async pause(id: string, reason: string): Promise<void> {
    await this.update(id, "health = 'paused', health_reason = $2", [id, reason]);
  }

  async resume(id: string): Promise<void> {
    await this.update(id, "health = 'healthy', health_reason = NULL, auth_failures = 0", [id]);
  }

  async remove(id: string): Promise<void> {
    await this.pool.query('DELETE FROM fleet_connections WHERE id = $1', [id]);
  }

  /**
   * A sync finished. `silentReason` non-null marks the webhook silent (the sync found changes no delivery
   * announced); a paused connection stays paused (a job that started before the pause must not lift it).
   */
  async recordSyncSuccess(
    id: string,
    outcome: { at: number; full: boolean; changes: number; warnings: readonly string[]; silentReason: string | null },
  ): Promise<void> {
    const health: ConnectionHealth = outcome.warnings.length > 0 ? 'degraded' : 'healthy';
    await this.update(
      id,
      `last_sync_at = $2, last_full_sync_at = CASE WHEN $3 THEN $2 ELSE last_full_sync_at END,
       last_sync_changes = $4, auth_failures = 0,
       health = CASE WHEN health = 'paused' THEN health ELSE $5 END,
       health_reason = CASE WHEN health = 'paused' THEN health_reason ELSE $6 END,
       webhook_silent = webhook_silent OR $7::text IS NOT NULL,
       webhook_silent_reason = coalesce($7, webhook_silent_reason)`,
      [
        id,
        at(outcome.at),
        outcome.full,
        outcome.changes,
        health,
        outcome.warnings.length > 0 ? outcome.warnings.join('; ') : null,
        outcome.silentReason,
      ],
    );
  }

  /** A sync or delivery application failed; returns the health it left the connection in. */
  async recordFailure(
    id: string,
    failure: { at: number; reason: string; authFailure: 401 | 403 | null },
  ): Promise<ConnectionHealth> {
    // A 401 pauses at once (HiBob's firewall blocks callers that repeat bad logins); a 403 pauses when it repeats.
    const { rows } = await this.pool.query<{ health: ConnectionHealth }>(
      `UPDATE fleet_connections SET
         auth_failures = CASE WHEN $3::int IS NULL THEN 0 ELSE auth_failures + 1 END,
         health = CASE
           WHEN health = 'paused' THEN 'paused'
           WHEN $3::int = 401 OR ($3::int = 403 AND auth_failures >= 1) THEN 'paused'
           ELSE 'failing' END,
         health_reason = CASE WHEN health = 'paused' THEN health_reason ELSE $4 END,
         last_sync_error_at = $2, updated_at = now()
       WHERE id = $1 RETURNING health`,
      [id, at(failure.at), failure.authFailure, failure.reason],
    );
    if (!rows[0]) throw new UnknownConnectionError(id);
    return rows[0].health;
  }

  /** Re-seal every connection not under the current key; returns how many rows changed. */
  async rotateKeys(): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string; credentials: string; webhook_secret: string | null }>(
        'SELECT id, credentials, webhook_secret FROM fleet_connections WHERE key_id <> $1 FOR UPDATE',
        [this.keys.current.id],
      );
      for (const row of rows) {
        const credentials = this.keys.seal(this.keys.open(row.credentials, row.id), row.id);
        const secret =
          row.webhook_secret === null ? null : this.keys.seal(this.keys.open(row.webhook_secret, row.id), row.id);
        await client.query(
          'UPDATE fleet_connections SET credentials = $2, webhook_secret = $3, key_id = $4, updated_at = now() WHERE id = $1',
          [row.id, credentials, secret, this.keys.current.id],
        );
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  // ── webhook freshness (the deliveries themselves are in the store's inbox: docs/fleet.md, "The inbox") ──

  /** A verified delivery reached the store's inbox: a sign of life of the webhook, which ends its silence. */
  async recordDelivery(connectionId: string, receivedAt: number): Promise<void> {
    await this.update(
      connectionId,
      `last_delivery_at = greatest(last_delivery_at, $2), webhook_silent = false, webhook_silent_reason = NULL`,
      [connectionId, at(receivedAt)],
    );
  }

  /** A step of the connection's inbox was applied to the store. */
  async recordApplied(connectionId: string, appliedAt: number): Promise<void> {
    await this.update(connectionId, 'last_applied_delivery_at = greatest(last_applied_delivery_at, $2)', [
      connectionId,
      at(appliedAt),
    ]);
  }

  private async update(id: string, sets: string, values: unknown[]): Promise<void> {
    const result = await this.pool.query(
      `UPDATE fleet_connections SET ${sets}, updated_at = now() WHERE id = $1`,
      values,
    );
    if (result.rowCount === 0) throw new UnknownConnectionError(id);
  }
}
