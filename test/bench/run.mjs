// `npm run bench` (builds first, then runs this with --expose-gc). `--quick` for a smaller run; `--only=mapping,sync,
// rate-limits` to run a subset (`--only=list` runs the listing step alone at 10,000 people, against its own floor; `sync` includes `sync-latency`, the sync under HiBob-like latency); `--only=fleet` runs the fleet benchmark (test/bench/fleet.mjs; PostgreSQL and Redis). Every figure is a ratio against a floor measured in the same run, on the same machine
// (never a timed assertion). Each measured step runs in a fresh Node process, and the HiBob sandbox in another one, so
// that the client's time, CPU and memory are its own. Results: a table on stdout and test/bench/results/latest.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BOB_RATE_LIMITS } from '@hrkit/hibob/sandbox';
import { runChild } from './lib/child.mjs';
import { startSandboxProcess } from './lib/sandbox.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const script = (name) => join(here, name);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only =
  args
    .find((arg) => arg.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') ?? null;
const wants = (name) => only === null || only.includes(name);

const PLAN = quick
  ? {
      syncSizes: [2_000, 10_000],
      mappingSize: 10_000,
      listUpTo: 10_000,
      rateLimitEmployees: 2_000,
      latencyEmployees: 2_000,
    }
  : {
      syncSizes: [10_000, 100_000],
      mappingSize: 100_000,
      listUpTo: 10_000,
      rateLimitEmployees: 30_000,
      latencyEmployees: 10_000,
    };
/**
 * HiBob-like latency for the latency round: a people search on a real tenant answers in a few hundred ms
 * (docs/performance.md, "Sync (issue 17)"); every response of the sandbox waits this long.
 */
const LATENCY_MS = 300;
const SEED = 1;
/** Sync steps run with Node's default stack: the adapters append large feeds without spreading them. */
const SYNC_EXEC_ARGV = [];

const log = (message) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const round = (value, digits = 2) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));
const startedAt = new Date();
const results = {
  startedAt: startedAt.toISOString(),
  quick,
  machine: {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024),
    loadAverageAtStart: os.loadavg().map((value) => round(value)),
  },
  plan: PLAN,
  workarounds: [],
  mapping: null,
  mappingBambooHr: null,
  list: null,
  sync: [],
  latency: null,
  rateLimits: null,
};

const work = mkdtempSync(join(os.tmpdir(), 'hrkit-bench-'));
try {
  if (wants('mapping') || wants('sync')) {
    const sizes = [
      ...new Set([...(wants('sync') ? PLAN.syncSizes : []), ...(wants('mapping') ? [PLAN.mappingSize] : [])]),
    ];
    for (const employees of sizes.sort((a, b) => a - b)) await sizeRound(employees);
  }
  if (wants('mapping'))
    results.mappingBambooHr = await attempt('mapping bamboohr', () => bamboohrMappingRound(PLAN.mappingSize));
  if (only?.includes('list') && !wants('sync')) results.list = await attempt('list', () => listRound(PLAN.listUpTo));
  if (wants('sync') || wants('sync-latency'))
    results.latency = await attempt('sync under latency', () => latencyRound(PLAN.latencyEmployees));
  if (wants('rate-limits'))
    results.rateLimits = await attempt('rate limits', () => rateLimitRound(PLAN.rateLimitEmployees));
  // Minutes of waiting for the allowance per run: only when asked (--only=rate-limit-batches).
  if (only?.includes('rate-limit-batches'))
    results.rateLimitBatches = await attempt('rate-limit batches', () => rateLimitBatchesRound(100_000));
  // The fleet benchmark needs PostgreSQL and Redis and runs for many minutes: only when asked (--only=fleet).
  if (only?.includes('fleet'))
    await attempt('fleet', () => runFleetBench(args.filter((a) => !a.startsWith('--only='))));
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** test/bench/fleet.mjs in its own process; its figures go to test/bench/results/fleet.json. */
function runFleetBench(extraArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script('fleet.mjs'), ...extraArgs], { stdio: 'inherit' });
    child.on('exit', (code) =>
      code === 0 ? resolve({ see: 'test/bench/results/fleet.json' }) : reject(new Error(`fleet bench exited ${code}`)),
    );
  });
}

/** Written after every step too, so that an interrupted run keeps what it measured. */
/** A failed step is recorded (and reported) instead of ending the whole run. */
async function attempt(name, run) {
  try {
    return await run();
  } catch (error) {
    log(`${name} FAILED: ${String(error?.message ?? error).split('\n')[0]}`);
    return { error: String(error?.message ?? error) };
  }
}

function save() {
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
}

results.finishedAt = new Date().toISOString();
results.durationSeconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
results.machine.loadAverageAtEnd = os.loadavg().map((value) => round(value));
results.table = table();
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n${results.table}\n`);
printNotes();
log(`done in ${results.durationSeconds} s; figures in test/bench/results/latest.json`);

/** One company size: one sandbox process; mapping (at its size), then the sync steps against the same server. */
async function sizeRound(employees) {
  log(`starting a HiBob sandbox with ${employees} employees (rate limits off)…`);
  const sandbox = await startSandboxProcess({ seed: SEED, employees, rateLimits: false });
  log(`sandbox ready in ${Math.round(sandbox.startMs)} ms at ${sandbox.url}`);
  try {
    const config = sandbox.config;
    if (wants('mapping') && employees === PLAN.mappingSize) {
      log(`mapping: ${employees} people, map + validate vs JSON.parse…`);
      results.mapping = await attempt('mapping', () => runChild(script('mapping.mjs'), { provider: 'hibob', config }));
      save();
      const m = results.mapping;
      if (!m.error)
        log(
          `mapping: parse ${Math.round(m.parseMs)} ms, map+validate ${Math.round(m.mapAndValidateMs)} ms, ratio ${round(m.ratio)}`,
        );
      if (!m.error)
        log(
          `lossless parse: ${round(m.losslessRatio)}x JSON.parse (ids quoted), ${round(m.losslessSlowPathRatio)}x with a long numeric id`,
        );
    }
    if (!wants('sync') || !PLAN.syncSizes.includes(employees)) return;
    const recording = join(work, `requests-${employees}.json`);
    const row = { employees, rateLimits: false };
    results.sync.push(row);
    const worker = script('sync-worker.mjs');
    const options = { execArgv: SYNC_EXEC_ARGV };
    // Warm steps first: at sizes with a list step it warms the sandbox; at the mapping size, mapping already has.
    if (employees <= PLAN.listUpTo) {
      log(`sync ${employees}: adapter + Connection only (no engine, no store)…`);
      row.list = await attempt(`sync ${employees} list`, () => runChild(worker, { mode: 'list', config }, options));
      save();
    }
    // The memory-store sync also writes down the requests the adapter sent; the floor replays exactly those.
    log(`sync ${employees}: SyncEngine + memory store (recording the adapter's requests)…`);
    row.memory = await attempt(`sync ${employees} memory`, () =>
      runChild(worker, { mode: 'sync', config, store: 'memory', recording, resync: true }, options),
    );
    save();
    if (row.memory.error) return;
    log(`sync ${employees}: floor (fetch + JSON.parse of the same requests)…`);
    row.floor = await attempt(`sync ${employees} floor`, () => runChild(worker, { mode: 'floor', config, recording }));
    log(`sync ${employees}: re-sync floor (fetch + JSON.parse of the re-sync's requests)…`);
    row.resyncFloor = await attempt(`sync ${employees} re-sync floor`, () =>
      runChild(worker, { mode: 'floor', config, recording: `${recording}.resync` }),
    );
    save();
    log(`sync ${employees}: SyncEngine + sqlite store, then a no-change re-sync…`);
    row.sqlite = await attempt(`sync ${employees} sqlite`, () =>
      runChild(worker, { mode: 'sync', config, store: 'sqlite', resync: true }, options),
    );
    save();
    log(`sync ${employees}: PostgreSQL floor (the floor plus its records in one multi-row insert per batch)…`);
    row.postgresFloor = await attempt(`sync ${employees} postgres floor`, () =>
      runChild(worker, { mode: 'pgfloor', config, recording }),
    );
    save();
    log(`sync ${employees}: SyncEngine + PostgreSQL store (a scratch database on 127.0.0.1:5432), then a re-sync…`);
    row.postgres = await attempt(`sync ${employees} postgres`, () =>
      runChild(worker, { mode: 'sync', config, store: 'postgres', resync: true }, options),
    );
    for (const store of ['memory', 'sqlite', 'postgres'])
      if (!row[store].error && !row.floor.error)
        log(`sync ${employees} ${store}: ${Math.round(row[store].ms)} ms vs floor ${Math.round(row.floor.ms)} ms`);
    row.sandboxCounters = await sandbox.counters();
  } finally {
    await sandbox.close();
  }
}

/** BambooHR's report mapping at the mapping size; the child starts its own BambooHR sandbox (closed before timing). */
async function bamboohrMappingRound(employees) {
  log(`mapping bamboohr: ${employees} people, map + validate vs JSON.parse…`);
  const m = await runChild(script('mapping.mjs'), {
    provider: 'bamboohr',
    employees,
    repetitions: 5,
    parseRepetitions: 9,
  });
  save();
  if (m.ratio !== null)
    log(
      `mapping bamboohr: parse ${Math.round(m.parseMs)} ms, map+validate ${Math.round(m.mapAndValidateMs)} ms, ratio ${round(m.ratio)}`,
    );
  else log(`mapping bamboohr: ${m.refused}`);
  return m;
}

/**
 * The listing step alone (`--only=list`): employees and the time-off window through the Connection, recording its
 * own requests, then the floor — the same requests replayed with fetch + JSON.parse — in a fresh process. Three
 * rounds; the best of each is reported (the machine is shared, so the minimum is the least disturbed figure).
 */
async function listRound(employees) {
  log(`list: sandbox with ${employees} employees (rate limits off)…`);
  const sandbox = await startSandboxProcess({ seed: SEED, employees, rateLimits: false });
  try {
    const config = sandbox.config;
    const worker = script('sync-worker.mjs');
    const recording = join(work, `list-requests-${employees}.json`);
    const rounds = [];
    for (let round = 0; round < 3; round++) {
      const list = await runChild(worker, { mode: 'list', config, recording, warm: true });
      const floor = await runChild(worker, { mode: 'floor', config, recording });
      rounds.push({ list, floor });
      log(
        `list ${employees}: CPU ${Math.round(list.clientCpuMs)} ms (warm ${Math.round(list.warmClientCpuMs)} ms) vs floor ${Math.round(floor.clientCpuMs)} ms`,
      );
    }
    const best = (pick) => Math.min(...rounds.map(pick));
    const result = {
      employees,
      rounds,
      listCpuMs: best((r) => r.list.clientCpuMs),
      floorCpuMs: best((r) => r.floor.clientCpuMs),
      listMs: best((r) => r.list.ms),
      floorMs: best((r) => r.floor.ms),
      warmListCpuMs: best((r) => r.list.warmClientCpuMs),
    };
    result.cpuRatio = result.listCpuMs / result.floorCpuMs;
    result.warmCpuRatio = result.warmListCpuMs / result.floorCpuMs;
    result.wallRatio = result.listMs / result.floorMs;
    save();
    return result;
  } finally {
    await sandbox.close();
  }
}

/**
 * The full sync into SQLite against a sandbox that answers every request after LATENCY_MS, and the replay floor under
 * the same latency (the same requests, single-record reads as many at a time as the engine sends them): whether the
 * sync's wall time is bounded by the provider's waits rather than by our CPU.
 */
async function latencyRound(employees) {
  log(`latency: sandbox with ${employees} employees, ${LATENCY_MS} ms per response…`);
  const sandbox = await startSandboxProcess({ seed: SEED, employees, rateLimits: false, latencyMs: LATENCY_MS });
  try {
    const config = sandbox.config;
    const recording = join(work, `requests-latency-${employees}.json`);
    const worker = script('sync-worker.mjs');
    log('latency: full sync, SQLite store…');
    const sqlite = await runChild(worker, { mode: 'sync', config, store: 'sqlite', recording }, { execArgv: [] });
    log('latency: replay floor under the same latency…');
    const floor = await runChild(worker, { mode: 'floor', config, recording, concurrency: 4 });
    log(`latency: sync ${Math.round(sqlite.ms)} ms vs floor ${Math.round(floor.ms)} ms`);
    return { employees, latencyMs: LATENCY_MS, sqlite, floor, wallRatio: round(sqlite.ms / floor.ms) };
  } finally {
    await sandbox.close();
  }
}

/**
 * The employee listing of a 100,000-person company with rate limits ON, at several `searchBatchSize`s: requests, wall
 * time against the documented wait (people search: 50 per minute), peak memory and 429s.
 */
async function rateLimitBatchesRound(employees) {
  log(`rate-limit batches: sandbox with ${employees} employees, limits ON…`);
  const sandbox = await startSandboxProcess({ seed: SEED, employees, rateLimits: true });
  try {
    const runs = [];
    for (const searchBatchSize of [500, 1000, 2500]) {
      await sandbox.reset();
      log(`rate-limit batches: listing with searchBatchSize ${searchBatchSize}…`);
      const run = await runChild(script('rate-limits-batches-worker.mjs'), { config: sandbox.config, searchBatchSize });
      // The first minute's allowance goes at once; every further 50 searches wait for the next minute.
      const documentedWaitSeconds = Math.max(0, Math.ceil(run.requests / run.searchesPerMinuteAllowed) - 1) * 60;
      runs.push({ ...run, documentedWaitSeconds, sandbox: await sandbox.counters() });
      log(
        `rate-limit batches: ${searchBatchSize}/search → ${run.requests} requests, ${Math.round(run.ms / 1000)} s ` +
          `(documented wait ≥ ${documentedWaitSeconds} s), peak heap ${run.peakHeapUsedMB} MB, ${run.tooManyRequests} × 429`,
      );
      save();
    }
    return { employees, runs };
  } finally {
    await sandbox.close();
  }
}

/** Rate limits ON on both sides; a company big enough to need more than one minute's people-search allowance. */
async function rateLimitRound(employees) {
  log(`rate limits: sandbox with ${employees} employees, limits ON…`);
  const sandbox = await startSandboxProcess({ seed: SEED, employees, rateLimits: true });
  try {
    log('rate limits: full sync with the client-side limiter on (expect to wait for the next minute)…');
    const run = await runChild(
      script('rate-limits-worker.mjs'),
      { config: sandbox.config },
      { execArgv: SYNC_EXEC_ARGV },
    );
    const counters = await sandbox.counters();
    const endpoints = {};
    for (const [endpoint, requests] of Object.entries(counters.requestsByEndpoint))
      endpoints[endpoint] = {
        requests,
        maxInAnySixtySeconds: counters.maxRequestsInAnyWindowByEndpoint[endpoint] ?? 0,
        documentedPerMinute: BOB_RATE_LIMITS[endpoint] ?? null,
        tooManyRequests: counters.tooManyRequestsByEndpoint[endpoint] ?? 0,
      };
    log(`rate limits: ${Math.round(run.ms / 1000)} s, ${counters.tooManyRequests} × 429`);
    return {
      employees,
      wallSeconds: round(run.ms / 1000, 1),
      client: run,
      sandbox: { totalRequests: counters.totalRequests, tooManyRequests: counters.tooManyRequests, endpoints },
      exceedsOneMinuteAllowance: Object.values(endpoints).some(
        (endpoint) => endpoint.documentedPerMinute !== null && endpoint.requests > endpoint.documentedPerMinute,
      ),
    };
  } finally {
    await sandbox.close();
  }
}

function table() {
  const rows = [['Benchmark', 'Size', 'Measured', 'Floor (same run)', 'Ratio', 'Aim']];
  const ms = (value) => `${Math.round(value).toLocaleString('en-US')} ms`;
  const m = results.mapping;
  if (m?.error) rows.push(['Mapping + validation', String(PLAN.mappingSize), 'FAILED (see latest.json)', '', '', '']);
  if (m && !m.error) {
    rows.push([
      'Mapping + validation (wall)',
      m.records.toLocaleString('en-US'),
      `${ms(m.mapAndValidateMs)} (${m.mapAndValidateRecordsPerSecond.toLocaleString('en-US')} rec/s)`,
      `JSON.parse ${ms(m.parseMs)} (${m.parseRecordsPerSecond.toLocaleString('en-US')} rec/s)`,
      m.ratio === null ? `refused: ${m.refused}` : `${round(m.ratio)}× (CPU ${round(m.cpuRatio)}×)`,
      '≤ 0.5×',
    ]);
  }
  const b = results.mappingBambooHr;
  if (b?.error)
    rows.push(['Mapping + validation, BambooHR', String(PLAN.mappingSize), 'FAILED (see latest.json)', '', '', '']);
  if (b && !b.error)
    rows.push([
      'Mapping + validation, BambooHR (wall)',
      b.records.toLocaleString('en-US'),
      `${ms(b.mapAndValidateMs)} (${b.mapAndValidateRecordsPerSecond.toLocaleString('en-US')} rec/s)`,
      `JSON.parse ${ms(b.parseMs)} (${b.parseRecordsPerSecond.toLocaleString('en-US')} rec/s)`,
      b.ratio === null ? `refused: ${b.refused}` : `${round(b.ratio)}× (CPU ${round(b.cpuRatio)}×)`,
      '≤ 0.5×',
    ]);
  const l = results.list;
  if (l?.error)
    rows.push(['Listing through Connection', String(PLAN.listUpTo), 'FAILED (see latest.json)', '', '', '']);
  if (l && !l.error)
    rows.push([
      'Listing through Connection (client CPU, best of 3)',
      l.employees.toLocaleString('en-US'),
      ms(l.listCpuMs),
      `fetch+parse ${ms(l.floorCpuMs)}`,
      `${round(l.cpuRatio)}× (wall ${round(l.wallRatio)}×)`,
      '≤ 1.3×',
    ]);
  if (l && !l.error)
    rows.push([
      'Listing through Connection, warm process (client CPU)',
      l.employees.toLocaleString('en-US'),
      ms(l.warmListCpuMs),
      `fetch+parse ${ms(l.floorCpuMs)}`,
      `${round(l.warmCpuRatio)}×`,
      '≤ 1.3×',
    ]);
  for (const row of results.sync) {
    const size = row.employees.toLocaleString('en-US');
    const floor = row.floor;
    if (!floor || floor.error) {
      rows.push(['Full sync', size, 'FAILED (see latest.json)', '', '', '']);
      continue;
    }
    const shape = [
      ['list', 'Adapter + Connection, no store'],
      ['memory', 'Full sync, memory store'],
      ['sqlite', 'Full sync, SQLite store'],
      ['postgres', 'Full sync, PostgreSQL store'],
    ];
    const pgFloor = row.postgresFloor;
    if (pgFloor && !pgFloor.error)
      rows.push([
        'PostgreSQL floor (client CPU)',
        size,
        `${ms(pgFloor.clientCpuMs)} (wall ${ms(pgFloor.ms)})`,
        `fetch+parse ${ms(floor.clientCpuMs)}`,
        `${round(pgFloor.clientCpuMs / floor.clientCpuMs)}×`,
        'info',
      ]);
    for (const [key, label] of shape) {
      const run = row[key];
      if (!run) continue;
      if (run.error) {
        rows.push([label, size, 'FAILED (see latest.json)', '', '', '']);
        continue;
      }
      rows.push([
        `${label} (wall)`,
        size,
        ms(run.ms),
        `fetch+parse ${ms(floor.ms)}`,
        `${round(run.ms / floor.ms)}×`,
        '≤ 1.5×',
      ]);
      rows.push([
        `${label} (client CPU)`,
        size,
        ms(run.clientCpuMs),
        `fetch+parse ${ms(floor.clientCpuMs)}`,
        `${round(run.clientCpuMs / floor.clientCpuMs)}×`,
        key === 'sqlite' ? '≤ 2.5×' : 'info',
      ]);
      if (key === 'postgres' && pgFloor && !pgFloor.error)
        rows.push([
          `${label} (client CPU vs its own floor)`,
          size,
          ms(run.clientCpuMs),
          `PostgreSQL floor ${ms(pgFloor.clientCpuMs)}`,
          `${round(run.clientCpuMs / pgFloor.clientCpuMs)}×`,
          '≤ 2.5×',
        ]);
      const resyncFloor = row.resyncFloor;
      if (run.resync && resyncFloor && !resyncFloor.error)
        rows.push([
          `No-change re-sync, ${key} store (client CPU)`,
          size,
          `${ms(run.resync.clientCpuMs)} (wall ${ms(run.resync.ms)}, ${run.resync.requests} req)`,
          `its fetch+parse ${ms(resyncFloor.clientCpuMs)}`,
          `${round(run.resync.clientCpuMs / resyncFloor.clientCpuMs)}× (first sync ${round(run.clientCpuMs / floor.clientCpuMs)}×)`,
          '< first',
        ]);
    }
    for (const key of ['memory', 'sqlite', 'postgres']) {
      const run = row[key];
      if (!run || run.error) continue;
      rows.push([
        `Write throughput, ${key} store`,
        size,
        `${run.recordsPerSecond.toLocaleString('en-US')} records/s (${run.rowsPerSecond.toLocaleString('en-US')} rows/s with events)`,
        `${run.recordsWritten.toLocaleString('en-US')} records, ${run.newEvents.toLocaleString('en-US')} events`,
        '–',
        'info',
      ]);
      rows.push([
        `Peak heap, ${key} store`,
        size,
        `${run.peakHeapUsedMB} MB (RSS ${run.peakRssMB} MB)`,
        `fetch+parse ${floor.peakHeapUsedMB} MB (RSS ${floor.peakRssMB} MB)`,
        `${round(run.peakHeapUsedMB / floor.peakHeapUsedMB)}×`,
        'info',
      ]);
    }
  }
  const lat = results.latency;
  if (lat?.error)
    rows.push(['Full sync under latency', String(PLAN.latencyEmployees), 'FAILED (see latest.json)', '', '', '']);
  if (lat && !lat.error)
    rows.push([
      `Full sync, SQLite, ${lat.latencyMs} ms/response (wall)`,
      lat.employees.toLocaleString('en-US'),
      `${ms(lat.sqlite.ms)} (CPU ${ms(lat.sqlite.clientCpuMs)}, ${lat.sqlite.http.requests} req)`,
      `replay ${ms(lat.floor.ms)} (${lat.floor.requests} req, ${lat.floor.concurrency} at a time)`,
      `${lat.wallRatio}×`,
      '≤ 1.2×',
    ]);
  const r = results.rateLimits;
  if (r?.error) rows.push(['Rate limits ON', String(PLAN.rateLimitEmployees), 'FAILED (see latest.json)', '', '', '']);
  if (r && !r.error) {
    for (const [endpoint, figures] of Object.entries(r.sandbox.endpoints)) {
      if (figures.documentedPerMinute === null) continue;
      rows.push([
        `Rate limits ON: ${endpoint}`,
        r.employees.toLocaleString('en-US'),
        `${figures.requests} req, max ${figures.maxInAnySixtySeconds} in any 60 s`,
        `allowance ${figures.documentedPerMinute}/min`,
        `${round(figures.maxInAnySixtySeconds / figures.documentedPerMinute)}×`,
        '≤ 1×',
      ]);
    }
    rows.push([
      'Rate limits ON: 429 answers',
      r.employees.toLocaleString('en-US'),
      `${r.sandbox.tooManyRequests} (client saw ${r.client.tooManyRequestsSeenByClient})`,
      `${r.sandbox.totalRequests} requests in ${r.wallSeconds} s`,
      '–',
      '0',
    ]);
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const line = (row) => `| ${row.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [
    line(rows[0]),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

function printNotes() {
  const [small, large] = results.sync;
  const complete = (row) => row && ['floor', 'memory', 'sqlite'].every((key) => row[key] && !row[key].error);
  if (complete(small) && complete(large)) {
    const growth = (key) =>
      large[key] && small[key] && !large[key].error && !small[key].error
        ? round(
            (large[key].peakHeapUsedMB - large[key].baseline.heapUsedMB) /
              Math.max(1, small[key].peakHeapUsedMB - small[key].baseline.heapUsedMB),
          )
        : null;
    const responseGrowth = round(large.floor.largestResponseBytes / small.floor.largestResponseBytes);
    const companyGrowth = round(large.employees / small.employees);
    results.memoryGrowth = {
      companyGrowth,
      largestResponseGrowth: responseGrowth,
      largestResponseMB: {
        [small.employees]: round(small.floor.largestResponseBytes / 1048576, 1),
        [large.employees]: round(large.floor.largestResponseBytes / 1048576, 1),
      },
      heapAboveBaselineGrowth: {
        floor: growth('floor'),
        memory: growth('memory'),
        sqlite: growth('sqlite'),
        postgres: growth('postgres'),
      },
    };
    writeFileSync(join(here, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(
      `Memory: company ×${companyGrowth}, largest single response ×${responseGrowth}; peak heap above baseline ` +
        `grew ×${growth('floor')} (floor), ×${growth('memory')} (memory store), ×${growth('sqlite')} (SQLite store), ` +
        `×${growth('postgres')} (PostgreSQL store).`,
    );
  }
  const load = results.machine.loadAverageAtStart[0];
  if (load > results.machine.cpus)
    console.log(
      `Note: load average ${load} on ${results.machine.cpus} CPUs when the run started: wall-clock figures are noisy, ` +
        'client-CPU ratios less so.',
    );
}
