import type { ChangeEvent } from '@hrkit/core';
import type Database from 'better-sqlite3';
import { Mutex } from '../mutex.js';
import { loadSqliteDriver, type ModuleLoader } from './driver.js';
import { ensurePrivateFile } from './private-files.js';
import { INBOX_SCHEMA, SqliteInbox } from './sqlite-inbox.js';
import {
  type ConnectionState,
  emptyState,
  type InboxDepth,
  type InboxItem,
  type ListInboxOptions,
  type ConnectionInboxDepth,
  type StoredEvent,
  type StoredRecord,
  type SyncEntity,
  type SyncStore,
  type SyncUnitOfWork,
  storedRecordFromText,
} from '../store.js';

/** Default location, relative to the working directory. */
export const DEFAULT_STORE_PATH = '.hrkit/hrkit.sqlite';

/** 2 added the webhook inbox. */
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS connection_state (
  connection_id TEXT PRIMARY KEY,
  state TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
  connection_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  id TEXT NOT NULL,
  remote_id TEXT NOT NULL,
  employee_id TEXT,
  fingerprint TEXT NOT NULL,
  version INTEGER NOT NULL,
  data TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  synced_at TEXT NOT NULL,
  PRIMARY KEY (connection_id, entity, id)
);
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  connection_id TEXT NOT NULL,
  id TEXT NOT NULL,
  payload TEXT NOT NULL,
  delivered_at TEXT,
  UNIQUE (connection_id, id)
);
CREATE INDEX IF NOT EXISTS events_pending ON events (connection_id, delivered_at, seq);
`;

interface RecordRow {
  entity: SyncEntity;
  id: string;
  remote_id: string;
  employee_id: string | null;
  fingerprint: string;
  version: number;
  data: string;
  deleted: number;
  synced_at: string;
}

interface EventRow {
  seq: number;
  payload: string;
  delivered_at: string | null;
}

/**
 * The embedded store: one SQLite file (WAL journal, so readers never block the writer). better-sqlite3 is
 * synchronous; transactions are BEGIN IMMEDIATE … COMMIT around the async unit of work, serialized by a mutex
 * so two units never share one open transaction.
 */
export class SqliteSyncStore implements SyncStore {
  private readonly db: Database.Database;
  private readonly mutex = new Mutex();
  private readonly statements;
  private readonly inbox: SqliteInbox;

  /**
   * `durable`: fsync every commit (synchronous = FULL). A webhook listener acknowledges a delivery once its
   * inbox transaction commits; with the default NORMAL a commit survives a killed process but not a power loss.
   * `loadModule` replaces `require` for loading better-sqlite3 (tests simulate it missing).
   */
  constructor(
    readonly path: string = DEFAULT_STORE_PATH,
    options: { durable?: boolean; loadModule?: ModuleLoader } = {},
  ) {
    // The driver first: when it is missing, no empty store file is left behind.
    const Driver = loadSqliteDriver(options.loadModule) as typeof Database;
    // 0600 in 0700 directories, made level by level (docs/security.md › Files).
    if (path !== ':memory:') ensurePrivateFile(path);
    this.db = new Driver(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(options.durable ? 'synchronous = FULL' : 'synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw new Error(`${path} was written by a newer hrkit (store schema ${version}); upgrade @hrkit/cli`);
    this.db.exec(SCHEMA);
    this.db.exec(INBOX_SCHEMA);
    this.inbox = new SqliteInbox(this.db);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    this.statements = {
      getState: this.db.prepare<[string], { state: string }>(
        'SELECT state FROM connection_state WHERE connection_id = ?',
      ),
      putState: this.db.prepare(
        'INSERT INTO connection_state (connection_id, state) VALUES (?, ?) ON CONFLICT (connection_id) DO UPDATE SET state = excluded.state',
      ),
      getRecord: this.db.prepare<[string, string, string], RecordRow>(
        'SELECT * FROM records WHERE connection_id = ? AND entity = ? AND id = ?',
      ),
      listAll: this.db.prepare<[string, string], RecordRow>(
        'SELECT * FROM records WHERE connection_id = ? AND entity = ? ORDER BY id',
      ),
      listLive: this.db.prepare<[string, string], RecordRow>(
        'SELECT * FROM records WHERE connection_id = ? AND entity = ? AND deleted = 0 ORDER BY id',
      ),
      liveIds: this.db.prepare<[string, string], { id: string }>(
        'SELECT id FROM records WHERE connection_id = ? AND entity = ? AND deleted = 0 ORDER BY id',
      ),
      putRecord: this.db.prepare(
        `INSERT INTO records (connection_id, entity, id, remote_id, employee_id, fingerprint, version, data, deleted, synced_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (connection_id, entity, id) DO UPDATE SET remote_id = excluded.remote_id,
           employee_id = excluded.employee_id, fingerprint = excluded.fingerprint, version = excluded.version,
           data = excluded.data, deleted = excluded.deleted, synced_at = excluded.synced_at`,
      ),
      appendEvent: this.db.prepare(
        'INSERT INTO events (connection_id, id, payload) VALUES (?, ?, ?) ON CONFLICT (connection_id, id) DO NOTHING',
      ),
      listEvents: this.db.prepare<[string, number], EventRow>(
        'SELECT seq, payload, delivered_at FROM events WHERE connection_id = ? ORDER BY seq LIMIT ?',
      ),
      listPending: this.db.prepare<[string, number], EventRow>(
        'SELECT seq, payload, delivered_at FROM events WHERE connection_id = ? AND delivered_at IS NULL ORDER BY seq LIMIT ?',
      ),
      markDelivered: this.db.prepare(
        'UPDATE events SET delivered_at = ? WHERE connection_id = ? AND id = ? AND delivered_at IS NULL',
      ),
    };
  }

  async getState(connectionId: string): Promise<ConnectionState> {
    const row = this.statements.getState.get(connectionId);
    return row ? { ...emptyState(), ...(JSON.parse(row.state) as ConnectionState) } : emptyState();
  }

  async getRecord(connectionId: string, entity: SyncEntity, id: string): Promise<StoredRecord | null> {
    const row = this.statements.getRecord.get(connectionId, entity, id);
    return row ? fromRow(row) : null;
  }

  async listRecords(
    connectionId: string,
    entity: SyncEntity,
    options: { includeDeleted?: boolean } = {},
  ): Promise<StoredRecord[]> {
    const statement = options.includeDeleted ? this.statements.listAll : this.statements.listLive;
    return statement.all(connectionId, entity).map(fromRow);
  }

  async listLiveIds(connectionId: string, entity: SyncEntity): Promise<string[]> {
    return this.statements.liveIds.all(connectionId, entity).map((row) => row.id);
  }

  async listEvents(
    connectionId: string,
    options: { pendingOnly?: boolean; limit?: number } = {},
  ): Promise<StoredEvent[]> {
    const statement = options.pendingOnly ? this.statements.listPending : this.statements.listEvents;
    return statement.all(connectionId, options.limit ?? -1).map((row) => ({
      seq: row.seq,
      event: JSON.parse(row.payload) as ChangeEvent,
      deliveredAt: row.delivered_at,
    }));
  }

  async listInbox(connectionId: string, options?: ListInboxOptions): Promise<InboxItem[]> {
    return this.inbox.list(connectionId, options);
  }

  async inboxDepth(connectionId: string): Promise<InboxDepth> {
    return this.inbox.depth(connectionId);
  }

  async inboxDepths(): Promise<ConnectionInboxDepth[]> {
    return this.inbox.depthByConnection();
  }

  transaction<T>(fn: (unit: SyncUnitOfWork) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      const s = this.statements;
      const inbox = this.inbox;
      const unit: SyncUnitOfWork = {
        listInbox: (c, o) => this.listInbox(c, o),
        inboxDepth: (c) => this.inboxDepth(c),
        enqueueDelivery: async (c, delivery) => inbox.enqueue(c, delivery),
        markInboxApplied: async (c, seqs, at) => inbox.markApplied(c, seqs, at),
        markInboxFailed: async (c, seqs, failure) => inbox.markFailed(c, seqs, failure),
        pruneInbox: async (c, before) => inbox.prune(c, before),
        getState: (c) => this.getState(c),
        getRecord: (c, e, i) => this.getRecord(c, e, i),
        listRecords: (c, e, o) => this.listRecords(c, e, o),
        listLiveIds: (c, e) => this.listLiveIds(c, e),
        listEvents: (c, o) => this.listEvents(c, o),
        putState: async (connectionId, state) => {
          s.putState.run(connectionId, JSON.stringify(state));
        },
        putRecord: async (connectionId, record, dataJson) => {
          // Positional parameters: better-sqlite3 binds them without looking up names in an object per row.
          s.putRecord.run(
            connectionId,
            record.entity,
            record.id,
            record.remoteId,
            record.employeeId,
            record.fingerprint,
            record.version,
            dataJson ?? JSON.stringify(record.data),
            record.deleted ? 1 : 0,
            record.syncedAt,
          );
        },
        appendEvent: async (connectionId, event) =>
          s.appendEvent.run(connectionId, event.id, JSON.stringify(event)).changes === 1,
        markDelivered: async (connectionId, eventIds, at) => {
          for (const id of eventIds) s.markDelivered.run(at, connectionId, id);
        },
      };
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(unit);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** `data` stays text until read: the no-change path compares fingerprints only. */
function fromRow(row: RecordRow): StoredRecord {
  return storedRecordFromText(
    {
      entity: row.entity,
      id: row.id,
      remoteId: row.remote_id,
      employeeId: row.employee_id,
      fingerprint: row.fingerprint,
      version: row.version,
      deleted: row.deleted === 1,
      syncedAt: row.synced_at,
    },
    row.data,
  );
}
