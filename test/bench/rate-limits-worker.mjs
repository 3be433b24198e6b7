// Benchmark 3, in a fresh process: a full sync with HiBob's rate limits ON on both sides (the sandbox enforces its
// per-minute allowances and answers 429; the adapter's client-side limiter holds requests back). Records when each
// request was answered, per endpoint, to compute requests per minute as the client saw them.
import { MemorySyncStore, SyncEngine } from '@hrkit/sync';
import { createHrKit } from '@hrkit/core';
import { HIBOB_RATE_LIMITS, hibob } from '@hrkit/hibob';
import { childMain } from './lib/child.mjs';

childMain(async ({ config }) => {
  const answered = [];
  const logger = {
    debug(message, fields) {
      if (message === 'http.response')
        answered.push({ at: performance.now(), request: fields.request, status: fields.status });
      if (message === 'http.retry')
        answered.push({ at: performance.now(), request: fields.request, retry: fields.reason });
    },
    info() {},
    warn() {},
    error() {},
  };
  const connection = createHrKit({ providers: [hibob()] }).connect('hibob', config, { logger });
  const started = performance.now();
  const result = await new SyncEngine(new MemorySyncStore()).sync(connection, { full: true });
  const ms = performance.now() - started;
  const stats = connection.connector.client.http.stats;

  // Per client rule: total requests, the most in any sliding 60-second window, and the rule's allowance.
  const byRule = {};
  for (const entry of answered) {
    if (entry.retry) continue;
    const [method, path] = entry.request.split(' ');
    const rule = HIBOB_RATE_LIMITS.find(
      (candidate) => (!candidate.method || candidate.method === method) && candidate.path.test(path),
    );
    const name = rule?.name ?? `${method} ${path}`;
    byRule[name] ??= {
      allowancePerMinute: rule ? Math.round((rule.limit * 60_000) / (rule.windowMs ?? 60_000)) : null,
      times: [],
    };
    byRule[name].times.push(entry.at);
  }
  const endpoints = {};
  for (const [name, { allowancePerMinute, times }] of Object.entries(byRule)) {
    let maxInWindow = 0;
    for (let first = 0, last = 0; last < times.length; last++) {
      while (times[last] - times[first] >= 60_000) first++;
      maxInWindow = Math.max(maxInWindow, last - first + 1);
    }
    const spanMs = times[times.length - 1] - times[0];
    endpoints[name] = {
      requests: times.length,
      maxInAnySixtySeconds: maxInWindow,
      allowancePerMinute,
      spanSeconds: Math.round(spanMs / 100) / 10,
    };
  }
  return {
    ms,
    counts: result.counts,
    http: {
      requests: stats.requests,
      retries: stats.retries,
      rateLimitWaits: stats.rateLimitWaits,
      byStatus: stats.byStatus,
    },
    tooManyRequestsSeenByClient: stats.byStatus[429] ?? 0,
    endpoints,
  };
});
