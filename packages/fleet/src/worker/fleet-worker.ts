import { hostname } from 'node:os';
import type { Clock } from '@hrkit/core';
import { InboxApplier, SyncEngine, type SyncStore } from '@hrkit/sync';
import { type Job, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { connectionFor } from '../connections.js';
import { classifyFailure, classifyInboxFailure } from '../health.js';
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
  outcome: 'completed' | 'skipped' | 'failed';
  mode?: 'full' | 'incremental';
  changes?: number;
  reason?: string;
}

/** Jobs at once per queue in one worker process (they mostly wait on provider allowances). */
export const DEFAULT_CONCURRENCY = 4;

/** A delivery whose application failed this often is `dead` in the store's inbox: kept for an operator. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Applied inbox items are kept this long, then pruned after a drain: while kept they make a late redelivery of the
 * same event a no-op (docs/sync.md, "Webhook inbox"; the same window as `hrkit webhooks serve`).
 */
export const KEEP_APPLIED_DELIVERIES_MS = 7 * 24 * 3_600_000;

/** How `FleetWorker.close` ended: every job finished, or the deadline passed and the jobs in hand were aborted. */
export type WorkerStop = 'finished' | 'aborted';

/** Why an aborted job's processor gives the job back (see `FleetWorker.close`). */
const SHUTDOWN_REASON = 'worker shutting down: deadline passed';

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
      concurrency: this.options.concurrency ?? DEFAULT_CONCURRENCY,
      lockDuration: this.options.lockDurationMs ?? 30_000,
      stalledInterval: this.options.stalledIntervalMs ?? 30_000,
    };
    this.workers.push(
      new Worker<SyncJobData, SyncJobOutcome>(SYNC_QUEUE, (job, token, signal) => this.runSync(job, token, signal), {
        ...common,
        connection: redisConnection(this.options.redisUrl),
      }),
      new Worker<ApplyJobData, SyncJobOutcome>(APPLY_QUEUE, (job, token, signal) => this.runApply(job, token, signal), {
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

  /**
   * Graceful: stop taking jobs and let the ones in hand finish. With `deadlineMs`, jobs still running when it
   * passes are aborted: their sync or drain stops at its next step, commits nothing more (a sync's open batch rolls
   * back, an inbox step in flight leaves its items pending) and the job goes back to the queue without using one
   * of its attempts, for another worker to run (docs/fleet.md, "Deployment").
   */
  async close(options: { deadlineMs?: number } = {}): Promise<WorkerStop> {
    const closing = Promise.all(this.workers.map((worker) => worker.close()));
    let stop: WorkerStop = 'finished';
    if (options.deadlineMs !== undefined) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'deadline'>((resolve) => {
        timer = setTimeout(() => resolve('deadline'), options.deadlineMs);
      });
      const first = await Promise.race([closing.then(() => 'finished' as const), deadline]);
      clearTimeout(timer);
      if (first === 'deadline') {
        stop = 'aborted';
        for (const worker of this.workers) worker.cancelAllJobs(SHUTDOWN_REASON);
      }
    }
    await closing;
    this.redis.disconnect();
    return stop;
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

  private async runSync(job: Job<SyncJobData>, token?: string, signal?: AbortSignal): Promise<SyncJobOutcome> {
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
        ...(signal ? { signal } : {}),
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
      if (signal?.aborted) throw await this.giveBack('sync', job, token, connectionId);
      throw await this.failed('sync', job, connectionId, error);
    }
  }

  /**
   * Drains the connection's inbox in the store (`InboxApplier`, one record per step, each committed with its
   * change event and "applied" in one transaction). The steps are taken here rather than by `drain()` so the job
   * stops at the first failed step: the applier already counted the failure on the items and set their retry time,
   * and a refused credential must not be tried again on the next record (a 401 pauses the connection).
   */
  private async runApply(job: Job<ApplyJobData>, token?: string, signal?: AbortSignal): Promise<SyncJobOutcome> {
    const { registry, store } = this.options;
    const { connectionId } = job.data;
    const connection = await registry.find(connectionId);
    if (!connection || connection.health === 'paused') {
      // A paused connection's deliveries stay in the inbox; the scheduler enqueues them again after `resume`.
      const reason = connection ? `paused: ${connection.healthReason ?? 'by an operator'}` : 'not in the registry';
      this.finished('apply', connectionId, 'skipped', reason);
      return { outcome: 'skipped', reason };
    }
    const applier = new InboxApplier(store, this.connectionOf(connection, await registry.secretsOf(connectionId)), {
      connectionId,
      now: this.now,
      maxAttempts: MAX_DELIVERY_ATTEMPTS,
      ...(signal ? { signal } : {}),
    });
    let changes = 0;
    try {
      for (;;) {
        if (signal?.aborted) throw signal.reason;
        const step = await applier.step();
        if (!step) break;
        if (step.outcome === 'abandoned') throw signal?.reason ?? new Error(SHUTDOWN_REASON);
        if (step.outcome === 'applied') {
          changes += step.events.length;
          await registry.recordApplied(connectionId, this.now());
          continue;
        }
        const failure = classifyInboxFailure(step.error);
        const health = await registry.recordFailure(connectionId, { at: this.now(), ...failure });
        const outcome = health === 'paused' ? 'paused' : 'failed';
        this.finished('apply', connectionId, outcome, failure.reason);
        return { outcome: 'failed', changes, reason: failure.reason };
      }
    } catch (error) {
      if (signal?.aborted) throw await this.giveBack('apply', job, token, connectionId);
      throw await this.failed('apply', job, connectionId, error);
    }
    const before = new Date(this.now() - KEEP_APPLIED_DELIVERIES_MS).toISOString();
    await store.transaction((unit) => unit.pruneInbox(connectionId, before));
    this.finished('apply', connectionId, 'completed', { changes });
    return { outcome: 'completed', changes };
  }

  /**
   * An aborted job (shutdown deadline) goes back to waiting with its attempts untouched, and no failure is recorded
   * on the connection: nothing went wrong with it. `WaitingError` tells BullMQ the job was moved on purpose.
   * (docs/fleet.md, "Deployment".)
   */
  private async giveBack(queue: 'sync' | 'apply', job: Job, token: string | undefined, connectionId: string) {
    // If Redis refuses the move (its lock lost, Redis gone), the job stays active until its lock expires and the
    // stalled-job check hands it on: the same end, later.
    await job.moveToWait(token).catch(() => {});
    this.finished(queue, connectionId, 'returned', SHUTDOWN_REASON);
    return new WaitingError();
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
