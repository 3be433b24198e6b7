import type { ChangeEvent, Redactor } from '@hrkit/core';
import { ConfigurationError } from '@hrkit/core';
import {
  type ConnectionInboxDepth,
  type ConnectionState,
  emptyState,
  type InboxDepth,
  type InboxItem,
  type ListInboxOptions,
  Mutex,
  type StoredEvent,
  type StoredRecord,
  type SyncEntity,
  type SyncStore,
  type SyncUnitOfWork,
  storedRecordFromText,
} from '@hrkit/sync';
import pg from 'pg';
import { sanitizeDriverError } from './errors.js';
import { migrate } from './migrations.js';
import {
  enqueueDelivery,
  inboxDepth,
  inboxDepths,
  inboxStatements,
  listInbox,
  markInboxApplied,
  markInboxFailed,
  pruneInbox,
} from './postgres-inbox.js';
import {
  connectionRedactor,
  DEFAULT_SCHEMA,
  describeConnectionString,
  type PostgresStoreOptions,
  validateSchema,
} from './options.js';

interface RecordRow {
  entity: SyncEntity;
  id: string;
  remote_id: string;
  employee_id: string | null;
  fingerprint: string;
  version: number;
  /** jsonb read as text (`data::text`): parsed only if the record's data is read. */
  data: string;
  deleted: boolean;
  synced_at: string;
}

interface EventRow {
  seq: string;
  payload: ChangeEvent;
  delivered_at: string | null;
}

/** Anything that runs a query: the pool (auto-commit reads) or the one client of a transaction. */
type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** Key of the per-connection transaction lock, namespaced by schema so tenants in other schemas never wait. */
const LOCK_NAMESPACE = 'hrkit.sync';
/** Key of the per-connection run lock (`exclusive`): a whole sync, not one transaction. */
const RUN_LOCK_NAMESPACE = 'hrkit.sync.run';

/**
 * The sync store on PostgreSQL (docs/sync.md, "PostgreSQL store"). Each unit of work is one client taken from the
 * pool, BEGIN … COMMIT (ROLLBACK when the unit throws). The first time a unit touches a connection id it takes
 * `pg_advisory_xact_lock` on it, so units of two processes syncing the same connection run one after the other
 * and each sees the other's committed rows; the lock goes with the transaction, even when the process is killed.
 * Within one store, transactions are serialized as the SyncStore contract requires.
 */
export class PostgresSyncStore implements SyncStore {
  private readonly mutex = new Mutex();
  private readonly sql: ReturnType<typeof statements>;
  private readonly inboxSql: ReturnType<typeof inboxStatements>;
  private closed = false;
  private readonly statistics = new StatisticsFreshness();

  private constructor(
    /** The pool the store runs on: an app may query its own tables (or hrkit's, read-only) through it. */
    readonly pool: pg.Pool,
    private readonly ownsPool: boolean,
    readonly schema: string,
    private readonly redactor: Redactor,
    /** The server, with secrets masked: what errors name. */
    readonly server: string,
  ) {
    this.sql = statements(schema);
    this.inboxSql = inboxStatements(schema);
  }

  /** Connect, bring the schema up to date (migrations, safe from many processes at once), and return the store. */
  static async open(options: PostgresStoreOptions): Promise<PostgresSyncStore> {
    const schema = validateSchema(options.schema ?? DEFAULT_SCHEMA);
    if (!options.pool && !options.connectionString)
      throw new ConfigurationError('PostgreSQL store needs a connectionString or a pool', {
        field: 'connectionString',
      });
    const redactor = connectionRedactor(options.connectionString, options.poolOptions?.password);
    const server = options.connectionString
      ? describeConnectionString(options.connectionString)
      : describePool(options.pool);
    const pool =
      options.pool ??
      new pg.Pool({
        application_name: 'hrkit',
        ...options.poolOptions,
        connectionString: options.connectionString,
        ssl: options.ssl,
        statement_timeout: options.statementTimeoutMs,
        idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
      });
    // An idle pooled client losing its server must not crash the process; the next checkout reports it.
    if (!options.pool) pool.on('error', () => {});
    const store = new PostgresSyncStore(pool, !options.pool, schema, redactor, server);
    try {
      const client = await store.connect();
      try {
        await migrate(client, schema);
      } finally {
        client.release();
      }
    } catch (error) {
      await store.close();
      throw sanitizeDriverError(error, redactor, server);
    }
    return store;
  }

  getState(connectionId: string): Promise<ConnectionState> {
    return this.guard(() => readState(this.pool, this.sql, connectionId));
  }

  getRecord(connectionId: string, entity: SyncEntity, id: string): Promise<StoredRecord | null> {
    return this.guard(() => readRecord(this.pool, this.sql, connectionId, entity, id));
  }

  listRecords(connectionId: string, entity: SyncEntity, options: { includeDeleted?: boolean } = {}) {
    return this.guard(() => readRecords(this.pool, this.sql, connectionId, entity, options));
  }

  listLiveIds(connectionId: string, entity: SyncEntity): Promise<string[]> {
    return this.guard(() => readLiveIds(this.pool, this.sql, connectionId, entity));
  }

  listEvents(connectionId: string, options: { pendingOnly?: boolean; limit?: number } = {}) {
    return this.guard(() => readEvents(this.pool, this.sql, connectionId, options));
  }

  listInbox(connectionId: string, options?: ListInboxOptions): Promise<InboxItem[]> {
    return this.guard(() => listInbox(this.pool, this.inboxSql, connectionId, options));
  }

  inboxDepth(connectionId: string): Promise<InboxDepth> {
    return this.guard(() => inboxDepth(this.pool, this.inboxSql, connectionId));
  }

  inboxDepths(): Promise<ConnectionInboxDepth[]> {
    return this.guard(() => inboxDepths(this.pool, this.inboxSql));
  }

  transaction<T>(fn: (unit: SyncUnitOfWork) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      const client = await this.guard(() => this.connect());
      const locked = new Set<string>();
      const sql = this.sql;
      const inbox = this.inboxSql;
      // Every read and write of a connection first waits for that connection's lock (once per transaction).
      const touch = async <R>(connectionId: string, work: () => Promise<R>): Promise<R> =>
        this.guard(async () => {
          if (!locked.has(connectionId)) {
            await client.query(sql.lock, [`${LOCK_NAMESPACE}:${this.schema}`, connectionId]);
            locked.add(connectionId);
          }
          return work();
        });
      const records = new RecordCache(client, sql, this.statistics);
      const events = new EventQueue(client, sql, touch);
      const unit: SyncUnitOfWork = {
        getState: (c) => touch(c, () => readState(client, sql, c)),
        getRecord: (c, e, i) => touch(c, () => records.get(c, e, i)),
        prefetchRecords: (c, e, ids) => touch(c, () => records.prefetch(c, e, ids)),
        listRecords: (c, e, o) =>
          touch(c, async () => {
            await records.flush();
            return readRecords(client, sql, c, e, o);
          }),
        listLiveIds: (c, e) =>
          touch(c, async () => {
            await records.flush();
            return readLiveIds(client, sql, c, e);
          }),
        listEvents: (c, o) =>
          touch(c, async () => {
            await events.flush();
            return readEvents(client, sql, c, o);
          }),
        putState: (c, state) =>
          touch(c, async () => {
            await client.query(sql.putState, [c, JSON.stringify(state)]);
          }),
        putRecord: (c, record, dataJson) => touch(c, async () => records.put(c, record, dataJson)),
        appendEvent: (c, event) =>
          touch(c, async () => {
            await events.flush();
            return (await client.query(sql.appendEvent, [c, event.id, JSON.stringify(event)])).rowCount === 1;
          }),
        // Synchronous by contract: the connection's lock is taken by the flush at the latest (before COMMIT).
        queueEvent: (c, event) => events.queue(c, event),
        markDelivered: (c, eventIds, at) =>
          touch(c, async () => {
            await events.flush();
            await client.query(sql.markDelivered, [at, c, [...eventIds]]);
          }),
        // The webhook inbox (docs/sync.md, "Webhook inbox"): its own table, written under the same connection lock.
        listInbox: (c, o) => touch(c, () => listInbox(client, inbox, c, o)),
        inboxDepth: (c) => touch(c, () => inboxDepth(client, inbox, c)),
        enqueueDelivery: (c, delivery) => touch(c, () => enqueueDelivery(client, inbox, c, delivery)),
        markInboxApplied: (c, seqs, at) => touch(c, () => markInboxApplied(client, inbox, c, seqs, at)),
        markInboxFailed: (c, seqs, failure) => touch(c, () => markInboxFailed(client, inbox, c, seqs, failure)),
        pruneInbox: (c, before) => touch(c, () => pruneInbox(client, inbox, c, before)),
      };
      try {
        await this.guard(() => client.query('BEGIN'));
        const result = await fn(unit);
        await this.guard(async () => {
          await records.flush();
          await events.flush();
          await client.query('COMMIT');
        });
        client.release();
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
          client.release();
        } catch (rollbackError) {
          // The connection is unusable (server gone): drop it from the pool rather than hand it out again.
          client.release(rollbackError as Error);
        }
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsPool) await this.pool.end();
  }

  /**
   * One sync of a connection at a time across processes: a session advisory lock on a client of its own, held for
   * the whole run (the run's transactions take other clients) and released by the server if the process dies.
   * Needs a pool of at least two clients; with `max: 1` only the per-transaction locks apply.
   */
  async exclusive<T>(connectionId: string, fn: () => Promise<T>): Promise<T> {
    if ((this.pool.options.max ?? 10) < 2) return fn();
    const client = await this.guard(() => this.connect());
    const key = [`${RUN_LOCK_NAMESPACE}:${this.schema}`, connectionId];
    try {
      await this.guard(() => client.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', key));
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
    try {
      return await fn();
    } finally {
      try {
        await client.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', key);
        client.release();
      } catch (unlockError) {
        // The session is gone, and its lock with it: drop the client rather than hand it out again.
        client.release(unlockError as Error);
      }
    }
  }

  private connect(): Promise<pg.PoolClient> {
    return this.pool.connect();
  }

  /** Run a driver call; its errors come out redacted (see errors.ts). */
  private async guard<R>(work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      throw sanitizeDriverError(error, this.redactor, this.server);
    }
  }
}

/** Shorthand for `PostgresSyncStore.open`. */
export function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresSyncStore> {
  return PostgresSyncStore.open(options);
}

function describePool(pool: pg.Pool | undefined): string {
  const options = (pool as { options?: { host?: string; port?: number; database?: string } } | undefined)?.options;
  return `postgres://${options?.host ?? 'localhost'}:${options?.port ?? 5432}/${options?.database ?? ''}`;
}

/** Named prepared statements (parsed once per pooled client); names carry the schema so two stores may share a pool. */
function statements(schema: string) {
  const t = (table: string) => `"${schema}".${table}`;
  const named = (name: string, text: string) => ({ name: `hrkit_${schema}_${name}`, text });
  const recordColumns = 'entity, id, remote_id, employee_id, fingerprint, version, data, deleted, synced_at';
  // Reads take the jsonb as text: the driver would otherwise JSON.parse every row, and the no-change path of a sync
  // compares fingerprints only (docs/performance.md, "Sync (issue 17)").
  const selectColumns =
    'entity, id, remote_id, employee_id, fingerprint, version, data::text AS data, deleted, synced_at';
  return {
    lock: 'SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))',
    getState: named('get_state', `SELECT state FROM ${t('connection_state')} WHERE connection_id = $1`),
    putState: named(
      'put_state',
      `INSERT INTO ${t('connection_state')} (connection_id, state) VALUES ($1, $2::jsonb)
       ON CONFLICT (connection_id) DO UPDATE SET state = excluded.state, updated_at = now()`,
    ),
    getRecord: named(
      'get_record',
      `SELECT ${selectColumns} FROM ${t('records')} WHERE connection_id = $1 AND entity = $2 AND id = $3`,
    ),
    listAll: named(
      'list_all',
      `SELECT ${selectColumns} FROM ${t('records')} WHERE connection_id = $1 AND entity = $2 ORDER BY id`,
    ),
    listLive: named(
      'list_live',
      `SELECT ${selectColumns} FROM ${t('records')} WHERE connection_id = $1 AND entity = $2 AND NOT deleted ORDER BY id`,
    ),
    liveIds: named(
      'live_ids',
      `SELECT id FROM ${t('records')} WHERE connection_id = $1 AND entity = $2 AND NOT deleted ORDER BY id`,
    ),
    estimatedRows: `SELECT reltuples::float8 AS rows FROM pg_class WHERE oid = '"${schema}".records'::regclass`,
    analyze: `ANALYZE ${t('records')}, ${t('events')}`,
    prefetch: named(
      'prefetch',
      `SELECT ${selectColumns} FROM ${t('records')} WHERE connection_id = $1 AND entity = $2 AND id = ANY($3::text[])`,
    ),
    putRecords: named(
      'put_records',
      `INSERT INTO ${t('records')} (connection_id, ${recordColumns})
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::jsonb[],
         $9::boolean[], $10::text[])
       ON CONFLICT (connection_id, entity, id) DO UPDATE SET remote_id = excluded.remote_id,
         employee_id = excluded.employee_id, fingerprint = excluded.fingerprint, version = excluded.version,
         data = excluded.data, deleted = excluded.deleted, synced_at = excluded.synced_at`,
    ),
    appendEvents: named(
      'append_events',
      `INSERT INTO ${t('events')} (connection_id, id, payload)
       SELECT connection_id, id, payload FROM unnest($1::text[], $2::text[], $3::jsonb[]) WITH ORDINALITY
         AS queued (connection_id, id, payload, position)
       ORDER BY position
       ON CONFLICT (connection_id, id) DO NOTHING`,
    ),
    appendEvent: named(
      'append_event',
      `INSERT INTO ${t('events')} (connection_id, id, payload) VALUES ($1, $2, $3::jsonb)
       ON CONFLICT (connection_id, id) DO NOTHING`,
    ),
    listEvents: named(
      'list_events',
      `SELECT seq, payload, delivered_at FROM ${t('events')} WHERE connection_id = $1 ORDER BY seq LIMIT $2`,
    ),
    listPending: named(
      'list_pending',
      `SELECT seq, payload, delivered_at FROM ${t('events')}
       WHERE connection_id = $1 AND delivered_at IS NULL ORDER BY seq LIMIT $2`,
    ),
    markDelivered: named(
      'mark_delivered',
      `UPDATE ${t('events')} SET delivered_at = $1 WHERE connection_id = $2 AND id = ANY($3::text[]) AND delivered_at IS NULL`,
    ),
  };
}

type Statements = ReturnType<typeof statements>;

async function readState(db: Queryable, sql: Statements, connectionId: string): Promise<ConnectionState> {
  const { rows } = await db.query<{ state: ConnectionState }>({ ...sql.getState, values: [connectionId] });
  const row = rows[0];
  return row ? { ...emptyState(), ...row.state } : emptyState();
}

async function readRecord(
  db: Queryable,
  sql: Statements,
  connectionId: string,
  entity: SyncEntity,
  id: string,
): Promise<StoredRecord | null> {
  const { rows } = await db.query<RecordRow>({ ...sql.getRecord, values: [connectionId, entity, id] });
  return rows[0] ? fromRow(rows[0]) : null;
}

async function readRecords(
  db: Queryable,
  sql: Statements,
  connectionId: string,
  entity: SyncEntity,
  options: { includeDeleted?: boolean } = {},
): Promise<StoredRecord[]> {
  const statement = options.includeDeleted ? sql.listAll : sql.listLive;
  const { rows } = await db.query<RecordRow>({ ...statement, values: [connectionId, entity] });
  return rows.map(fromRow);
}

async function readLiveIds(db: Queryable, sql: Statements, connectionId: string, entity: SyncEntity) {
  const { rows } = await db.query<{ id: string }>({ ...sql.liveIds, values: [connectionId, entity] });
  return rows.map((row) => row.id);
}

async function readEvents(
  db: Queryable,
  sql: Statements,
  connectionId: string,
  options: { pendingOnly?: boolean; limit?: number } = {},
): Promise<StoredEvent[]> {
  const statement = options.pendingOnly ? sql.listPending : sql.listEvents;
  const { rows } = await db.query<EventRow>({ ...statement, values: [connectionId, options.limit ?? null] });
  return rows.map((row) => ({ seq: Number(row.seq), event: row.payload, deliveredAt: row.delivered_at }));
}

/**
 * The records side of one unit of work, shaped for round trips: `prefetch` loads a batch's stored rows in one
 * query, `put` only buffers, and the buffer goes out as one multi-row upsert per connection before anything that
 * reads the table (a listing) and before COMMIT. Reads of one record are answered from the buffer and the prefetched
 * rows, so the unit always sees its own writes; nothing reaches the server before the unit is done deciding, and a
 * unit that throws discards the buffer with the rest of its transaction.
 */
class RecordCache {
  /** connection \0 entity \0 id → the row (null: known absent). */
  private readonly known = new Map<string, StoredRecord | null>();
  /** connection → (entity \0 id → row and, when the engine passed it, its data's JSON text) waiting to be written. */
  private readonly pending = new Map<string, Map<string, { record: StoredRecord; dataJson: string | undefined }>>();

  constructor(
    private readonly client: pg.PoolClient,
    private readonly sql: Statements,
    private readonly statistics: StatisticsFreshness,
  ) {}

  async get(connectionId: string, entity: SyncEntity, id: string): Promise<StoredRecord | null> {
    const key = recordKey(connectionId, entity, id);
    const known = this.known.get(key);
    if (known !== undefined) return known;
    const row = await readRecord(this.client, this.sql, connectionId, entity, id);
    this.known.set(key, row);
    return row;
  }

  async prefetch(connectionId: string, entity: SyncEntity, ids: readonly string[]): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.known.has(recordKey(connectionId, entity, id)));
    if (wanted.length === 0) return;
    const { rows } = await this.client.query<RecordRow>({
      ...this.sql.prefetch,
      values: [connectionId, entity, wanted],
    });
    for (const id of wanted) this.known.set(recordKey(connectionId, entity, id), null);
    for (const row of rows) this.known.set(recordKey(connectionId, entity, row.id), fromRow(row));
  }

  put(connectionId: string, record: StoredRecord, dataJson?: string): void {
    this.known.set(recordKey(connectionId, record.entity, record.id), record);
    const rows = this.pending.get(connectionId) ?? new Map();
    this.pending.set(connectionId, rows);
    rows.set(`${record.entity}\u0000${record.id}`, { record, dataJson });
  }

  async flush(): Promise<void> {
    for (const [connectionId, rows] of this.pending) {
      const queued = [...rows.values()];
      const list = queued.map((q) => q.record);
      await this.client.query({
        ...this.sql.putRecords,
        values: [
          connectionId,
          list.map((r) => r.entity),
          list.map((r) => r.id),
          list.map((r) => r.remoteId),
          list.map((r) => r.employeeId),
          list.map((r) => r.fingerprint),
          list.map((r) => r.version),
          queued.map((q) => q.dataJson ?? JSON.stringify(q.record.data ?? null)),
          list.map((r) => r.deleted),
          list.map((r) => r.syncedAt),
        ],
      });
      await this.statistics.wrote(this.client, this.sql, list.length);
    }
    this.pending.clear();
  }
}

/**
 * Keeps the planner's row counts close to the truth while a sync fills the tables. They grow from empty faster than
 * autovacuum re-analyzes them, and on statistics that still say "a few rows" PostgreSQL reads a batch
 * (`id = ANY($3)`) by scanning the connection's whole index range instead of one descent per id: quadratic over a
 * 100,000-person first sync. So the store analyzes `records` and `events` itself each time half as many rows again have
 * been written since the last time (about a dozen times on the way to 100,000; each samples at most 30,000 rows).
 */
class StatisticsFreshness {
  private known: number | null = null;
  private writtenSince = 0;

  async wrote(client: pg.PoolClient, sql: Statements, rows: number): Promise<void> {
    this.writtenSince += rows;
    if (this.known === null) {
      const { rows: found } = await client.query<{ rows: number }>(sql.estimatedRows);
      this.known = Math.max(0, found[0]?.rows ?? 0);
    }
    if (this.writtenSince < Math.max(1000, this.known / 2)) return;
    await client.query(sql.analyze);
    this.known += this.writtenSince;
    this.writtenSince = 0;
  }
}

/**
 * Events queued by `queueEvent` (the engine's path: it never needs to know whether an event was new), written in
 * call order by one multi-row insert before the unit next reads or writes the outbox, and before COMMIT.
 */
class EventQueue {
  private queued: { connectionId: string; event: ChangeEvent }[] = [];

  constructor(
    private readonly client: pg.PoolClient,
    private readonly sql: Statements,
    private readonly touch: <R>(connectionId: string, work: () => Promise<R>) => Promise<R>,
  ) {}

  queue(connectionId: string, event: ChangeEvent): void {
    this.queued.push({ connectionId, event });
  }

  async flush(): Promise<void> {
    if (this.queued.length === 0) return;
    const queued = this.queued;
    this.queued = [];
    // Every connection the queued events belong to is locked before they are written.
    for (const connectionId of new Set(queued.map((q) => q.connectionId)))
      await this.touch(connectionId, async () => {});
    await this.client.query({
      ...this.sql.appendEvents,
      values: [
        queued.map((q) => q.connectionId),
        queued.map((q) => q.event.id),
        queued.map((q) => JSON.stringify(q.event)),
      ],
    });
  }
}

function recordKey(connectionId: string, entity: string, id: string): string {
  return `${connectionId}\u0000${entity}\u0000${id}`;
}

function fromRow(row: RecordRow): StoredRecord {
  return storedRecordFromText(
    {
      entity: row.entity,
      id: row.id,
      remoteId: row.remote_id,
      employeeId: row.employee_id,
      fingerprint: row.fingerprint,
      version: row.version,
      deleted: row.deleted,
      syncedAt: row.synced_at,
    },
    row.data,
  );
}
