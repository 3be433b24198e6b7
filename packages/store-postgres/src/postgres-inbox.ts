import type { ChangeEvent } from '@hrkit/core';
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
} from '@hrkit/sync';
import type pg from 'pg';

/** Anything that runs a query: the pool (auto-commit reads) or the one client of a transaction. */
type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** Migration 2: the webhook inbox (docs/sync.md, "Webhook inbox"). */
export function inboxMigration(s: string): string {
  return `
    CREATE TABLE "${s}".inbox (
      seq bigserial PRIMARY KEY,
      connection_id text COLLATE "C" NOT NULL,
      event_id text COLLATE "C" NOT NULL,
      body_hash text COLLATE "C" NOT NULL,
      record_key text COLLATE "C" NOT NULL,
      payload jsonb NOT NULL,
      received_at text NOT NULL,
      status text COLLATE "C" NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      retry_at text,
      applied_at text,
      UNIQUE (connection_id, event_id)
    );
    CREATE INDEX inbox_by_status ON "${s}".inbox (connection_id, status, seq);
    CREATE INDEX inbox_by_record ON "${s}".inbox (connection_id, record_key, status);
    CREATE INDEX inbox_by_body ON "${s}".inbox (connection_id, body_hash);
  `;
}

/**
 * Migration 3: pending items only, so `inboxDepths` (one query per scheduler tick or metrics scrape across every
 * connection) reads what is pending, not the applied items kept for deduplication (docs/sync.md, "Webhook inbox").
 */
export function pendingInboxMigration(s: string): string {
  return `CREATE INDEX inbox_pending ON "${s}".inbox (connection_id, received_at) WHERE status = 'pending';`;
}

/**
 * Migration 4: dead items only, so `inboxDepths` (one query per metrics scrape across every connection) reads the
 * pending and dead items, each arm over its own partial index, never the applied ones (docs/sync.md, "Webhook inbox").
 */
export function deadInboxMigration(s: string): string {
  return `CREATE INDEX inbox_dead ON "${s}".inbox (connection_id) WHERE status = 'dead';`;
}

interface InboxRow {
  seq: string;
  event_id: string;
  body_hash: string;
  record_key: string;
  payload: ChangeEvent;
  received_at: string;
  status: InboxStatus;
  attempts: number;
  last_error: string | null;
  retry_at: string | null;
  applied_at: string | null;
}

/** Named statements of the inbox; the names carry the schema, like the store's own. */
export function inboxStatements(schema: string) {
  const t = `"${schema}".inbox`;
  const named = (name: string, text: string) => ({ name: `hrkit_${schema}_inbox_${name}`, text });
  return {
    list: named(
      'list',
      `SELECT * FROM ${t} WHERE connection_id = $1 AND ($2::text IS NULL OR status = $2)
         AND ($3::text IS NULL OR record_key = $3) AND ($4::text IS NULL OR retry_at IS NULL OR retry_at <= $4)
       ORDER BY seq LIMIT $5`,
    ),
    depth: named(
      'depth',
      `SELECT count(*) FILTER (WHERE status = 'pending')::int AS pending,
              count(*) FILTER (WHERE status = 'dead')::int AS dead,
              min(received_at) FILTER (WHERE status = 'pending') AS oldest
       FROM ${t} WHERE connection_id = $1 AND status IN ('pending', 'dead')`,
    ),
    depthByConnection: named(
      'depth_by_connection',
      `SELECT connection_id, sum(pending)::int AS pending, sum(dead)::int AS dead, min(oldest) AS oldest FROM (
         SELECT connection_id, count(*) AS pending, 0 AS dead, min(received_at) AS oldest
         FROM ${t} WHERE status = 'pending' GROUP BY connection_id
         UNION ALL
         SELECT connection_id, 0, count(*), NULL FROM ${t} WHERE status = 'dead' GROUP BY connection_id
       ) AS counts GROUP BY connection_id ORDER BY connection_id`,
    ),
    bodySeen: named('body_seen', `SELECT 1 FROM ${t} WHERE connection_id = $1 AND body_hash = $2 LIMIT 1`),
    insert: named(
      'insert',
      `INSERT INTO ${t} (connection_id, event_id, body_hash, record_key, payload, received_at, status)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, 'pending') ON CONFLICT (connection_id, event_id) DO NOTHING`,
    ),
    applied: named(
      'applied',
      `UPDATE ${t} SET status = 'applied', applied_at = $1, retry_at = NULL
       WHERE connection_id = $2 AND seq = ANY($3::bigint[]) AND status = 'pending'`,
    ),
    failed: named(
      'failed',
      `UPDATE ${t} SET attempts = attempts + 1, last_error = $1, retry_at = $2,
         status = CASE WHEN $2::text IS NULL THEN 'dead' ELSE 'pending' END
       WHERE connection_id = $3 AND seq = ANY($4::bigint[]) AND status = 'pending'`,
    ),
    prune: named('prune', `DELETE FROM ${t} WHERE connection_id = $1 AND status = 'applied' AND applied_at < $2`),
  };
}

export type InboxStatements = ReturnType<typeof inboxStatements>;

export async function listInbox(
  db: Queryable,
  sql: InboxStatements,
  connectionId: string,
  options: ListInboxOptions = {},
): Promise<InboxItem[]> {
  const { rows } = await db.query<InboxRow>({
    ...sql.list,
    values: [
      connectionId,
      options.status ?? null,
      options.recordKey ?? null,
      options.readyAt ?? null,
      options.limit ?? null,
    ],
  });
  return rows.map(fromRow);
}

export async function inboxDepth(db: Queryable, sql: InboxStatements, connectionId: string): Promise<InboxDepth> {
  const { rows } = await db.query<{ pending: number; dead: number; oldest: string | null }>({
    ...sql.depth,
    values: [connectionId],
  });
  const row = rows[0];
  return { pending: row?.pending ?? 0, dead: row?.dead ?? 0, oldestPendingAt: row?.oldest ?? null };
}

export async function inboxDepths(db: Queryable, sql: InboxStatements): Promise<ConnectionInboxDepth[]> {
  const { rows } = await db.query<{ connection_id: string; pending: number; dead: number; oldest: string | null }>(
    sql.depthByConnection,
  );
  return rows.map((row) => ({
    connectionId: row.connection_id,
    pending: row.pending,
    dead: row.dead,
    oldestPendingAt: row.oldest,
  }));
}

/** Runs under the connection's transaction lock, so two listeners never both store one body. */
export async function enqueueDelivery(
  db: Queryable,
  sql: InboxStatements,
  connectionId: string,
  delivery: InboxDelivery,
): Promise<EnqueueResult> {
  const seen = await db.query({ ...sql.bodySeen, values: [connectionId, delivery.bodyHash] });
  if ((seen.rowCount ?? 0) > 0) return { stored: 0, duplicates: delivery.events.length };
  let stored = 0;
  for (const event of delivery.events) {
    const result = await db.query({
      ...sql.insert,
      values: [
        connectionId,
        event.id,
        delivery.bodyHash,
        inboxRecordKey(event),
        JSON.stringify(event),
        delivery.receivedAt,
      ],
    });
    stored += result.rowCount ?? 0;
  }
  return { stored, duplicates: delivery.events.length - stored };
}

export async function markInboxApplied(
  db: Queryable,
  sql: InboxStatements,
  connectionId: string,
  seqs: readonly number[],
  at: string,
): Promise<void> {
  await db.query({ ...sql.applied, values: [at, connectionId, [...seqs]] });
}

export async function markInboxFailed(
  db: Queryable,
  sql: InboxStatements,
  connectionId: string,
  seqs: readonly number[],
  failure: InboxFailure,
): Promise<void> {
  await db.query({ ...sql.failed, values: [failure.error, failure.retryAt, connectionId, [...seqs]] });
}

export async function pruneInbox(
  db: Queryable,
  sql: InboxStatements,
  connectionId: string,
  before: string,
): Promise<number> {
  return (await db.query({ ...sql.prune, values: [connectionId, before] })).rowCount ?? 0;
}

function fromRow(row: InboxRow): InboxItem {
  return {
    seq: Number(row.seq),
    eventId: row.event_id,
    bodyHash: row.body_hash,
    recordKey: row.record_key,
    event: row.payload,
    receivedAt: row.received_at,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    retryAt: row.retry_at,
    appliedAt: row.applied_at,
  };
}
