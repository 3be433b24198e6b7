import { hostname } from 'node:os';
import type { ChangeEvent, Clock } from '@hrkit/core';
import { applyWebhookOutcome, SyncEngine, type SyncStore } from '@hrkit/sync';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectionFor } from '../connections.js';
import { classifyFailure } from '../health.js';
import type { FleetMetrics } from '../metrics.js';
import { APPLY_QUEUE, type ApplyJobData, redisConnection, SYNC_QUEUE, type SyncJobData } from '../queue/queues.js';
import { credentialKey, type RateBudgetObserver, redisRateLimiterFactory } from '../rate-limit/redis-rate-limiter.js';
import type { ConnectionRegistry } from '../registry/registry.js';
import type { FleetConnection } from '../registry/types.js';
import { ConnectionCache } from './connection-cache.js';

export interface FleetWorkerOptions {
  registry: ConnectionRegistry;
  store: SyncStore;
  redisUrl: string;
  prefix: string;
  /** Jobs run at once per queue in this process. Default 4 (they mostly wait on provider rate limits). */
  concurrency?: number;
  metrics?: FleetMetrics;
  /** Sees every request a connection's client is let through (tests count them per credential). */
  rateObserver?: RateBudgetObserver;
  /** Time source for registry timestamps and freshness decisions (tests inject one). Default Date.now. */
  now?: () => number;
  /** Clock for the HTTP clients (rate-limit waits, retries). */
  clock?: Clock;
  /** Retries of one HTTP call inside a job (core's retry policy); default core's. */
  httpRetryLimit?: number;
  /** How long a job's lock lives without renewal: a killed worker's job is retried after about this. Default 30 s. */
  lockDurationMs?: number;
  /** How often stalled jobs (their worker died) are looked for. Default 30 s. */
  stalledIntervalMs?: number;
  /** Observes each finished job (tests wait on it instead of sleeping). */
  onJob?: (event: { queue: 'sync' | 'apply'; connectionId: string; outcome: string; detail?: unknown }) => void;
}

export interface SyncJobOutcome {
  outcome: 'completed' | 'skipped';
  mode?: 'full' | 'incremental';
  changes?: number;
  reason?: string;
}

/**
 * One worker process: takes sync and webhook-application jobs from BullMQ, runs them with `@hrkit/sync` against
 * the store, and writes the outcome (health, freshness, webhook silence) to the registry. Stateless: everything it
 * knows comes from PostgreSQL; killing it loses at most the job in hand, which BullMQ hands to another worker once
 * its lock expires, and the engine's resumable batches make the re-run end in the same state.
 */
export class FleetWorker {
  private readonly workers: Worker[] = [];
  private readonly redis: Redis;
  private readonly engine: SyncEngine;
  private readonly now: () => number;
  private readonly connections = new ConnectionCache();

  constructor(private readonly options: FleetWorkerOptions) {
    this.now = options.now ?? Date.now;
    this.engine = new SyncEngine(options.store);
    this.redis = redisConnection(options.redisUrl);
  }

  start(): this {
    const common = {
      // Shown as `processedBy` on the job: which host and process holds it (operators, and the SIGKILL test).
      name: `${hostname()}:${process.pid}`,
      prefix: this.options.prefix,
      concurrency: this.options.concurrency ?? 4,
      lockDuration: this.options.lockDurationMs ?? 30_000,
      stalledInterval: this.options.stalledIntervalMs ?? 30_000,
    };
    this.workers.push(
      new Worker<SyncJobData, SyncJobOutcome>(SYNC_QUEUE, (job) => this.runSync(job), {
        ...common,
        connection: redisConnection(this.options.redisUrl),
      }),
      new Worker<ApplyJobData, SyncJobOutcome>(APPLY_QUEUE, (job) => this.runApply(job), {
        ...common,
        connection: redisConnection(this.options.redisUrl),
      }),
    );
    // A Redis restart surfaces here; BullMQ reconnects by itself. Errors must not crash the process.
    for (const worker of this.workers) worker.on('error', () => {});
    return this;
  }

  async waitUntilReady(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
  }

  /** Graceful: stop taking jobs, let the ones in hand finish. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.redis.disconnect();
  }

  /** The Redis key prefix of a credential's shared budget. */
  budgetOf(provider: string, credentials: Record<string, unknown>): string {
    return `${this.options.prefix}:rate:${provider}:${credentialKey(provider, credentials)}`;
  }

  private connectionOf(connection: FleetConnection, secrets: Awaited<ReturnType<ConnectionRegistry['secretsOf']>>) {
    const fingerprint = ConnectionCache.fingerprint([connection.provider, secrets.credentials, secrets.webhookSecret]);
    return this.connections.get(connection.id, fingerprint, Date.now(), () => {
      const observers = [this.options.metrics?.rateObserver, this.options.rateObserver].filter((o) => o !== undefined);
      const observer: RateBudgetObserver = {
        acquired: (...args) => {
          for (const each of observers) each.acquired?.(...args);
        },
        waited: (...args) => {
          for (const each of observers) each.waited?.(...args);
        },
        blocked: (...args) => {
          for (const each of observers) each.blocked?.(...args);
        },
      };
      return connectionFor(connection, secrets, {
        rateLimiter: redisRateLimiterFactory(
          this.redis,
          this.budgetOf(connection.provider, secrets.credentials),
          observer,
        ),
        ...(this.options.clock ? { clock: this.options.clock } : {}),
        ...(this.options.httpRetryLimit !== undefined ? { retryLimit: this.options.httpRetryLimit } : {}),
      });
    });
  }

  private finished(queue: 'sync' | 'apply', connectionId: string, outcome: string, detail?: unknown) {
    this.options.metrics?.jobs.inc({ queue, outcome });
    this.options.onJob?.({ queue, connectionId, outcome, detail });
  }

  private async runSync(job: Job<SyncJobData>): Promise<SyncJobOutcome> {
    const { registry } = this.options;
    const { connectionId } = job.data;
    const connection = await registry.find(connectionId);
    if (!connection || connection.health === 'paused') {
      const reason = connection ? `paused: ${connection.healthReason ?? 'by an operator'}` : 'not in the registry';
      this.finished('sync', connectionId, 'skipped', reason);
      return { outcome: 'skipped', reason };
    }
    try {
      const result = await this.engine.sync(this.connectionOf(connection, await registry.secretsOf(connectionId)), {
        connectionId,
        full: job.data.full,
        fullSyncEveryMs: connection.schedule.fullEveryMs,
        now: this.now,
      });
      const at = this.now();
      await registry.recordSyncSuccess(connectionId, {
        at,
        full: result.mode === 'full',
        changes: result.newEvents,
        warnings: result.warnings,
        silentReason: silenceFound(connection, result.newEvents, at),
      });
      this.finished('sync', connectionId, 'completed', result);
      return { outcome: 'completed', mode: result.mode, changes: result.newEvents };
    } catch (error) {
      throw await this.failed('sync', job, connectionId, error);
    }
  }

  private async runApply(job: Job<ApplyJobData>): Promise<SyncJobOutcome> {
    const { registry, store } = this.options;
    const { connectionId, deliveryId } = job.data;
    const delivery = await registry.getDelivery(deliveryId);
    const connection = await registry.find(connectionId);
    if (!delivery || delivery.appliedAt !== null || !connection || connection.health === 'paused') {
      // A paused connection's deliveries stay in the inbox; the scheduler re-enqueues them after `resume`.
      const reason = !delivery || delivery.appliedAt !== null ? 'already applied' : 'paused or removed';
      this.finished('apply', connectionId, 'skipped', reason);
      return { outcome: 'skipped', reason };
    }
    try {
      const result = await applyWebhookOutcome(
        store,
        this.connectionOf(connection, await registry.secretsOf(connectionId)),
        { kind: 'events', events: delivery.events as ChangeEvent[], providerEventType: delivery.providerEventType },
        { connectionId, now: this.now },
      );
      await registry.markApplied(deliveryId, this.now());
      this.finished('apply', connectionId, 'completed', result);
      return { outcome: 'completed', changes: result.applied.length };
    } catch (error) {
      await registry.markDeliveryFailed(deliveryId, classifyFailure(error).reason);
      throw await this.failed('apply', job, connectionId, error);
    }
  }

  /** Record the failure; a paused connection or a refused credential is never retried (no more requests). */
  private async failed(queue: 'sync' | 'apply', job: Job, connectionId: string, error: unknown): Promise<Error> {
    const failure = classifyFailure(error);
    const health = await this.options.registry.recordFailure(connectionId, { at: this.now(), ...failure });
    const final =
      health === 'paused' || failure.authFailure !== null || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    this.finished(queue, connectionId, health === 'paused' ? 'paused' : 'failed', failure.reason);
    return final ? new UnrecoverableError(failure.reason) : new Error(failure.reason);
  }
}

/**
 * The webhook is silent when a sync (not the first one, which loads everything) found changes that no delivery
 * brought, and no delivery arrived for `silenceAfterMs`: a change made seconds ago may still have its delivery in
 * flight, so changes alone do not convict the webhook. Connections without a webhook are simply polled.
 */
function silenceFound(connection: FleetConnection, changes: number, now: number): string | null {
  if (!connection.webhook.configured || connection.lastSyncAt === null || changes === 0) return null;
  const quietFor = connection.lastDeliveryAt === null ? null : now - connection.lastDeliveryAt;
  if (quietFor !== null && quietFor < connection.schedule.silenceAfterMs) return null;
  const since =
    connection.lastDeliveryAt === null ? 'no delivery yet' : `last delivery ${Math.round(quietFor! / 1000)} s ago`;
  return `a sync found ${changes} change(s) that no webhook announced (${since})`;
}
