import { startBambooHrSandbox } from '@hrkit/bamboohr/sandbox';
import { type HiBobSandbox, startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { MemorySyncStore, type SyncEntity, SyncEngine, type SyncStore } from '@hrkit/sync';
import { PostgresSyncStore } from '@hrkit/store-postgres';
import {
  ConnectionRegistry,
  connectionFor,
  FleetMetrics,
  FleetQueues,
  FleetWorker,
  type FleetWorkerOptions,
  Scheduler,
} from '../src/index.js';
import { cleanRedisPrefix, createTestDatabase, KEY_A, keys, REDIS_URL, uniqueName } from './harness.js';

export interface TestFleet {
  registry: ConnectionRegistry;
  queues: FleetQueues;
  scheduler: Scheduler;
  /** The store as the scheduler and an ingress see it (the workers each open their own on the same database). */
  store: SyncStore;
  workers: FleetWorker[];
  stores: SyncStore[];
  metrics: FleetMetrics;
  prefix: string;
  databaseUrl: string;
  /** Requests let through per credential budget (key prefix), counted in the workers. */
  requests: Map<string, number>;
  /** Shifts the workers' notion of now (webhook silence is judged against it). */
  clockOffset: { ms: number };
  jobs: { queue: string; connectionId: string; outcome: string }[];
  startWorkers(count: number, options?: Partial<FleetWorkerOptions>): Promise<FleetWorker[]>;
  close(): Promise<void>;
}

/**
 * A registry on a fresh database, queues under a fresh prefix, and `workers` in-process workers, each with its own
 * PostgreSQL store in that database (schema `hrkit`, as the fleet's default): what separate worker processes do.
 */
export async function startTestFleet(workerCount: number): Promise<TestFleet> {
  const database = await createTestDatabase();
  const prefix = uniqueName('bull');
  const registry = await ConnectionRegistry.open({ databaseUrl: database.url, keys: keys(KEY_A) });
  const queues = FleetQueues.open({ redisUrl: REDIS_URL, prefix });
  const store = await PostgresSyncStore.open({ connectionString: database.url });
  const metrics = new FleetMetrics();
  metrics.watch({ registry, queues, inbox: store });
  const fleet: TestFleet = {
    registry,
    queues,
    scheduler: new Scheduler(registry, queues, store),
    store,
    workers: [],
    stores: [store],
    metrics,
    prefix,
    databaseUrl: database.url,
    requests: new Map(),
    clockOffset: { ms: 0 },
    jobs: [],
    async startWorkers(count, options = {}) {
      const started: FleetWorker[] = [];
      for (let index = 0; index < count; index++) {
        const store = await PostgresSyncStore.open({ connectionString: database.url });
        fleet.stores.push(store);
        const worker = new FleetWorker({
          registry,
          store,
          redisUrl: REDIS_URL,
          prefix,
          metrics,
          concurrency: 2,
          now: () => Date.now() + fleet.clockOffset.ms,
          rateObserver: {
            acquired: (_rule, budget) => fleet.requests.set(budget, (fleet.requests.get(budget) ?? 0) + 1),
          },
          onJob: (event) => fleet.jobs.push(event),
          ...options,
        }).start();
        await worker.waitUntilReady();
        started.push(worker);
      }
      fleet.workers.push(...started);
      return started;
    },
    async close() {
      await Promise.all(fleet.workers.map((worker) => worker.close()));
      await queues.close();
      await Promise.all(fleet.stores.map((store) => store.close()));
      await registry.close();
      await database.drop();
      await cleanRedisPrefix(prefix);
    },
  };
  await fleet.startWorkers(workerCount);
  return fleet;
}

export interface Sandboxes {
  hibob: HiBobSandbox[];
  bamboohr: Awaited<ReturnType<typeof startBambooHrSandbox>>[];
  close(): Promise<void>;
}

export async function startSandboxes(options: {
  hibob: number;
  bamboohr: number;
  employees: number;
}): Promise<Sandboxes> {
  const hibob = await Promise.all(
    Array.from({ length: options.hibob }, (_, index) =>
      startHiBobSandbox({ seed: 10 + index, employees: options.employees, webhookRetryScheduleMs: [] }),
    ),
  );
  const bamboohr = await Promise.all(
    Array.from({ length: options.bamboohr }, (_, index) =>
      startBambooHrSandbox({ seed: 20 + index, employees: options.employees }),
    ),
  );
  return {
    hibob,
    bamboohr,
    close: async () => {
      await Promise.all([...hibob, ...bamboohr].map((sandbox) => sandbox.close()));
    },
  };
}

/** Registers `perSandbox` connections on every sandbox: HiBob ones each with their own service user. */
export async function registerConnections(
  registry: ConnectionRegistry,
  sandboxes: Sandboxes,
  perSandbox: number,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, sandbox] of sandboxes.hibob.entries())
    for (let n = 0; n < perSandbox; n++) {
      const id = `hibob-${index}-${n}`;
      const credentials = sandbox.control.createServiceUser({ name: id });
      await registry.add({ id, provider: 'hibob', tenant: `tenant ${id}`, credentials, webhookSecret: `whsec-${id}` });
      ids.push(id);
    }
  for (const [index, sandbox] of sandboxes.bamboohr.entries())
    for (let n = 0; n < perSandbox; n++) {
      const id = `bamboohr-${index}-${n}`;
      await registry.add({ id, provider: 'bamboohr', tenant: `tenant ${id}`, credentials: sandbox.connectionConfig() });
      ids.push(id);
    }
  return ids;
}

const ENTITIES: SyncEntity[] = ['employee', 'time_off_request'];

/** What a store holds for a connection, minus write times: equal snapshots mean the same synced state. */
export async function snapshot(store: SyncStore, connectionId: string) {
  const records = [];
  for (const entity of ENTITIES)
    for (const record of await store.listRecords(connectionId, entity, { includeDeleted: true }))
      records.push({
        entity,
        id: record.id,
        fingerprint: record.fingerprint,
        version: record.version,
        deleted: record.deleted,
      });
  const events = (await store.listEvents(connectionId)).map((stored) => ({
    id: stored.event.id,
    action: stored.event.action,
    entityId: stored.event.entityId,
  }));
  return { records, events: events.sort((a, b) => a.id.localeCompare(b.id)) };
}

/** A clean, single-process sync of the connection into a fresh memory store: what the fleet must end with. */
export async function referenceSnapshot(registry: ConnectionRegistry, connectionId: string) {
  const store = new MemorySyncStore();
  const connection = await registry.get(connectionId);
  await new SyncEngine(store).sync(connectionFor(connection, await registry.secretsOf(connectionId)), {
    connectionId,
  });
  return snapshot(store, connectionId);
}
