import {
  type ConnectionInboxDepth,
  type EnqueueResult,
  type InboxDelivery,
  type InboxDepth,
  type InboxFailure,
  type InboxItem,
  inboxRecordKey,
  type ListInboxOptions,
} from './store.js';

type Undo = (step: () => void) => void;
type Row = InboxItem & { connectionId: string };

const clone = <T>(value: T): T => structuredClone(value);
const key = (connectionId: string, value: string) => `${connectionId}\u0000${value}`;

/** The memory store's inbox. Writes register their undo step, so a failed transaction leaves no trace. */
export class MemoryInbox {
  private readonly rows: Row[] = [];
  private readonly eventIds = new Set<string>();
  private readonly bodyHashes = new Map<string, number>();
  private seq = 0;

  list(connectionId: string, options: ListInboxOptions = {}): InboxItem[] {
    return this.rows
      .filter(
        (row) =>
          row.connectionId === connectionId &&
          (!options.status || row.status === options.status) &&
          (!options.recordKey || row.recordKey === options.recordKey) &&
          (!options.readyAt || row.retryAt === null || row.retryAt <= options.readyAt),
      )
      .slice(0, options.limit ?? Number.POSITIVE_INFINITY)
      .map(({ connectionId: _, ...item }) => clone(item));
  }

  depth(connectionId: string): InboxDepth {
    let pending = 0;
    let dead = 0;
    let oldestPendingAt: string | null = null;
    for (const row of this.rows) {
      if (row.connectionId !== connectionId) continue;
      if (row.status === 'dead') dead += 1;
      if (row.status !== 'pending') continue;
      pending += 1;
      if (oldestPendingAt === null || row.receivedAt < oldestPendingAt) oldestPendingAt = row.receivedAt;
    }
    return { pending, dead, oldestPendingAt };
  }

  /** Depth of every connection with pending or dead items, sorted by id (`SyncStore.inboxDepths`). */
  depthByConnection(): ConnectionInboxDepth[] {
    const found = new Map<string, ConnectionInboxDepth>();
    for (const row of this.rows) {
      if (row.status === 'applied') continue;
      let seen = found.get(row.connectionId);
      if (!seen) {
        seen = { connectionId: row.connectionId, pending: 0, dead: 0, oldestPendingAt: null };
        found.set(row.connectionId, seen);
      }
      if (row.status === 'dead') seen.dead += 1;
      else {
        seen.pending += 1;
        if (seen.oldestPendingAt === null || row.receivedAt < seen.oldestPendingAt)
          seen.oldestPendingAt = row.receivedAt;
      }
    }
    return [...found.values()].sort((a, b) =>
      a.connectionId < b.connectionId ? -1 : a.connectionId > b.connectionId ? 1 : 0,
    );
  }

  enqueue(connectionId: string, delivery: InboxDelivery, undo: Undo): EnqueueResult {
    const bodyKey = key(connectionId, delivery.bodyHash);
    if (this.bodyHashes.has(bodyKey)) return { stored: 0, duplicates: delivery.events.length };
    let stored = 0;
    for (const event of delivery.events) {
      const eventKey = key(connectionId, event.id);
      if (this.eventIds.has(eventKey)) continue;
      const length = this.rows.length;
      const seq = this.seq;
      undo(() => {
        this.rows.length = length;
        this.seq = seq;
        this.eventIds.delete(eventKey);
      });
      this.eventIds.add(eventKey);
      this.seq += 1;
      this.rows.push({
        connectionId,
        seq: this.seq,
        eventId: event.id,
        bodyHash: delivery.bodyHash,
        recordKey: inboxRecordKey(event),
        event: clone(event),
        receivedAt: delivery.receivedAt,
        status: 'pending',
        attempts: 0,
        lastError: null,
        retryAt: null,
        appliedAt: null,
      });
      stored += 1;
    }
    if (stored > 0) this.countBody(bodyKey, 1, undo);
    return { stored, duplicates: delivery.events.length - stored };
  }

  markApplied(connectionId: string, seqs: readonly number[], at: string, undo: Undo): void {
    for (const row of this.pendingRows(connectionId, seqs)) {
      const before = { ...row };
      undo(() => Object.assign(row, before));
      row.status = 'applied';
      row.appliedAt = at;
      row.retryAt = null;
    }
  }

  markFailed(connectionId: string, seqs: readonly number[], failure: InboxFailure, undo: Undo): void {
    for (const row of this.pendingRows(connectionId, seqs)) {
      const before = { ...row };
      undo(() => Object.assign(row, before));
      row.attempts += 1;
      row.lastError = failure.error;
      row.retryAt = failure.retryAt;
      if (failure.retryAt === null) row.status = 'dead';
    }
  }

  prune(connectionId: string, before: string, undo: Undo): number {
    let removed = 0;
    for (let index = this.rows.length - 1; index >= 0; index -= 1) {
      const row = this.rows[index] as Row;
      if (row.connectionId !== connectionId || row.status !== 'applied' || (row.appliedAt ?? '') >= before) continue;
      this.rows.splice(index, 1);
      const eventKey = key(connectionId, row.eventId);
      this.eventIds.delete(eventKey);
      undo(() => {
        this.rows.splice(index, 0, row);
        this.eventIds.add(eventKey);
      });
      this.countBody(key(connectionId, row.bodyHash), -1, undo);
      removed += 1;
    }
    return removed;
  }

  private pendingRows(connectionId: string, seqs: readonly number[]): Row[] {
    const wanted = new Set(seqs);
    return this.rows.filter(
      (row) => row.connectionId === connectionId && wanted.has(row.seq) && row.status === 'pending',
    );
  }

  /** Items per body hash: the hash deduplicates while any item of its delivery is kept. */
  private countBody(bodyKey: string, delta: number, undo: Undo): void {
    const previous = this.bodyHashes.get(bodyKey) ?? 0;
    undo(() => (previous === 0 ? this.bodyHashes.delete(bodyKey) : this.bodyHashes.set(bodyKey, previous)));
    const next = previous + delta;
    if (next <= 0) this.bodyHashes.delete(bodyKey);
    else this.bodyHashes.set(bodyKey, next);
  }
}
