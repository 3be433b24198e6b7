// Benchmark, in a fresh process: the HiBob employee listing (the part of a full sync that `searchBatchSize` shapes)
// with rate limits ON on both sides, at one `searchBatchSize`. Reports people-search requests, wall time against the
// wait the documented allowance imposes (50 searches per minute: the requests beyond the first minute's 50 wait for
// the next minutes), peak memory, and 429s. The time-off confirmation reads of a first sync are measured apart
// (docs/performance.md, "Sync (issue 17)").
import { createHrKit } from '@hrkit/core';
import { HIBOB_RATE_LIMITS, hibob } from '@hrkit/hibob';
import { childMain } from './lib/child.mjs';
import { collectGarbage, cpuMs, MemoryPeak, mb } from './lib/memory.mjs';

childMain(async ({ config, searchBatchSize }) => {
  const connection = createHrKit({ providers: [hibob({ searchBatchSize })] }).connect('hibob', config);
  collectGarbage();
  const baseline = process.memoryUsage();
  const peak = new MemoryPeak();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let records = 0;
  for await (const _ of connection.employees.list({ includeInactive: true })) {
    records += 1;
    if (records % 500 === 0) peak.sample();
  }
  const ms = performance.now() - started;
  const clientCpuMs = cpuMs(cpu);
  const stats = connection.connector.client.http.stats;
  const search = HIBOB_RATE_LIMITS.find((rule) => rule.name === 'people.search');
  const perMinute = Math.round((search.limit * 60_000) / (search.windowMs ?? 60_000));
  return {
    searchBatchSize,
    records,
    ms,
    clientCpuMs,
    requests: stats.requests,
    tooManyRequests: stats.byStatus[429] ?? 0,
    rateLimitWaits: stats.rateLimitWaits,
    searchesPerMinuteAllowed: perMinute,
    baseline: { heapUsedMB: mb(baseline.heapUsed) },
    ...peak.stop(),
  };
});
