import { type InboxDepthSource, inboxDepthReader } from './inbox-depths.js';
import type { FleetQueues } from './queue/queues.js';
import type { ConnectionRegistry } from './registry/registry.js';
import type { FleetConnection } from './registry/types.js';

export type SyncDue = { due: false } | { due: true; full: boolean; reason: string };

/**
 * Whether a connection needs a sync at `now`, from the registry alone (PostgreSQL is the truth: after Redis lost
 * every job this rebuilds exactly what is due). A failing connection waits one interval after its last error
 * (BullMQ already retried it with backoff); a silent webhook shortens the interval.
 */
export function syncDue(connection: FleetConnection, now: number): SyncDue {
  if (connection.health === 'paused') return { due: false };
  const { schedule } = connection;
  const interval = connection.webhook.silent ? schedule.silentEveryMs : schedule.incrementalEveryMs;
  if (connection.lastSyncErrorAt !== null && now - connection.lastSyncErrorAt < interval) return { due: false };
  if (connection.lastFullSyncAt === null || now - connection.lastFullSyncAt >= schedule.fullEveryMs)
    return { due: true, full: true, reason: connection.lastFullSyncAt === null ? 'first sync' : 'full reconciliation' };
  if (connection.lastSyncAt === null || now - connection.lastSyncAt >= interval)
    return {
      due: true,
      full: false,
      reason: connection.webhook.silent ? 'webhook silent: polled more often' : 'incremental',
    };
  return { due: false };
}

export interface TickResult {
  /** Connections whose sync was enqueued. */
  syncs: string[];
  /** Connections whose inbox drain was enqueued (deliveries pending in the store's inbox). */
  applies: string[];
}

/**
 * Enqueues what is due. Safe to run in every worker process at once and as often as wanted: job ids (syncs) and
 * deduplication ids (inbox drains) make a second enqueue of the same connection a no-op.
 */
export class Scheduler {
  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly queues: FleetQueues,
    /**
     * The store whose inbox holds the deliveries. With `inboxDepths` (the built-in stores) a tick reads every
     * connection's pending count in one query; otherwise `inboxDepth` per connection.
     */
    private readonly inbox: InboxDepthSource,
  ) {}

  async tick(now: number): Promise<TickResult> {
    const result: TickResult = { syncs: [], applies: [] };
    const connections = await this.registry.list();
    const depthOf = await inboxDepthReader(this.inbox);
    for (const connection of connections) {
      const due = syncDue(connection, now);
      if (due.due && (await this.queues.enqueueSync(connection.id, due.full))) result.syncs.push(connection.id);
      // Deliveries durable in the store's inbox but not applied: their job may have been lost with Redis, or they
      // wait for a retry. A paused connection's wait for `resume` (no request may be sent for it).
      if (connection.health === 'paused') continue;
      if ((await depthOf(connection.id)).pending > 0 && (await this.queues.enqueueApply(connection.id)))
        result.applies.push(connection.id);
    }
    return result;
  }
}
