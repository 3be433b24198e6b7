// One step of the full-sync benchmark, in a fresh process (steps are run by run.mjs):
//   list   — the adapter through the Connection (mapping + zod), the reads a sync makes, no engine or store
//   sync   — the real thing: hibob adapter → Connection (zod) → SyncEngine → memory, SQLite or PostgreSQL store; with
//            `recording`, it also writes down the requests the adapter sent (see lib/tap.mjs)
//   floor  — replay a recorded sync's requests with plain fetch + JSON.parse (the floor); with `concurrency`, runs of
//            single-record reads are replayed that many at a time, as the engine sends them (the latency round)
//   pgfloor — the floor plus the PostgreSQL store's own floor: the same answers' records written as rows (id + jsonb),
//            one multi-row insert per batch of 200, one transaction per batch (docs/performance.md, "Sync (issue 17)")
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySyncStore, SyncEngine } from '@hrkit/sync';
import { SqliteSyncStore } from '@hrkit/sync/sqlite';
import pg from 'pg';
import { PostgresSyncStore } from '@hrkit/store-postgres';
import { createScratchDatabase } from '@hrkit/store-postgres/testing';
import { createHrKit } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { childMain } from './lib/child.mjs';
import { collectGarbage, cpuMs, MemoryPeak, mb } from './lib/memory.mjs';
import { endpointCounts, replayable, tapRequests } from './lib/tap.mjs';

childMain(async (input) => {
  if (input.mode === 'floor') return floor(input);
  if (input.mode === 'pgfloor') return postgresFloor(input);
  if (input.mode === 'sync') return sync(input);
  if (input.mode === 'list') return list(input);
  throw new Error(`unknown mode ${input.mode}`);
});

function connect(config, options = {}) {
  const kit = createHrKit({ providers: [hibob(options.plugin)] });
  return kit.connect('hibob', config, { rateLimits: options.rateLimits ?? false });
}

async function floor({ config, recording, concurrency = 1 }, onRecords = async () => {}) {
  const requests = JSON.parse(readFileSync(recording, 'utf8'));
  const base = config.baseUrl.replace(/\/+$/, '');
  // Warm fetch itself (undici loads lazily) on a cheap request, outside the timed section.
  await (await fetch(`${base}/_sandbox/none`)).arrayBuffer();
  collectGarbage();
  const baseline = process.memoryUsage();
  const peak = new MemoryPeak();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let records = 0;
  let bytes = 0;
  let largestResponseBytes = 0;
  const replay = async (request) => {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== null ? { body: request.body } : {}),
    });
    const text = await response.text();
    const size = Buffer.byteLength(text);
    bytes += size;
    if (size > largestResponseBytes) largestResponseBytes = size;
    if (!response.ok)
      throw new Error(`floor: ${request.method} ${request.path.split('?')[0]} answered ${response.status}`);
    return JSON.parse(text);
  };
  for (const group of replayGroups(requests, concurrency)) {
    const answers = await Promise.all(group.map(replay));
    peak.sample();
    for (const parsed of answers) {
      records += countRecords(parsed);
      await onRecords(recordsOf(parsed));
    }
  }
  await onRecords(null);
  const ms = performance.now() - started;
  const clientCpuMs = cpuMs(cpu);
  return {
    ms,
    clientCpuMs,
    requests: requests.length,
    concurrency,
    endpoints: endpointCounts(requests),
    records,
    bytes,
    largestResponseBytes,
    baseline: memoryOf(baseline),
    ...peak.stop(),
  };
}

/**
 * The recorded requests in replay order: one at a time, except that consecutive single-record reads (a GET of one
 * time-off request) go `concurrency` at a time, as the engine sends them (FETCH_CONCURRENCY in packages/sync).
 */
function replayGroups(requests, concurrency) {
  const groups = [];
  const single = (request) => request.method === 'GET' && /\/requests\/\d+/.test(request.path.split('?')[0]);
  for (const request of requests) {
    const last = groups[groups.length - 1];
    if (concurrency > 1 && last && single(request) && single(last[0]) && last.length < concurrency) last.push(request);
    else groups.push([request]);
  }
  return groups;
}

/**
 * The PostgreSQL floor: the floor's answers, each record written as a row (id, jsonb) with one multi-row insert per
 * batch of 200 in one transaction each — what any store must at least pay to put the same records in PostgreSQL.
 */
async function postgresFloor(input) {
  const database = await createScratchDatabase('benchfloor');
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query('CREATE TABLE rows (id text PRIMARY KEY, data jsonb NOT NULL)');
  let pending = [];
  let next = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    await client.query('BEGIN');
    await client.query(
      'INSERT INTO rows (id, data) SELECT * FROM unnest($1::text[], $2::jsonb[]) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
      [batch.map(() => String(next++)), batch.map((record) => JSON.stringify(record))],
    );
    await client.query('COMMIT');
  };
  try {
    const result = await floor(input, async (records) => {
      if (records === null) return flush();
      for (const record of records) {
        pending.push(record);
        if (pending.length >= 200) await flush();
      }
    });
    return { ...result, store: 'postgres-floor' };
  } finally {
    await client.end();
    await database.drop();
  }
}

/** A new, empty store of the kind asked for, and how to remove it afterwards (outside the timed section). */
async function openStore(kind) {
  if (kind === 'sqlite') {
    const directory = mkdtempSync(join(tmpdir(), 'hrkit-bench-'));
    return {
      store: new SqliteSyncStore(join(directory, 'bench.sqlite')),
      remove: async () => rmSync(directory, { recursive: true, force: true }),
    };
  }
  if (kind === 'postgres') {
    // A database of its own on the local server (127.0.0.1:5432, or $HRKIT_TEST_POSTGRES_URL), migrated before timing.
    const database = await createScratchDatabase('bench');
    return {
      store: await PostgresSyncStore.open({ connectionString: database.url }),
      remove: () => database.drop(),
    };
  }
  return { store: new MemorySyncStore(), remove: async () => {} };
}

async function sync({ config, store: storeKind, recording, resync = false }) {
  const connection = connect(config);
  const tapped = recording ? tapRequests(connection.connector.client.http) : null;
  const { store, remove } = await openStore(storeKind);
  collectGarbage();
  const baseline = process.memoryUsage();
  const peak = new MemoryPeak();
  const cpu = process.cpuUsage();
  const started = performance.now();
  // The syncs run on a clock an hour (and the re-sync two hours) ahead: the sandbox stamps its latest changes at
  // start-up, and a re-sync right after the first would find them inside its cursor overlap and confirm those
  // declines again, which a real re-sync hours later does not (docs/sync.md › Time off).
  const later = (hours) => () => Date.now() + hours * 3_600_000;
  const result = await new SyncEngine(store).sync(connection, { full: true, now: later(1) });
  const ms = performance.now() - started;
  const clientCpuMs = cpuMs(cpu);
  const memory = peak.stop();
  const stats = connection.connector.client.http.stats;
  const requests = stats.requests;
  const firstSyncRequests = tapped?.length ?? 0;
  // A second full sync of the same company into the same store: nothing changed, so it must emit nothing.
  let again = null;
  if (resync) {
    collectGarbage();
    const resyncPeak = new MemoryPeak();
    const resyncCpu = process.cpuUsage();
    const resyncStarted = performance.now();
    const second = await new SyncEngine(store).sync(connection, { full: true, now: later(2) });
    again = {
      ms: performance.now() - resyncStarted,
      clientCpuMs: cpuMs(resyncCpu),
      newEvents: second.newEvents,
      requests: stats.requests - requests,
      ...resyncPeak.stop(),
    };
    if (second.newEvents !== 0) throw new Error(`a no-change re-sync emitted ${second.newEvents} events`);
  }
  await store.close();
  await remove();
  if (tapped) {
    writeFileSync(recording, JSON.stringify(replayable(tapped.slice(0, firstSyncRequests), config)));
    // The re-sync's own requests (fewer: no confirmation reads for requests already stored as cancelled), its floor.
    if (resync)
      writeFileSync(`${recording}.resync`, JSON.stringify(replayable(tapped.slice(firstSyncRequests), config)));
  }
  // Rows the store wrote: one per record (employees and time-off requests) plus one outbox event per change.
  const recordsWritten = Object.values(result.counts).reduce(
    (sum, bucket) => sum + Object.values(bucket).reduce((a, b) => a + b, 0),
    0,
  );
  return {
    recorded: tapped !== null,
    ms,
    clientCpuMs,
    store: storeKind,
    employees: result.counts,
    newEvents: result.newEvents,
    recordsWritten,
    recordsPerSecond: Math.round(recordsWritten / (ms / 1000)),
    rowsPerSecond: Math.round((recordsWritten + result.newEvents) / (ms / 1000)),
    warnings: result.warnings,
    http: { requests, retries: stats.retries, byStatus: stats.byStatus },
    baseline: memoryOf(baseline),
    ...memory,
    ...(again ? { resync: again } : {}),
  };
}

async function list({ config, recording, warm = false }) {
  const first = await listOnce(config, recording);
  // With `warm` (run.mjs --only=list), a second listing on a new connection in the same process: what a service that
  // syncs many companies pays per company once the code is compiled and optimized.
  if (!warm) return first;
  const second = await listOnce(config, null);
  return { ...first, warmMs: second.ms, warmClientCpuMs: second.clientCpuMs };
}

async function listOnce(config, recording) {
  const connection = connect(config);
  // With `recording` (run.mjs --only=list), the requests are written down so that the floor replays the same ones.
  const tapped = recording ? tapRequests(connection.connector.client.http) : null;
  collectGarbage();
  const baseline = process.memoryUsage();
  const peak = new MemoryPeak();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let records = 0;
  for await (const _ of connection.employees.list({ includeInactive: true })) records++;
  // The same window the engine reads on a full sync (180 days back to now, pending included).
  const now = Date.now();
  const since = new Date(now - 180 * 86_400_000).toISOString();
  for await (const _ of connection.timeOff.requestChanges({
    since,
    until: new Date(now).toISOString(),
    includePending: true,
  }))
    records++;
  const ms = performance.now() - started;
  const clientCpuMs = cpuMs(cpu);
  const memory = peak.stop();
  const stats = connection.connector.client.http.stats;
  if (tapped) writeFileSync(recording, JSON.stringify(replayable(tapped, config)));
  return { ms, clientCpuMs, records, http: { requests: stats.requests }, baseline: memoryOf(baseline), ...memory };
}

/** The records of a HiBob answer (the array it carries, or the answer itself). */
function recordsOf(body) {
  if (Array.isArray(body)) return body;
  if (!body || typeof body !== 'object') return [];
  for (const value of Object.values(body)) if (Array.isArray(value)) return value;
  return [body];
}

/** Records in a HiBob answer: `employees`, `changes`, `outs`… whichever array it carries. */
function countRecords(body) {
  if (Array.isArray(body)) return body.length;
  if (!body || typeof body !== 'object') return 0;
  for (const value of Object.values(body)) if (Array.isArray(value)) return value.length;
  return 1;
}

function memoryOf(usage) {
  return { rssMB: mb(usage.rss), heapUsedMB: mb(usage.heapUsed) };
}
