import type { FleetQueues } from './queue/queues.js';
import type { ConnectionRegistry } from './registry/registry.js';
import type { FleetConnection } from './registry/types.js';

/** Deliveries that failed this often stay in the inbox with their error for an operator, not re-enqueued forever. */
export const MAX_DELIVERY_ATTEMPTS = 5;

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
  syncs: string[];
  applies: string[];
}

/**
 * Enqueues what is due. Safe to run in every worker process at once and as often as wanted: job ids make a
 * second enqueue of the same connection (or delivery) a no-op.
 */
export class Scheduler {
  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly queues: FleetQueues,
  ) {}

  async tick(now: number): Promise<TickResult> {
    const result: TickResult = { syncs: [], applies: [] };
    const connections = await this.registry.list();
    const paused = new Set(connections.filter((c) => c.health === 'paused').map((c) => c.id));
    for (const connection of connections) {
      const due = syncDue(connection, now);
      if (due.due && (await this.queues.enqueueSync(connection.id, due.full))) result.syncs.push(connection.id);
    }
    // Deliveries written to the inbox but not applied: their jobs may have been lost with Redis.
    for (const delivery of await this.registry.pendingDeliveries()) {
      if (paused.has(delivery.connectionId) || delivery.attempts >= MAX_DELIVERY_ATTEMPTS) continue;
      if (await this.queues.enqueueApply(delivery.connectionId, delivery.id)) result.applies.push(delivery.id);
    }
    return result;
  }
}
