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
export interface SyncReader {
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
export interface SyncUnitOfWork extends SyncReader {
  putState(connectionId: string, state: ConnectionState): Promise<void>;
  putRecord(connectionId: string, record: StoredRecord): Promise<void>;
  /** Append to the outbox. Returns false (and changes nothing) when an event with that id is already there. */
  appendEvent(connectionId: string, event: ChangeEvent): Promise<boolean>;
  markDelivered(connectionId: string, eventIds: readonly string[], at: string): Promise<void>;
}

/**
 * Where the sync engine keeps records, cursors and the event outbox. Every method is async and every write goes
 * through `transaction`, so a networked database (PostgreSQL: one client per transaction, BEGIN … COMMIT) can
 * implement it without any change to the engine. Transactions are serialized per store.
 */
export interface SyncStore extends SyncReader {
  /** Run `fn` as one atomic unit of work: all of its writes commit together, or none do (fn threw). */
  transaction<T>(fn: (unit: SyncUnitOfWork) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
