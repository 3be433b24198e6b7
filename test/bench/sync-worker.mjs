// One step of the full-sync benchmark, in a fresh process (see sync.mjs):
//   record — sync once through a recording proxy: warms the sandbox, writes down what the adapter requests
//   floor  — replay those requests with plain fetch + JSON.parse (the floor)
//   list   — the adapter through the Connection (mapping + zod), the reads a sync makes, no engine or store
//   sync   — the real thing: hibob adapter → Connection (zod) → SyncEngine → memory or SQLite store
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySyncStore, SqliteSyncStore, SyncEngine } from '@hrkit/cli';
import { createHrKit } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { childMain } from './lib/child.mjs';
import { collectGarbage, cpuMs, MemoryPeak, mb } from './lib/memory.mjs';
import { endpointCounts, startRecorder } from './lib/recorder.mjs';

childMain(async (input) => {
  if (input.mode === 'record') return record(input);
  if (input.mode === 'floor') return floor(input);
  if (input.mode === 'sync') return sync(input);
  if (input.mode === 'list') return list(input);
  throw new Error(`unknown mode ${input.mode}`);
});

function connect(config, options = {}) {
  const kit = createHrKit({ providers: [hibob(options.plugin)] });
  return kit.connect('hibob', config, { rateLimits: options.rateLimits ?? false });
}

async function record({ config, recording }) {
  const recorder = await startRecorder(config.baseUrl);
  const connection = connect({ ...config, baseUrl: recorder.url });
  const store = new MemorySyncStore();
  const started = performance.now();
  const result = await new SyncEngine(store).sync(connection, { full: true });
  const ms = performance.now() - started;
  await recorder.close();
  await store.close();
  writeFileSync(recording, JSON.stringify(recorder.requests));
  return {
    ms,
    requests: recorder.requests.length,
    endpoints: endpointCounts(recorder.requests),
    statuses: [...new Set(recorder.requests.map((request) => request.status))],
    responseBytes: recorder.requests.reduce((sum, request) => sum + request.responseBytes, 0),
    largestResponseBytes: Math.max(...recorder.requests.map((request) => request.responseBytes)),
    counts: result.counts,
  };
}

async function floor({ config, recording }) {
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
  for (const request of requests) {
    const response = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      ...(request.body !== null ? { body: request.body } : {}),
    });
    const text = await response.text();
    bytes += Buffer.byteLength(text);
    const parsed = JSON.parse(text);
    peak.sample();
    records += countRecords(parsed);
  }
  const ms = performance.now() - started;
  const clientCpuMs = cpuMs(cpu);
  return { ms, clientCpuMs, requests: requests.length, records, bytes, baseline: memoryOf(baseline), ...peak.stop() };
}

async function sync({ config, store: storeKind }) {
  const connection = connect(config);
  const directory = storeKind === 'sqlite' ? mkdtempSync(join(tmpdir(), 'hrkit-bench-')) : null;
  const store = directory ? new SqliteSyncStore(join(directory, 'bench.sqlite')) : new MemorySyncStore();
  collectGarbage();
  const baseline = process.memoryUsage();
  const peak = new MemoryPeak();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await new SyncEngine(store).sync(connection, { full: true });
  const ms = performance.now() - started;
  const clientCpuMs = cpuMs(cpu);
  const memory = peak.stop();
  const stats = connection.connector.client.http.stats;
  await store.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
  return {
    ms,
    clientCpuMs,
    store: storeKind,
    employees: result.counts,
    newEvents: result.newEvents,
    warnings: result.warnings,
    http: { requests: stats.requests, retries: stats.retries, byStatus: stats.byStatus },
    baseline: memoryOf(baseline),
    ...memory,
  };
}

async function list({ config }) {
  const connection = connect(config);
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
  const stats = connection.connector.client.http.stats;
  return { ms, clientCpuMs, records, http: { requests: stats.requests }, baseline: memoryOf(baseline), ...peak.stop() };
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
