import { Counter, Gauge, Registry } from 'prom-client';
import { type InboxDepthSource, inboxDepthReader } from './inbox-depths.js';
import type { RateBudgetObserver } from './rate-limit/redis-rate-limiter.js';
import type { FleetQueues } from './queue/queues.js';
import type { ConnectionRegistry } from './registry/registry.js';
import type { FleetConnection } from './registry/types.js';

/**
 * Prometheus text (prom-client): a scrape is one HTTP GET with no collector to run, every Prometheus-compatible
 * system reads it, and the gauges below are computed at scrape time from PostgreSQL and Redis, so a process that
 * just started reports true values. Each process has its own registry (several fleets may share a test process).
 */
export class FleetMetrics {
  readonly registry = new Registry();
  readonly jobs = new Counter({
    name: 'hrkit_fleet_jobs_total',
    help: 'Jobs finished by this worker, by queue and outcome (completed, failed, skipped, paused, returned)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly deliveries = new Counter({
    name: 'hrkit_fleet_webhook_deliveries_total',
    help: 'Webhook deliveries received by the ingress, by provider and outcome (accepted, refused: inbox full, rejected, ping, unknown)',
    labelNames: ['provider', 'outcome'] as const,
    registers: [this.registry],
  });
  readonly rateAcquired = new Counter({
    name: 'hrkit_fleet_rate_budget_acquired_total',
    help: 'Requests let through by the shared per-credential budget, by rule',
    labelNames: ['rule'] as const,
    registers: [this.registry],
  });
  readonly rateWaited = new Counter({
    name: 'hrkit_fleet_rate_budget_wait_seconds_total',
    help: 'Time requests waited for the shared budget, by rule',
    labelNames: ['rule'] as const,
    registers: [this.registry],
  });
  readonly rateBlocked = new Counter({
    name: 'hrkit_fleet_rate_budget_provider_429_total',
    help: 'Provider 429 answers that closed the shared budget until their reset, by rule',
    labelNames: ['rule'] as const,
    registers: [this.registry],
  });

  /** Observer for the Redis rate limiter. */
  readonly rateObserver: RateBudgetObserver = {
    acquired: (rule) => this.rateAcquired.inc({ rule }),
    waited: (rule, ms) => this.rateWaited.inc({ rule }, ms / 1000),
    blocked: (rule) => this.rateBlocked.inc({ rule }),
  };

  /** The registry listing of the scrape in progress: prom-client collects every metric at once. */
  private listing: Promise<FleetConnection[]> = Promise.resolve([]);
  private source: { registry: ConnectionRegistry } | null = null;

  /**
   * Freshness and health per connection (from the registry), queue depth (from Redis) and, given the store,
   * deliveries pending and dead in each connection's inbox; read at scrape time.
   */
  watch(source: {
    registry: ConnectionRegistry;
    queues: FleetQueues;
    /**
     * With `inboxDepths` (the built-in stores) a scrape reads every connection's inbox in one query; otherwise
     * `inboxDepth` per connection (docs/fleet.md, "Metrics").
     */
    inbox?: InboxDepthSource;
    now?: () => number;
  }): void {
    const now = source.now ?? Date.now;
    this.source = source;
    const perConnection = (
      name: string,
      help: string,
      value: (connection: FleetConnection) => [Record<string, string>, number] | null,
    ) => {
      const gauge: Gauge<string> = new Gauge({
        name,
        help,
        labelNames: ['connection', 'provider', 'health'],
        registers: [this.registry],
        collect: async () => {
          gauge.reset();
          for (const connection of await this.listing) {
            const found = value(connection);
            if (found) gauge.set({ connection: connection.id, provider: connection.provider, ...found[0] }, found[1]);
          }
        },
      });
    };
    perConnection(
      'hrkit_fleet_data_age_seconds',
      'Age of the data per connection: since the last successful sync, or the last applied delivery if later',
      (connection) => {
        const freshest = Math.max(connection.lastSyncAt ?? 0, connection.lastAppliedDeliveryAt ?? 0);
        return freshest > 0 ? [{}, (now() - freshest) / 1000] : null;
      },
    );
    perConnection(
      'hrkit_fleet_webhook_silent',
      '1 when the connection webhook is considered silent and the connection is polled more often',
      (connection) => [{}, connection.webhook.silent ? 1 : 0],
    );
    perConnection(
      'hrkit_fleet_connection_health',
      '1 for the health state each connection is in (healthy, degraded, failing, paused)',
      (connection) => [{ health: connection.health }, 1],
    );
    const inbox = source.inbox;
    if (inbox) {
      const items = new Gauge({
        name: 'hrkit_fleet_inbox_items',
        help: 'Webhook events in the store inbox per connection: pending (not applied yet) and dead (given up)',
        labelNames: ['connection', 'provider', 'status'] as const,
        registers: [this.registry],
        collect: async () => {
          items.reset();
          const depthOf = await inboxDepthReader(inbox);
          for (const connection of await this.listing) {
            const depth = await depthOf(connection.id);
            const labels = { connection: connection.id, provider: connection.provider };
            items.set({ ...labels, status: 'pending' }, depth.pending);
            items.set({ ...labels, status: 'dead' }, depth.dead);
          }
        },
      });
    }
    const depth = new Gauge({
      name: 'hrkit_fleet_queue_jobs',
      help: 'Jobs in each queue by state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      collect: async () => {
        depth.reset();
        for (const [queue, counts] of Object.entries(await source.queues.depth()))
          for (const [state, count] of Object.entries(counts)) depth.set({ queue, state }, count);
      },
    });
  }

  async text(): Promise<string> {
    if (this.source) this.listing = this.source.registry.list();
    return this.registry.metrics();
  }
}
