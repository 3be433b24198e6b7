import type { ChangeEvent } from '@hrkit/core';
import { MemoryInbox } from './memory-inbox.js';
import { Mutex } from './mutex.js';
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
} from './store.js';

const key = (connectionId: string, entity: string, id: string) => `${connectionId}\u0000${entity}\u0000${id}`;
const clone = <T>(value: T): T => structuredClone(value);

/**
 * A record as this store keeps it: its data as JSON text. Text is immutable, so nobody holding a record the store
 * handed out can change the store's copy, and a read that only compares fingerprints never parses it — where a
 * `structuredClone` on every write and read cost more than the whole rest of the store (docs/performance.md,
 * "Sync (issue 17)").
 */
interface KeptRecord extends Omit<StoredRecord, 'data'> {
  connectionId: string;
  dataJson: string | undefined;
}

/** An outbox event kept as JSON text (events are plain JSON: docs/sync.md), parsed again for every reader. */
interface KeptEvent extends Omit<StoredEvent, 'event'> {
  connectionId: string;
  id: string;
  eventJson: string;
}

/**
 * In-memory store for tests and short-lived processes. Transactions keep an undo log and roll it back when the
 * unit of work throws, so it fails exactly like the SQLite store does.
 */
export class MemorySyncStore implements SyncStore {
  private readonly states = new Map<string, ConnectionState>();
  private readonly records = new Map<string, KeptRecord>();
  private readonly events: KeptEvent[] = [];
  private readonly eventKeys = new Set<string>();
  private readonly inbox = new MemoryInbox();
  private readonly mutex = new Mutex();
  private seq = 0;

  async listInbox(connectionId: string, options?: ListInboxOptions): Promise<InboxItem[]> {
    return this.inbox.list(connectionId, options);
  }

  async inboxDepth(connectionId: string): Promise<InboxDepth> {
    return this.inbox.depth(connectionId);
  }

  async inboxDepths(): Promise<ConnectionInboxDepth[]> {
    return this.inbox.depthByConnection();
  }

  async getState(connectionId: string): Promise<ConnectionState> {
    return clone(this.states.get(connectionId) ?? emptyState());
  }

  async getRecord(connectionId: string, entity: SyncEntity, id: string): Promise<StoredRecord | null> {
    const found = this.records.get(key(connectionId, entity, id));
    return found ? strip(found) : null;
  }

  async listRecords(
    connectionId: string,
    entity: SyncEntity,
    options: { includeDeleted?: boolean } = {},
  ): Promise<StoredRecord[]> {
    return [...this.records.values()]
      .filter((r) => r.connectionId === connectionId && r.entity === entity && (options.includeDeleted || !r.deleted))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(strip);
  }

  async listLiveIds(connectionId: string, entity: SyncEntity): Promise<string[]> {
    return (await this.listRecords(connectionId, entity)).map((r) => r.id);
  }

  async listEvents(
    connectionId: string,
    options: { pendingOnly?: boolean; limit?: number } = {},
  ): Promise<StoredEvent[]> {
    return this.events
      .filter((e) => e.connectionId === connectionId && (!options.pendingOnly || e.deliveredAt === null))
      .slice(0, options.limit ?? Number.POSITIVE_INFINITY)
      .map((kept) => ({
        seq: kept.seq,
        event: JSON.parse(kept.eventJson) as ChangeEvent,
        deliveredAt: kept.deliveredAt,
      }));
  }

  transaction<T>(fn: (unit: SyncUnitOfWork) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      const undo: (() => void)[] = [];
      const record = (step: () => void) => undo.push(step);
      const unit: SyncUnitOfWork = {
        listInbox: (c, o) => this.listInbox(c, o),
        inboxDepth: (c) => this.inboxDepth(c),
        enqueueDelivery: async (c, delivery) => this.inbox.enqueue(c, delivery, record),
        markInboxApplied: async (c, seqs, at) => this.inbox.markApplied(c, seqs, at, record),
        markInboxFailed: async (c, seqs, failure) => this.inbox.markFailed(c, seqs, failure, record),
        pruneInbox: async (c, before) => this.inbox.prune(c, before, record),
        getState: (c) => this.getState(c),
        getRecord: (c, e, i) => this.getRecord(c, e, i),
        listRecords: (c, e, o) => this.listRecords(c, e, o),
        listLiveIds: (c, e) => this.listLiveIds(c, e),
        listEvents: (c, o) => this.listEvents(c, o),
        putState: async (connectionId, state) => {
          const previous = this.states.get(connectionId);
          undo.push(() => (previous ? this.states.set(connectionId, previous) : this.states.delete(connectionId)));
          this.states.set(connectionId, clone(state));
        },
        putRecord: async (connectionId, record, dataJson) => {
          const k = key(connectionId, record.entity, record.id);
          const previous = this.records.get(k);
          undo.push(() => (previous ? this.records.set(k, previous) : this.records.delete(k)));
          this.records.set(k, {
            connectionId,
            entity: record.entity,
            id: record.id,
            remoteId: record.remoteId,
            employeeId: record.employeeId,
            fingerprint: record.fingerprint,
            version: record.version,
            dataJson: dataJson ?? JSON.stringify(record.data),
            deleted: record.deleted,
            syncedAt: record.syncedAt,
          });
        },
        appendEvent: async (connectionId, event: ChangeEvent) => {
          const eventKey = key(connectionId, 'event', event.id);
          if (this.eventKeys.has(eventKey)) return false;
          const length = this.events.length;
          const seq = this.seq;
          undo.push(() => {
            this.events.length = length;
            this.seq = seq;
            this.eventKeys.delete(eventKey);
          });
          this.eventKeys.add(eventKey);
          this.seq += 1;
          this.events.push({
            seq: this.seq,
            id: event.id,
            eventJson: JSON.stringify(event),
            deliveredAt: null,
            connectionId,
          });
          return true;
        },
        markDelivered: async (connectionId, eventIds, at) => {
          const wanted = new Set(eventIds);
          for (const stored of this.events) {
            if (stored.connectionId !== connectionId || !wanted.has(stored.id) || stored.deliveredAt) continue;
            undo.push(() => {
              stored.deliveredAt = null;
            });
            stored.deliveredAt = at;
          }
        },
      };
      try {
        return await fn(unit);
      } catch (error) {
        for (const step of undo.reverse()) step();
        throw error;
      }
    });
  }

  async close(): Promise<void> {}
}

/** A fresh record for the reader; its data is parsed from the kept text only if read. */
function strip(record: KeptRecord): StoredRecord {
  const { connectionId: _, dataJson, ...fields } = record;
  return storedRecordFromText(fields, dataJson);
}
