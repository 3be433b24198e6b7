import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionRegistry, runWorker, startMetricsServer } from '../src/index.js';
import { cleanRedisPrefix, createTestDatabase, eventually, KEY_A, keys, REDIS_URL, uniqueName } from './harness.js';
import { startHoldingProxy } from './holding-proxy.js';
import {
  referenceSnapshot,
  registerConnections,
  type Sandboxes,
  snapshot,
  startSandboxes,
  startTestFleet,
  type TestFleet,
} from './fleet-harness.js';

let fleet: TestFleet | undefined;
let sandboxes: Sandboxes | undefined;
afterEach(async () => {
  await fleet?.close();
  await sandboxes?.close();
  fleet = undefined;
  sandboxes = undefined;
});

async function allSynced(f: TestFleet, ids: string[]) {
  return eventually(`all of ${ids.length} connections synced`, async () => {
    const connections = await f.registry.list();
    return ids.every((id) => connections.find((c) => c.id === id)?.lastSyncAt !== null) && connections;
  });
}

describe('the fleet syncs every connection', () => {
  it('many connections on several sandboxes, several workers, one job per connection: each store equals a clean sync', async () => {
    sandboxes = await startSandboxes({ hibob: 2, bamboohr: 1, employees: 20 });
    fleet = await startTestFleet(0);
    const ids = await registerConnections(fleet.registry, sandboxes, 2);
    expect(ids).toHaveLength(6);

    const now = Date.now();
    const first = await fleet.scheduler.tick(now);
    expect(first.syncs.sort()).toEqual([...ids].sort());
    // Deduplicated: while a connection's job waits (or runs), it is not enqueued again.
    expect((await fleet.scheduler.tick(now)).syncs).toEqual([]);
    expect(await fleet.queues.enqueueSync(ids[0]!, true)).toBe(false);
    expect((await fleet.queues.depth()).sync.waiting).toBe(6);
    await fleet.startWorkers(3);

    const connections = await allSynced(fleet, ids);
    for (const connection of connections) {
      expect(connection.health).toBe('healthy');
      expect(connection.lastFullSyncAt).toBe(connection.lastSyncAt);
    }
    for (const id of ids) {
      const fromFleet = await snapshot(fleet.stores[0]!, id);
      expect(fromFleet.records.length).toBeGreaterThan(20);
      expect(fromFleet).toEqual(await referenceSnapshot(fleet.registry, id));
    }
    // Nothing is due right after: a tick enqueues nothing.
    expect((await fleet.scheduler.tick(Date.now())).syncs).toEqual([]);
    const metrics = await fleet.metrics.text();
    expect(metrics).toContain('hrkit_fleet_jobs_total{queue="sync",outcome="completed"} 6');
    expect(metrics).toMatch(/hrkit_fleet_data_age_seconds\{connection="hibob-0-0",provider="hibob"\} \d/);
    expect(metrics).toContain('hrkit_fleet_queue_jobs{queue="sync",state="waiting"} 0');
    expect(metrics).toMatch(/hrkit_fleet_rate_budget_acquired_total\{rule="people.search"\} [1-9]/);
    const server = await startMetricsServer(fleet.metrics);
    expect(await (await fetch(`${server.url}/metrics`)).text()).toContain('hrkit_fleet_jobs_total');
    await server.close();
  });

  it('Redis losing every job mid-run: the scheduler rebuilds from PostgreSQL and nothing is lost', async () => {
    sandboxes = await startSandboxes({ hibob: 1, bamboohr: 1, employees: 20 });
    fleet = await startTestFleet(0);
    const ids = await registerConnections(fleet.registry, sandboxes, 3);
    // (A delivery whose apply job Redis loses: fleet-webhooks.test.ts.)
    await fleet.scheduler.tick(Date.now());
    // One worker picks up the first jobs; then every key of the fleet's prefix goes (FLUSHALL, scoped so parallel
    // test runs sharing this Redis are not disturbed).
    await fleet.startWorkers(1);
    await eventually('a sync job running', async () => (await fleet!.queues.depth()).sync.active! > 0);
    await cleanRedisPrefix(fleet.prefix);
    expect((await fleet.queues.depth()).sync).toMatchObject({ waiting: 0, active: 0 });

    // The scheduler's next tick rebuilds what is due from the registry: everything not synced.
    await fleet.startWorkers(1);
    await eventually('every connection synced after the rebuild', async () => {
      await fleet!.scheduler.tick(Date.now());
      const connections = await fleet!.registry.list();
      return connections.every((connection) => connection.lastSyncAt !== null);
    });
    for (const id of ids)
      expect(await snapshot(fleet.stores[0]!, id)).toEqual(await referenceSnapshot(fleet.registry, id));
  });

  it('a worker running more syncs at once than pg pools by default (10) does not stall on the PostgreSQL store', async () => {
    sandboxes = await startSandboxes({ hibob: 1, bamboohr: 0, employees: 5 });
    const sandbox = sandboxes.hibob[0]!;
    // Every provider request is held until ten syncs are under way: each holds its store run lock by then.
    const proxy = await startHoldingProxy(sandbox.url, () => true);
    const database = await createTestDatabase();
    const prefix = uniqueName('bull');
    const registry = await ConnectionRegistry.open({ databaseUrl: database.url, keys: keys(KEY_A) });
    const ids = Array.from({ length: 12 }, (_, index) => `c${index}`);
    for (const id of ids)
      await registry.add({
        id,
        provider: 'hibob',
        tenant: id,
        credentials: { ...sandbox.control.createServiceUser({ name: id }), baseUrl: proxy.url },
      });
    const config = { databaseUrl: database.url, redisUrl: REDIS_URL, prefix, keys: keys(KEY_A), store: database.url };
    const running = await runWorker(config, { concurrency: 12, schedulerEveryMs: 0 });
    try {
      for (const id of ids) await running.queues.enqueueSync(id);
      await eventually('ten syncs waiting on the provider', async () => proxy.heldCount() >= 10);
      proxy.release();
      await eventually('every connection synced', async () =>
        (await registry.list()).every((connection) => connection.lastSyncAt !== null),
      );
    } finally {
      proxy.release();
      await running.stop();
      await registry.close();
      await proxy.close();
      await database.drop();
      await cleanRedisPrefix(prefix);
    }
  });
});
