import type { ChangeEvent } from '@hrkit/core';
import type Database from 'better-sqlite3';
import {
  type ConnectionInboxDepth,
  type EnqueueResult,
  type InboxDelivery,
  type InboxDepth,
  type InboxFailure,
  type InboxItem,
  type InboxStatus,
  inboxRecordKey,
  type ListInboxOptions,
} from '../store.js';

/** The inbox tables (docs/sync.md, "Webhook inbox"). Part of store schema 2. */
export const INBOX_SCHEMA = `
CREATE TABLE IF NOT EXISTS inbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  connection_id TEXT NOT NULL,
  event_id TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  record_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  retry_at TEXT,
  applied_at TEXT,
  UNIQUE (connection_id, event_id)
);
CREATE INDEX IF NOT EXISTS inbox_status ON inbox (connection_id, status, seq);
CREATE INDEX IF NOT EXISTS inbox_record ON inbox (connection_id, record_key, status);
CREATE INDEX IF NOT EXISTS inbox_body ON inbox (connection_id, body_hash);
-- Only pending items: inboxDepths reads these, not the applied ones kept for deduplication.
CREATE INDEX IF NOT EXISTS inbox_pending ON inbox (connection_id, received_at) WHERE status = 'pending';
-- Only dead items: inboxDepths reads these next to the pending ones (one aggregate per metrics scrape).
CREATE INDEX IF NOT EXISTS inbox_dead ON inbox (connection_id) WHERE status = 'dead';
`;

interface InboxRow {
  seq: number;
  event_id: string;
  body_hash: string;
  record_key: string;
  payload: string;
  received_at: string;
  status: InboxStatus;
  attempts: number;
  last_error: string | null;
  retry_at: string | null;
  applied_at: string | null;
}

/** Prepared statements over the inbox table; the store wraps writes in its transactions. */
export class SqliteInbox {
  private readonly s;

  constructor(private readonly db: Database.Database) {
    this.s = {
      bodySeen: db.prepare<[string, string], { one: number }>(
        'SELECT 1 AS one FROM inbox WHERE connection_id = ? AND body_hash = ? LIMIT 1',
      ),
      insert: db.prepare(
        `INSERT INTO inbox (connection_id, event_id, body_hash, record_key, payload, received_at, status)
         VALUES (?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT (connection_id, event_id) DO NOTHING`,
      ),
      depth: db.prepare<[string], { pending: number; dead: number; oldest: string | null }>(
        `SELECT COALESCE(SUM(status = 'pending'), 0) AS pending, COALESCE(SUM(status = 'dead'), 0) AS dead,
           MIN(CASE WHEN status = 'pending' THEN received_at END) AS oldest
         FROM inbox WHERE connection_id = ? AND status IN ('pending', 'dead')`,
      ),
      // Two arms, each over its own partial index (inbox_pending, inbox_dead), so applied items are never read.
      depthByConnection: db.prepare<
        [],
        { connection_id: string; pending: number; dead: number; oldest: string | null }
      >(
        `SELECT connection_id, sum(pending) AS pending, sum(dead) AS dead, min(oldest) AS oldest FROM (
           SELECT connection_id, count(*) AS pending, 0 AS dead, min(received_at) AS oldest
           FROM inbox WHERE status = 'pending' GROUP BY connection_id
           UNION ALL
           SELECT connection_id, 0, count(*), NULL FROM inbox WHERE status = 'dead' GROUP BY connection_id
         ) GROUP BY connection_id ORDER BY connection_id`,
      ),
      applied: db.prepare(
        "UPDATE inbox SET status = 'applied', applied_at = ?, retry_at = NULL WHERE connection_id = ? AND seq = ? AND status = 'pending'",
      ),
      failed: db.prepare(
        `UPDATE inbox SET attempts = attempts + 1, last_error = ?, retry_at = ?,
           status = CASE WHEN ? IS NULL THEN 'dead' ELSE 'pending' END
         WHERE connection_id = ? AND seq = ? AND status = 'pending'`,
      ),
      prune: db.prepare("DELETE FROM inbox WHERE connection_id = ? AND status = 'applied' AND applied_at < ?"),
    };
  }

  list(connectionId: string, options: ListInboxOptions = {}): InboxItem[] {
    const where = ['connection_id = @connectionId'];
    if (options.status) where.push('status = @status');
    if (options.recordKey) where.push('record_key = @recordKey');
    if (options.readyAt) where.push('(retry_at IS NULL OR retry_at <= @readyAt)');
    const sql = `SELECT * FROM inbox WHERE ${where.join(' AND ')} ORDER BY seq LIMIT @limit`;
    // The statement cache of better-sqlite3 is per Database: preparing the few shapes repeatedly is cheap.
    const rows = this.db.prepare<Record<string, unknown>, InboxRow>(sql).all({
      connectionId,
      status: options.status ?? null,
      recordKey: options.recordKey ?? null,
      readyAt: options.readyAt ?? null,
      limit: options.limit ?? -1,
    });
    return rows.map(fromRow);
  }

  depth(connectionId: string): InboxDepth {
    const row = this.s.depth.get(connectionId);
    return { pending: row?.pending ?? 0, dead: row?.dead ?? 0, oldestPendingAt: row?.oldest ?? null };
  }

  depthByConnection(): ConnectionInboxDepth[] {
    return this.s.depthByConnection.all().map((row) => ({
      connectionId: row.connection_id,
      pending: row.pending,
      dead: row.dead,
      oldestPendingAt: row.oldest,
    }));
  }

  enqueue(connectionId: string, delivery: InboxDelivery): EnqueueResult {
    if (this.s.bodySeen.get(connectionId, delivery.bodyHash)) return { stored: 0, duplicates: delivery.events.length };
    let stored = 0;
    for (const event of delivery.events)
      stored += this.s.insert.run(
        connectionId,
        event.id,
        delivery.bodyHash,
        inboxRecordKey(event),
        JSON.stringify(event),
        delivery.receivedAt,
      ).changes;
    return { stored, duplicates: delivery.events.length - stored };
  }

  markApplied(connectionId: string, seqs: readonly number[], at: string): void {
    for (const seq of seqs) this.s.applied.run(at, connectionId, seq);
  }

  markFailed(connectionId: string, seqs: readonly number[], failure: InboxFailure): void {
    for (const seq of seqs) this.s.failed.run(failure.error, failure.retryAt, failure.retryAt, connectionId, seq);
  }

  prune(connectionId: string, before: string): number {
    return this.s.prune.run(connectionId, before).changes;
  }
}

function fromRow(row: InboxRow): InboxItem {
  return {
    seq: row.seq,
    eventId: row.event_id,
    bodyHash: row.body_hash,
    recordKey: row.record_key,
    event: JSON.parse(row.payload) as ChangeEvent,
    receivedAt: row.received_at,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    retryAt: row.retry_at,
    appliedAt: row.applied_at,
  };
}
