import type { ChangeEvent } from '@hrkit/core';

/** What the engine keeps per connection: one row per normalized record it has seen. */
export type SyncEntity = 'employee' | 'time_off_request' | 'time_off_balance' | 'compensation';

export interface StoredRecord {
  entity: SyncEntity;
  /** hrkit id, `<provider>:<remote id>`. */
  id: string;
  remoteId: string;
  /** The employee the record belongs to (the record itself for employees). */
  employeeId: string | null;
  /** Stable hash of the normalized record minus volatile fields: equal fingerprints mean no real change. */
  fingerprint: string;
  /** Bumped on every real change; part of event ids so that A→B→A→B yields four distinct events. */
  version: number;
  /** The normalized record (without `raw`), as last seen. */
  data: unknown;
  /** Gone at the provider (absent from a full listing, or reported deleted). */
  deleted: boolean;
  /** When the engine last wrote this row (ISO). */
  syncedAt: string;
}

/**
 * A stored record whose `data` is parsed from `text` on first read, then kept. A sync that finds a record unchanged
 * compares fingerprints only and never pays for parsing the stored row (docs/performance.md, "Sync (issue 17)").
 * Assigning `data` replaces it, as on a plain object.
 */
export function storedRecordFromText(fields: Omit<StoredRecord, 'data'>, text: string | undefined): StoredRecord {
  let parsed: unknown;
  let read = text === undefined;
  return {
    entity: fields.entity,
    id: fields.id,
    remoteId: fields.remoteId,
    employeeId: fields.employeeId,
    fingerprint: fields.fingerprint,
    version: fields.version,
    get data(): unknown {
      if (!read) {
        parsed = JSON.parse(text as string);
        read = true;
      }
      return parsed;
    },
    set data(value: unknown) {
      parsed = value;
      read = true;
    },
    deleted: fields.deleted,
    syncedAt: fields.syncedAt,
  };
}

export interface ConnectionState {
  /** When the last complete full listing (reconciliation) finished. */
  lastFullSyncAt: string | null;
  /** When the last successful sync of any kind finished. */
  lastSyncAt: string | null;
  /** Provider feed cursors, e.g. `timeOff.requestChanges` → ISO instant. */
  cursors: Record<string, string>;
}

export function emptyState(): ConnectionState {
  return { lastFullSyncAt: null, lastSyncAt: null, cursors: {} };
}

/** An event in the outbox, in the order it was written. */
export interface StoredEvent {
  seq: number;
  event: ChangeEvent;
  deliveredAt: string | null;
}

/** Reads, available both on the store (auto-commit) and inside a transaction. */
export interface SyncReader extends InboxReader {
  getState(connectionId: string): Promise<ConnectionState>;
  getRecord(connectionId: string, entity: SyncEntity, id: string): Promise<StoredRecord | null>;
  /** Records ordered by id. */
  listRecords(
    connectionId: string,
    entity: SyncEntity,
    options?: { includeDeleted?: boolean },
  ): Promise<StoredRecord[]>;
  /** Ids of records not marked deleted, ordered. Cheaper than listRecords for deletion passes. */
  listLiveIds(connectionId: string, entity: SyncEntity): Promise<string[]>;
  /** Outbox events in write order; `pendingOnly` leaves out delivered ones. */
  listEvents(connectionId: string, options?: { pendingOnly?: boolean; limit?: number }): Promise<StoredEvent[]>;
}

/** The writes of one unit of work. Nothing is visible to other units until the transaction commits. */
export interface SyncUnitOfWork extends SyncReader, InboxWriter {
  putState(connectionId: string, state: ConnectionState): Promise<void>;
  /**
   * `dataJson`, when given, is `record.data` already serialized (the engine passes the canonical text it hashed into
   * the fingerprint): the store writes it as is instead of serializing `data` a second time. Stores may ignore it.
   */
  putRecord(connectionId: string, record: StoredRecord, dataJson?: string): Promise<void>;
  /** Append to the outbox. Returns false (and changes nothing) when an event with that id is already there. */
  appendEvent(connectionId: string, event: ChangeEvent): Promise<boolean>;
  markDelivered(connectionId: string, eventIds: readonly string[], at: string): Promise<void>;
  /**
   * Optional hint: the engine is about to `getRecord` each of these (one batch). A networked store may load them
   * in one round trip instead of one per record. Reads after it must still see every write of the unit.
   */
  prefetchRecords?(connectionId: string, entity: SyncEntity, ids: readonly string[]): Promise<void>;
  /**
   * Optional: `appendEvent` without the answer. The store may hold the write until the unit next reads the outbox
   * or commits, so that a batch's events go out in one statement. Same outcome otherwise: outbox order is call order
   * (mixed with `appendEvent` calls), a duplicate id changes nothing, and a unit that throws leaves none of them.
   */
  queueEvent?(connectionId: string, event: ChangeEvent): void;
}

/**
 * Where the sync engine keeps records, cursors and the event outbox. Every method is async and every write goes
 * through `transaction`, so a networked database (PostgreSQL: one client per transaction, BEGIN … COMMIT) can
 * implement it without any change to the engine. Transactions are serialized per store.
 */
export interface SyncStore extends SyncReader {
  /** Run `fn` as one atomic unit of work: all of its writes commit together, or none do (fn threw). */
  transaction<T>(fn: (unit: SyncUnitOfWork) => Promise<T>): Promise<T>;
  /**
   * Optional: run `fn` (a whole sync of one connection) while no other process runs one for the same connection.
   * Stores that several processes share implement it (PostgreSQL: a session advisory lock): per-transaction locking
   * alone lets two runs interleave their phases — one run's deletion pass, then the other's older listing writing a
   * deleted record back. The engine calls it around every sync when present.
   */
  exclusive?<T>(connectionId: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Optional: `inboxDepth` of every connection whose inbox holds pending or dead items, in one query, sorted by
   * connection id; a connection with neither is absent (its depth is all zeros). A scheduler (connections with
   * pending items) and metrics (every connection's pending and dead items) call it once instead of `inboxDepth` per
   * connection
   * (docs/sync.md, "Webhook inbox"). Outside transactions only.
   */
  inboxDepths?(): Promise<ConnectionInboxDepth[]>;
  close(): Promise<void>;
}

/**
 * The webhook inbox (docs/sync.md, "Webhook inbox"): every event of a verified delivery is written here in a
 * transaction before the listener answers 2xx, then applied from here. One item per provider event.
 *
 * - `pending`: waiting (or waiting for `retryAt` after a failed attempt);
 * - `applied`: marked in the same transaction as its record change, so a crash never applies it twice;
 * - `dead`: failed `maxAttempts` times; kept with its last error for an operator (a full sync reconciles it).
 */
export type InboxStatus = 'pending' | 'applied' | 'dead';

export interface InboxItem {
  /** Store-assigned, increasing in arrival order. */
  seq: number;
  /** The provider event id (`ChangeEvent.id`): unique per connection, so a redelivered event is stored once. */
  eventId: string;
  /** sha256 (hex) of the delivery's raw body: a body already seen is stored once. */
  bodyHash: string;
  /** `<entity>:<entityId>`: pending items with one key are applied together, with one provider read. */
  recordKey: string;
  /** The verified, parsed event (webhook events are thin: ids, action, type). */
  event: ChangeEvent;
  receivedAt: string;
  status: InboxStatus;
  /** Failed attempts so far. */
  attempts: number;
  /** What the last failed attempt said: an error type and code, never a message with secrets or personal data. */
  lastError: string | null;
  /** A pending item that failed is not retried before this instant. */
  retryAt: string | null;
  appliedAt: string | null;
}

/** One verified delivery to store: its raw body's hash and its events. */
export interface InboxDelivery {
  bodyHash: string;
  receivedAt: string;
  events: readonly ChangeEvent[];
}

export interface EnqueueResult {
  /** Items written. 0 for a body seen before, or when every event id is already in the inbox. */
  stored: number;
  /** Events not written because their id (or the whole body) was already there. */
  duplicates: number;
}

export interface InboxDepth {
  /** Pending items, including those waiting for a retry. */
  pending: number;
  /** Items that exhausted their attempts. */
  dead: number;
  /** `receivedAt` of the oldest pending item. */
  oldestPendingAt: string | null;
}

/** One connection's `InboxDepth`, as `SyncStore.inboxDepths` reports it: `pending + dead` > 0. */
export interface ConnectionInboxDepth extends InboxDepth {
  connectionId: string;
}

export interface ListInboxOptions {
  status?: InboxStatus;
  /** Only items whose `retryAt` is null or not after this instant (ISO). */
  readyAt?: string;
  recordKey?: string;
  limit?: number;
}

export interface InboxFailure {
  /** Safe text (see `InboxItem.lastError`). */
  error: string;
  /** When to try again; null gives up: the items become `dead`. */
  retryAt: string | null;
}

/** Inbox reads, on the store and inside a transaction. Items come oldest first (by `seq`). */
export interface InboxReader {
  listInbox(connectionId: string, options?: ListInboxOptions): Promise<InboxItem[]>;
  inboxDepth(connectionId: string): Promise<InboxDepth>;
}

/** Inbox writes, inside a transaction only. */
export interface InboxWriter {
  /** Store a delivery's events, skipping ids already present; a body hash already present stores nothing. */
  enqueueDelivery(connectionId: string, delivery: InboxDelivery): Promise<EnqueueResult>;
  /** Mark pending items applied. Call it in the transaction that writes their record change. */
  markInboxApplied(connectionId: string, seqs: readonly number[], at: string): Promise<void>;
  /** Count a failed attempt on pending items: attempts + 1, lastError, retryAt (null: status `dead`). */
  markInboxFailed(connectionId: string, seqs: readonly number[], failure: InboxFailure): Promise<void>;
  /** Delete applied items applied before `before` (their ids stop deduplicating redeliveries). Returns how many. */
  pruneInbox(connectionId: string, before: string): Promise<number>;
}

/** `<entity>:<entityId>`, the key deliveries are coalesced on. */
export function inboxRecordKey(event: Pick<ChangeEvent, 'entity' | 'entityId'>): string {
  return `${event.entity}:${event.entityId}`;
}
