import { ConfigurationError } from '@hrkit/core';
import { FleetMetrics } from './metrics.js';
import { FleetQueues } from './queue/queues.js';
import { KeyRing } from './registry/key-ring.js';
import { ConnectionRegistry } from './registry/registry.js';
import { Scheduler } from './scheduler.js';
import { type RunningIngress, startIngress } from './server/ingress.js';
import { storeFromUrl, storePoolSize } from './stores.js';
import type { SyncStore } from '@hrkit/sync';
import { DEFAULT_CONCURRENCY, FleetWorker, type FleetWorkerOptions, type WorkerStop } from './worker/fleet-worker.js';

export interface FleetConfig {
  /** PostgreSQL of the registry (and, by default, of the store). */
  databaseUrl: string;
  redisUrl: string;
  /** BullMQ and rate-budget key prefix in Redis. */
  prefix: string;
  keys: KeyRing;
  /** Where synced records go: `postgres://…`, `sqlite:<path>` or `memory` (see `storeFromUrl`). */
  store: string;
}

/** Settings from `HRKIT_FLEET_*` variables, each overridable (CLI flags). */
export function fleetConfig(
  env: Record<string, string | undefined>,
  overrides: Partial<FleetConfig> = {},
): FleetConfig {
  const databaseUrl = overrides.databaseUrl ?? env.HRKIT_FLEET_DATABASE_URL ?? env.DATABASE_URL;
  if (!databaseUrl)
    throw new ConfigurationError('fleet: no database; set HRKIT_FLEET_DATABASE_URL (postgres://…)', {
      field: 'databaseUrl',
    });
  return {
    databaseUrl,
    redisUrl: overrides.redisUrl ?? env.HRKIT_FLEET_REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: overrides.prefix ?? env.HRKIT_FLEET_PREFIX ?? 'hrkit',
    keys: overrides.keys ?? KeyRing.parse(env.HRKIT_FLEET_KEYS),
    // Default: the PostgreSQL store in the registry's database (its own schema, `hrkit`).
    store: overrides.store ?? env.HRKIT_FLEET_STORE ?? databaseUrl,
  };
}

export interface RunningWorker {
  worker: FleetWorker;
  scheduler: Scheduler;
  registry: ConnectionRegistry;
  queues: FleetQueues;
  metrics: FleetMetrics;
  store: SyncStore;
  /**
   * Graceful: stop scheduling, stop taking jobs, finish the jobs in hand, close everything. With `deadlineMs`, jobs
   * still running when it passes are aborted and go back to the queue (`FleetWorker.close`).
   */
  stop(options?: { deadlineMs?: number }): Promise<WorkerStop>;
}

/**
 * `hrkit worker`: a worker and (unless `schedulerEveryMs` is 0) a scheduler that enqueues what is due every
 * `schedulerEveryMs`, right away at start too — so a fleet restarted on an empty Redis rebuilds its queues at once.
 */
export async function runWorker(
  config: FleetConfig,
  options: Partial<Pick<FleetWorkerOptions, 'concurrency' | 'lockDurationMs' | 'stalledIntervalMs' | 'onJob'>> & {
    schedulerEveryMs?: number;
  } = {},
): Promise<RunningWorker> {
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const store = await storeFromUrl(config.store, { poolSize: storePoolSize(concurrency) })();
  const registry = await ConnectionRegistry.open({ databaseUrl: config.databaseUrl, keys: config.keys, store });
  const queues = FleetQueues.open(config);
  const metrics = new FleetMetrics();
  metrics.watch({ registry, queues, inbox: store });
  const worker = new FleetWorker({
    registry,
    store,
    redisUrl: config.redisUrl,
    prefix: config.prefix,
    metrics,
    ...options,
    concurrency,
  });
  worker.start();
  await worker.waitUntilReady();
  const scheduler = new Scheduler(registry, queues, store);
  const every = options.schedulerEveryMs ?? 15_000;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<unknown> = Promise.resolve();
  if (every > 0) {
    const tick = () => {
      ticking = scheduler.tick(Date.now()).catch(() => {});
    };
    tick();
    timer = setInterval(tick, every);
  }
  return {
    worker,
    scheduler,
    registry,
    queues,
    metrics,
    store,
    stop: async (stopOptions = {}) => {
      if (timer) clearInterval(timer);
      await ticking;
      const stopped = await worker.close(stopOptions);
      await queues.close();
      await store.close();
      await registry.close();
      return stopped;
    },
  };
}

export interface RunningServe {
  ingress: RunningIngress;
  registry: ConnectionRegistry;
  queues: FleetQueues;
  store: SyncStore;
  /** Graceful: see `RunningIngress.close`. */
  stop(options?: { deadlineMs?: number }): Promise<'finished' | 'cut off'>;
}

/** `hrkit serve`: the webhook ingress with health, readiness and metrics. */
export async function runServe(
  config: FleetConfig,
  options: { host?: string; port?: number } = {},
): Promise<RunningServe> {
  const store = await storeFromUrl(config.store)();
  const registry = await ConnectionRegistry.open({ databaseUrl: config.databaseUrl, keys: config.keys, store });
  const queues = FleetQueues.open(config);
  const metrics = new FleetMetrics();
  metrics.watch({ registry, queues, inbox: store });
  const ingress = await startIngress({ registry, store, queues, metrics, ...options });
  return {
    ingress,
    registry,
    queues,
    store,
    stop: async (stopOptions = {}) => {
      const stopped = await ingress.close(stopOptions);
      await queues.close();
      await store.close();
      await registry.close();
      return stopped;
    },
  };
}
