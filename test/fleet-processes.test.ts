import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetQueues, KeyRing, Scheduler, ConnectionRegistry } from '@hrkit/fleet';
import { PostgresSyncStore } from '@hrkit/store-postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { assertBuilt, HRKIT_BIN, RunningCli, runCli } from '../packages/cli/test/e2e/spawn-cli.js';
import {
  referenceSnapshot,
  registerConnections,
  type Sandboxes,
  snapshot,
  startSandboxes,
} from '../packages/fleet/test/fleet-harness.js';
import { type HoldingProxy, startHoldingProxy } from '../packages/fleet/test/holding-proxy.js';
import {
  cleanRedisPrefix,
  createTestDatabase,
  eventually,
  REDIS_URL,
  type TestDatabase,
  uniqueName,
} from '../packages/fleet/test/harness.js';

/**
 * The fleet as deployed: the BUILT `hrkit worker` binary in several processes on one PostgreSQL registry, one Redis
 * and the PostgreSQL store in the registry's database (the fleet's default: no HRKIT_FLEET_STORE), syncing
 * connections on several sandboxes started in this process.
 */

const KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;
let database: TestDatabase | undefined;
let sandboxes: Sandboxes | undefined;
let prefix = '';
let directory = '';
let proxy: HoldingProxy | undefined;
const workers: { cli: RunningCli; child: ChildProcess }[] = [];

afterEach(async () => {
  proxy?.release();
  await Promise.all(workers.splice(0).map(({ cli }) => cli.stop()));
  await proxy?.close();
  proxy = undefined;
  await sandboxes?.close();
  await database?.drop();
  await cleanRedisPrefix(prefix);
  rmSync(directory, { recursive: true, force: true });
  sandboxes = undefined;
  database = undefined;
});

function fleetEnv(): Record<string, string> {
  return {
    HRKIT_FLEET_DATABASE_URL: database!.url,
    HRKIT_FLEET_REDIS_URL: REDIS_URL,
    HRKIT_FLEET_PREFIX: prefix,
    HRKIT_FLEET_KEYS: KEYS,
  };
}

async function startWorkerProcess(...extra: string[]): Promise<{ cli: RunningCli; child: ChildProcess }> {
  const args = [
    'worker',
    ...extra,
    '--concurrency',
    '2',
    '--scheduler-every',
    '0',
    '--lock-duration',
    '2s',
    '--stalled-interval',
    '1s',
  ];
  const child = spawn(process.execPath, [HRKIT_BIN, ...args], {
    cwd: directory,
    env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '', ...fleetEnv() },
  });
  const cli = new RunningCli(args, { cwd: directory }, child);
  await cli.waitFor('stdout', /hrkit worker ready \(pid (\d+)/);
  const started = { cli, child };
  workers.push(started);
  return started;
}

async function setUp() {
  assertBuilt();
  database = await createTestDatabase();
  prefix = uniqueName('bull');
  directory = mkdtempSync(join(tmpdir(), 'hrkit-fleet-'));
}

describe('worker processes', () => {
  it('several processes sync many connections; a worker SIGKILLed mid-job: its jobs are retried and every store equals a clean run', async () => {
    await setUp();
    sandboxes = await startSandboxes({ hibob: 2, bamboohr: 1, employees: 120 });
    const registry = await ConnectionRegistry.open({ databaseUrl: database!.url, keys: KeyRing.parse(KEYS) });
    const queues = FleetQueues.open({ redisUrl: REDIS_URL, prefix });
    const store = await PostgresSyncStore.open({ connectionString: database!.url });
    try {
      const ids = await registerConnections(registry, sandboxes, 3);
      const [victim] = [await startWorkerProcess(), await startWorkerProcess(), await startWorkerProcess()];
      expect((await new Scheduler(registry, queues, store).tick(Date.now())).syncs).toHaveLength(ids.length);

      // Kill the first worker while it holds a job whose store writes have begun but not finished.
      const victimName = `:${victim!.child.pid}`;
      const held = await eventually(
        'the victim mid-job',
        async () => {
          for (const job of await queues.sync.getActive()) {
            if (!job.processedBy?.endsWith(victimName)) continue;
            const written = (await store.listRecords(job.data.connectionId, 'employee')).length;
            if (written > 0 && (await registry.get(job.data.connectionId)).lastSyncAt === null)
              return job.data.connectionId;
          }
          return null;
        },
        { everyMs: 5 },
      );
      victim!.child.kill('SIGKILL');
      await eventually(
        'the victim gone',
        async () => victim!.child.exitCode !== null || victim!.child.signalCode !== null,
      );
      workers.splice(workers.indexOf(victim!), 1);

      await eventually('every connection synced by the survivors', async () =>
        (await registry.list()).every(
          (connection) => connection.lastSyncAt !== null && connection.health === 'healthy',
        ),
      );
      expect(ids).toContain(held);
      for (const id of ids) expect(await snapshot(store, id)).toEqual(await referenceSnapshot(registry, id));
    } finally {
      await store.close();
      await queues.close();
      await registry.close();
    }
  });

  /**
   * A connection whose time-off reads are held by a proxy: its sync job is caught mid-run (the employees already
   * written), whatever the machine's speed. `hold` decides what the proxy holds.
   */
  async function heldConnection() {
    sandboxes = await startSandboxes({ hibob: 1, bamboohr: 0, employees: 40 });
    const sandbox = sandboxes.hibob[0]!;
    proxy = await startHoldingProxy(sandbox.url, (path) => path.startsWith('/v1/timeoff'));
    const registry = await ConnectionRegistry.open({ databaseUrl: database!.url, keys: KeyRing.parse(KEYS) });
    const credentials = { ...sandbox.control.createServiceUser({ name: 'held' }), baseUrl: proxy.url };
    await registry.add({ id: 'held', provider: 'hibob', tenant: 'Held', credentials });
    const queues = FleetQueues.open({ redisUrl: REDIS_URL, prefix });
    const store = await PostgresSyncStore.open({ connectionString: database!.url });
    return {
      registry,
      queues,
      store,
      close: async () => {
        await store.close();
        await queues.close();
        await registry.close();
      },
    };
  }

  it('SIGTERM: the worker finishes the job in hand when it ends before the deadline, then exits', async () => {
    await setUp();
    const { registry, queues, close } = await heldConnection();
    try {
      const worker = await startWorkerProcess('--shutdown-deadline', '10m');
      await queues.enqueueSync('held');
      await proxy!.held();
      const exited = new Promise<number | null>((resolve) => worker.child.once('close', resolve));
      worker.child.kill('SIGTERM');
      await worker.cli.waitFor('stderr', /stopping: finishing the jobs in hand \(at most 10m\)/);
      proxy!.release();
      expect(await exited, worker.cli.stderr).toBe(0);
      workers.splice(workers.indexOf(worker), 1);
      expect(worker.cli.stderr).toContain('stopped: every job in hand finished');
      const connection = await registry.get('held');
      expect(connection).toMatchObject({ health: 'healthy' });
      expect(connection.lastSyncAt).not.toBeNull();
      expect(await queues.sync.getJob('sync.held')).toBeUndefined();
    } finally {
      await close();
    }
  });

  it('SIGTERM past the deadline: the job in hand is aborted, goes back to the queue unharmed, and a new worker ends it as a clean run would', async () => {
    await setUp();
    const { registry, queues, store, close } = await heldConnection();
    try {
      const worker = await startWorkerProcess('--shutdown-deadline', '1s');
      await queues.enqueueSync('held');
      await proxy!.held();
      // Mid-job: the employees are in the store, the time off is being read.
      expect((await store.listRecords('held', 'employee')).length).toBeGreaterThan(0);
      // The held read never answers: the worker must abort it at the deadline and exit on its own.
      const run = await worker.cli.kill('SIGTERM');
      workers.splice(workers.indexOf(worker), 1);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toContain(
        'stopped: the deadline passed; the jobs still running were aborted and went back to the queue',
      );
      // Back in the queue, its attempts untouched; no failure recorded against the connection.
      const job = await queues.sync.getJob('sync.held');
      expect(await job?.getState()).toBe('waiting');
      expect(job?.attemptsMade).toBe(0);
      const connection = await registry.get('held');
      expect(connection).toMatchObject({ health: 'healthy', lastSyncAt: null, lastSyncErrorAt: null });

      // Another worker runs it to the end: the store equals a clean, uninterrupted sync.
      proxy!.release();
      await startWorkerProcess();
      await eventually('synced by the next worker', async () => (await registry.get('held')).lastSyncAt);
      expect(await snapshot(store, 'held')).toEqual(await referenceSnapshot(registry, 'held'));
    } finally {
      await close();
    }
  });

  it('hrkit serve on SIGTERM: a request still in flight at the deadline is cut off and the process exits', async () => {
    await setUp();
    const registry = await ConnectionRegistry.open({ databaseUrl: database!.url, keys: KeyRing.parse(KEYS) });
    await registry.add({
      id: 'acme',
      provider: 'hibob',
      tenant: 'Acme',
      credentials: { serviceUserId: 'SERVICE-1', token: 'unused', baseUrl: 'http://127.0.0.1:1' },
      webhookSecret: 'whsec-acme-0123456789',
    });
    await registry.close();
    const args = ['serve', '--port', '0', '--shutdown-deadline', '500ms'];
    const child = spawn(process.execPath, [HRKIT_BIN, ...args], {
      cwd: directory,
      env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: '', ...fleetEnv() },
    });
    const cli = new RunningCli(args, { cwd: directory }, child);
    const serve = { cli, child };
    workers.push(serve);
    const [, port] = await cli.waitFor('stdout', /listening on http:\/\/127\.0\.0\.1:(\d+)/);
    // A provider that sends its headers and never its body; the 100 Continue says the request reached the handler.
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    const continued = new Promise<void>((resolve) =>
      socket.on('data', (chunk: Buffer) => {
        if (chunk.toString().startsWith('HTTP/1.1 100')) resolve();
      }),
    );
    socket.write(
      'POST /webhooks/hibob/acme HTTP/1.1\r\nHost: ingress\r\nContent-Type: application/json\r\n' +
        'Content-Length: 64\r\nExpect: 100-continue\r\n\r\n{"type":',
    );
    await continued;
    const run = await cli.kill('SIGTERM');
    workers.splice(workers.indexOf(serve), 1);
    await closed;
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('stopped: the deadline passed; connections still open were closed');
  });

  it('hrkit fleet add | list | status | pause | resume | rotate-key, with secrets never printed', async () => {
    await setUp();
    sandboxes = await startSandboxes({ hibob: 1, bamboohr: 0, employees: 5 });
    const config = sandboxes.hibob[0]!.control.createServiceUser({ name: 'cli' });
    const env = { ...fleetEnv(), HIBOB_TOKEN: config.token };
    const run = (...args: string[]) => runCli(['fleet', ...args], { cwd: directory, env });
    const added = await run(
      'add',
      'hibob',
      'acme',
      '--tenant',
      'Acme Inc',
      '--service-user-id',
      config.serviceUserId,
      '--base-url',
      config.baseUrl,
      '--webhook-secret',
      'whsec-cli-SECRET',
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('added acme (hibob, tenant "Acme Inc"), secrets sealed under key k1');
    expect((await run('list')).stdout).toMatch(/acme\s+hibob\s+Acme Inc\s+healthy\s+ok\s+never/);
    expect((await run('pause', 'acme', '--reason', 'customer offboarding')).code).toBe(0);
    expect((await run('status', 'acme')).stdout).toContain('health:        paused — customer offboarding');
    expect((await run('resume', 'acme')).code).toBe(0);
    expect(JSON.parse((await run('status', 'acme', '--format', 'json')).stdout)).toMatchObject({ health: 'healthy' });
    const newKeys = `k2:${Buffer.alloc(32, 8).toString('base64')},${KEYS}`;
    const rotated = await runCli(['fleet', 'rotate-key'], {
      cwd: directory,
      env: { ...env, HRKIT_FLEET_KEYS: newKeys },
    });
    expect(rotated.stdout).toBe('re-sealed 1 connection(s) under key k2\n');
    const missing = await run('add', 'hibob', 'beta', '--tenant', 'Beta');
    expect(missing.code).toBe(2);
    for (const output of [added, rotated, missing, await run('status', 'acme')])
      for (const secret of [config.token, 'whsec-cli-SECRET', KEYS.slice(3)])
        expect(output.stdout + output.stderr).not.toContain(secret);
  });
});
