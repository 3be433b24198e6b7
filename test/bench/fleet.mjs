// The fleet benchmark: `npm run bench -- --only=fleet` (or `node test/bench/fleet.mjs [--connections=200]
// [--employees=500] [--workers=1,2,4] [--sandboxes=4] [--burst=5]` after a build). Needs the local PostgreSQL and Redis.
//
// Per worker count: a fresh registry database, BullMQ prefix and store; `connections` HiBob connections spread over
// `sandboxes` sandbox processes (rate limits ON), each connection with its own service user (its own allowance);
// `hrkit worker` processes sync everything once (first sync = full). Then a webhook burst through `hrkit serve`.
// Figures: wall time and the floor the per-credential allowances impose, sandbox requests and 429s, peak RSS per
// worker, webhook received→applied latency p50/p99 (the store inbox items' timestamps). Results in
// test/bench/results/fleet.json. `--store=postgres` (default: the fleet's own default, the registry's database) or
// `--store=sqlite`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConnectionRegistry, FleetQueues, KeyRing, Scheduler, storeFromUrl } from '@hrkit/fleet';
import { HIBOB_RATE_LIMITS } from '@hrkit/hibob';
import { BOB_RATE_LIMITS } from '@hrkit/hibob/sandbox';
import pg from 'pg';
import { startSandboxProcess } from './lib/sandbox.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const HRKIT = join(here, '..', '..', 'packages', 'cli', 'bin', 'hrkit.js');
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const PLAN = {
  connections: Number(arg('connections', '200')),
  employees: Number(arg('employees', '500')),
  workers: arg('workers', '1,2,4').split(',').map(Number),
  sandboxes: Number(arg('sandboxes', '4')),
  burstUpdatesPerSandbox: Number(arg('burst', '5')),
  concurrency: Number(arg('concurrency', '8')),
  store: arg('store', 'postgres'),
};
const ADMIN_URL = process.env.HRKIT_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.HRKIT_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const KEYS = `bench:${randomBytes(32).toString('base64')}`;
const log = (message) => console.log(`[fleet bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const round = (value, digits = 2) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));

async function admin(sql) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(sql);
  await client.end();
}

async function control(url, path, body) {
  const response = await fetch(`${url}/_sandbox${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function startProcess(args, env, ready) {
  const child = spawn(process.execPath, [HRKIT, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(ready);
      if (match) resolve({ child, match, stderr: () => err });
    });
    child.once('exit', (code) => reject(new Error(`hrkit ${args[0]} exited (${code}): ${err}`)));
  });
}

/** Peak resident set of a live process (Linux), in MB. */
function peakRssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return line ? Math.round(Number(line.split(/\s+/)[1]) / 1024) : null;
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function until(what, check, { timeoutMs = 3_600_000, everyMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** The burst's items in every connection's store inbox (one item per provider event; redeliveries stored once). */
async function burstItems(store, ids, sinceIso) {
  const items = [];
  for (const id of ids) for (const item of await store.listInbox(id)) if (item.receivedAt >= sinceIso) items.push(item);
  return items;
}

async function round1(workerCount) {
  const name = `hrkit_fleet_bench_${process.pid}_${workerCount}`;
  const prefix = `${name}_q`;
  const work = mkdtempSync(join(os.tmpdir(), 'hrkit-fleet-bench-'));
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const databaseUrl = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  const store = PLAN.store === 'postgres' ? databaseUrl : `sqlite:${join(work, 'fleet.sqlite')}`;
  const env = {
    HRKIT_FLEET_DATABASE_URL: databaseUrl,
    HRKIT_FLEET_REDIS_URL: REDIS_URL,
    HRKIT_FLEET_PREFIX: prefix,
    HRKIT_FLEET_KEYS: KEYS,
    HRKIT_FLEET_STORE: store,
  };
  const sandboxes = [];
  const processes = [];
  const inbox = await storeFromUrl(store)();
  const registry = await ConnectionRegistry.open({ databaseUrl, keys: KeyRing.parse(KEYS), store: inbox });
  const queues = FleetQueues.open({ redisUrl: REDIS_URL, prefix });
  const ids = [];
  try {
    log(`${workerCount} worker(s): ${PLAN.sandboxes} sandbox processes × ${PLAN.employees} employees, rate limits on…`);
    for (let index = 0; index < PLAN.sandboxes; index++)
      sandboxes.push(await startSandboxProcess({ seed: index + 1, employees: PLAN.employees, rateLimits: true }));
    const serve = await startProcess(['serve', '--port', '0'], env, /listening on (http:\/\/\S+)/);
    processes.push(serve.child);
    const ingress = serve.match[1];
    const perSandbox = new Map();
    for (let index = 0; index < PLAN.connections; index++) {
      const sandbox = sandboxes[index % sandboxes.length];
      const id = `bench-${index}`;
      ids.push(id);
      const credentials = await control(sandbox.url, '/service-users', { name: id });
      const secret = `whsec-${id}-${randomBytes(8).toString('hex')}`;
      await registry.add({ id, provider: 'hibob', tenant: id, credentials, webhookSecret: secret });
      await control(sandbox.url, '/webhooks', { url: `${ingress}/webhooks/hibob/${id}`, secret });
      perSandbox.set(sandbox, (perSandbox.get(sandbox) ?? 0) + 1);
    }
    for (const sandbox of sandboxes) await sandbox.reset();

    const workerArgs = ['worker', '--concurrency', String(PLAN.concurrency), '--scheduler-every', '0'];
    const workers = [];
    for (let index = 0; index < workerCount; index++) workers.push(await startProcess(workerArgs, env, /worker ready/));
    processes.push(...workers.map((worker) => worker.child));

    log(`${workerCount} worker(s): syncing ${PLAN.connections} connections…`);
    const started = performance.now();
    await new Scheduler(registry, queues, inbox).tick(Date.now());
    await until('every connection synced', async () => {
      const connections = await registry.list();
      const failed = connections.filter((c) => c.health !== 'healthy' && c.health !== 'degraded');
      if (failed.length > 0) throw new Error(`${failed[0].id}: ${failed[0].health} ${failed[0].healthReason}`);
      return connections.every((c) => c.lastSyncAt !== null);
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const syncCounters = await Promise.all(sandboxes.map((sandbox) => sandbox.counters()));

    // Floor: each credential's requests under a rule need ceil(n / limit) windows; the first is free.
    let floorSeconds = 0;
    const perCredential = {};
    for (const [sandboxIndex, counters] of syncCounters.entries()) {
      const credentials = perSandbox.get(sandboxes[sandboxIndex]);
      for (const [endpoint, requests] of Object.entries(counters.requestsByEndpoint)) {
        const each = requests / credentials;
        // The tighter of the sandbox's allowance and the adapter's own client-side rule (it never sends faster).
        const limit = Math.min(
          BOB_RATE_LIMITS[endpoint] ?? Number.POSITIVE_INFINITY,
          HIBOB_RATE_LIMITS.find((rule) => rule.name === endpoint)?.limit ?? Number.POSITIVE_INFINITY,
        );
        perCredential[endpoint] = Math.max(perCredential[endpoint] ?? 0, round(each, 1));
        if (Number.isFinite(limit)) floorSeconds = Math.max(floorSeconds, (Math.ceil(each / limit) - 1) * 60);
      }
    }
    // A job waits on its credential's allowance while holding one of the worker's `concurrency` slots, so the
    // connections go through in waves: the allowances' floor once per wave. The floor is the largest over the
    // sandboxes, so when some sandboxes' credentials need no wait this overstates the bound.
    const waves = Math.ceil(PLAN.connections / (workerCount * PLAN.concurrency));

    log(`${workerCount} worker(s): webhook burst (${PLAN.burstUpdatesPerSandbox} updates per sandbox)…`);
    for (const sandbox of sandboxes) await sandbox.reset();
    const burstStarted = Date.now();
    let expected = 0;
    for (const [index, sandbox] of sandboxes.entries()) {
      const employeeIds = await sandbox.employeeIds();
      for (const employeeId of employeeIds.slice(0, PLAN.burstUpdatesPerSandbox)) {
        await control(sandbox.url, `/employees/${employeeId}/fields`, {
          fields: { 'root.firstName': `Burst${index}` },
        });
        expected += perSandbox.get(sandbox);
      }
    }
    // The sandbox may deliver some events more than once (it retries a slow answer): the inbox stores an event id
    // once, so every event is one item; every item received must be applied.
    const since = new Date(burstStarted).toISOString();
    const items = await until(
      'burst applied',
      async () => {
        const found = await burstItems(inbox, ids, since);
        return expected > 0 && found.length >= expected && found.every((item) => item.status === 'applied') && found;
      },
      { everyMs: 1_000 },
    );
    const latencies = items
      .map((item) => Date.parse(item.appliedAt) - Date.parse(item.receivedAt))
      .sort((a, b) => a - b);
    const burstCounters = await Promise.all(sandboxes.map((sandbox) => sandbox.counters()));
    const memory = workers.map((worker) => peakRssMb(worker.child.pid));
    return {
      workers: workerCount,
      wallSeconds: round(wallSeconds, 1),
      floorSeconds,
      waves,
      wavesFloorSeconds: waves * floorSeconds,
      requestsPerCredentialByEndpoint: perCredential,
      sandboxRequests: syncCounters.reduce((sum, c) => sum + c.totalRequests, 0),
      tooManyRequests:
        syncCounters.reduce((sum, c) => sum + c.tooManyRequests, 0) +
        burstCounters.reduce((sum, c) => sum + c.tooManyRequests, 0),
      burstEvents: expected,
      burstItemsApplied: latencies.length,
      loadAverageAtEnd: os.loadavg().map((v) => round(v)),
      webhookLatencyMs: latencies.length
        ? { p50: round(percentile(latencies, 50), 0), p99: round(percentile(latencies, 99), 0) }
        : null,
      peakRssMbPerWorker: memory,
    };
  } finally {
    await Promise.all(processes.map(stop));
    await queues.close();
    await registry.close();
    await inbox.close();
    await Promise.all(sandboxes.map((sandbox) => sandbox.close()));
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(work, { recursive: true, force: true });
    const { Redis } = await import('ioredis');
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

const results = {
  startedAt: new Date().toISOString(),
  plan: PLAN,
  machine: { node: process.version, cpus: os.cpus().length, loadAverageAtStart: os.loadavg().map((v) => round(v)) },
  rounds: [],
};
for (const count of PLAN.workers) {
  const result = await round1(count).catch((error) => ({ workers: count, error: String(error?.message ?? error) }));
  log(JSON.stringify(result));
  results.rounds.push(result);
}
results.machine.loadAverageAtEnd = os.loadavg().map((v) => round(v));
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'fleet.json'), `${JSON.stringify(results, null, 2)}\n`);
log('figures in test/bench/results/fleet.json');
