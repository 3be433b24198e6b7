/** Minimal clock: core's `Clock`/`VirtualClock` satisfy it. */
export interface NowClock {
  now(): number;
}

export interface SandboxRateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  /** Window length; default 60 s. */
  windowMs?: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Requests left in the current window after this one. */
  remaining: number;
  /** Epoch seconds when a slot frees up (the oldest counted request leaves the window). */
  resetEpochSeconds: number;
  /** Seconds until then, rounded up, at least 1 when blocked. */
  retryAfterSeconds: number;
}

export interface RateLimitCounters {
  /** Requests received per endpoint, whether allowed or not. */
  requestsByEndpoint: Record<string, number>;
  totalRequests: number;
  /** 429 answers sent. */
  tooManyRequests: number;
  tooManyRequestsByEndpoint: Record<string, number>;
  /** Highest number of requests any endpoint received within one window (all credentials together). */
  maxRequestsInAnyWindow: number;
  maxRequestsInAnyWindowByEndpoint: Record<string, number>;
}

export interface SlidingWindowRateLimiterOptions {
  clock?: NowClock;
  /** When false every request is allowed, but still counted. Default true. */
  enabled?: boolean;
  /** Add `Retry-After` to blocked answers. Default false. */
  retryAfterHeader?: boolean;
  /** Window used for the "max requests in any window" statistic; default 60 s. */
  statisticsWindowMs?: number;
}

/**
 * Per-credential, per-endpoint sliding-window log: a request is allowed when fewer than `limit`
 * allowed requests of the same credential hit the same endpoint in the last `windowMs`.
 * Rejected requests do not consume the allowance.
 */
export class SlidingWindowRateLimiter {
  enabled: boolean;
  readonly retryAfterHeader: boolean;
  private readonly clock: NowClock;
  private readonly statisticsWindowMs: number;
  private readonly allowedTimes = new Map<string, number[]>();
  private readonly receivedTimes = new Map<string, number[]>();
  private counters = emptyCounters();

  constructor(options: SlidingWindowRateLimiterOptions = {}) {
    this.clock = options.clock ?? { now: () => Date.now() };
    this.enabled = options.enabled ?? true;
    this.retryAfterHeader = options.retryAfterHeader ?? false;
    this.statisticsWindowMs = options.statisticsWindowMs ?? 60_000;
  }

  /** Counts the request and decides. `rule` undefined means "not limited" (still counted). */
  hit(credential: string, endpoint: string, rule: SandboxRateLimitRule | undefined): RateLimitDecision {
    const now = this.clock.now();
    this.record(endpoint, now);
    if (!rule) return { allowed: true, limit: 0, remaining: 0, resetEpochSeconds: 0, retryAfterSeconds: 0 };
    const windowMs = rule.windowMs ?? 60_000;
    const key = `${credential}\u0000${endpoint}`;
    let times = this.allowedTimes.get(key);
    if (!times) {
      times = [];
      this.allowedTimes.set(key, times);
    }
    prune(times, now - windowMs);
    const blocked = this.enabled && times.length >= rule.limit;
    if (!blocked) times.push(now);
    const oldest = times[0] ?? now;
    const resetMs = oldest + windowMs;
    const decision: RateLimitDecision = {
      allowed: !blocked,
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - times.length),
      resetEpochSeconds: Math.ceil(resetMs / 1000),
      retryAfterSeconds: blocked ? Math.max(1, Math.ceil((resetMs - now) / 1000)) : 0,
    };
    if (blocked) {
      this.counters.tooManyRequests++;
      this.counters.tooManyRequestsByEndpoint[endpoint] = (this.counters.tooManyRequestsByEndpoint[endpoint] ?? 0) + 1;
    }
    return decision;
  }

  /** The `X-RateLimit-*` headers (and `Retry-After` when blocked and enabled) for a decision. */
  headers(decision: RateLimitDecision): Record<string, string> {
    if (decision.limit === 0) return {};
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(decision.limit),
      'X-RateLimit-Remaining': String(decision.remaining),
      'X-RateLimit-Reset': String(decision.resetEpochSeconds),
    };
    if (!decision.allowed && this.retryAfterHeader) headers['Retry-After'] = String(decision.retryAfterSeconds);
    return headers;
  }

  snapshot(): RateLimitCounters {
    return structuredClone(this.counters);
  }

  reset(): void {
    this.allowedTimes.clear();
    this.receivedTimes.clear();
    this.counters = emptyCounters();
  }

  private record(endpoint: string, now: number): void {
    const counters = this.counters;
    counters.totalRequests++;
    counters.requestsByEndpoint[endpoint] = (counters.requestsByEndpoint[endpoint] ?? 0) + 1;
    let times = this.receivedTimes.get(endpoint);
    if (!times) {
      times = [];
      this.receivedTimes.set(endpoint, times);
    }
    prune(times, now - this.statisticsWindowMs);
    times.push(now);
    const inWindow = times.length;
    counters.maxRequestsInAnyWindowByEndpoint[endpoint] = Math.max(
      counters.maxRequestsInAnyWindowByEndpoint[endpoint] ?? 0,
      inWindow,
    );
    counters.maxRequestsInAnyWindow = Math.max(counters.maxRequestsInAnyWindow, inWindow);
  }
}

/** Drops timestamps at or before `cutoff` (a request exactly one window old no longer counts). */
function prune(times: number[], cutoff: number): void {
  let drop = 0;
  while (drop < times.length && times[drop]! <= cutoff) drop++;
  if (drop > 0) times.splice(0, drop);
}

function emptyCounters(): RateLimitCounters {
  return {
    requestsByEndpoint: {},
    totalRequests: 0,
    tooManyRequests: 0,
    tooManyRequestsByEndpoint: {},
    maxRequestsInAnyWindow: 0,
    maxRequestsInAnyWindowByEndpoint: {},
  };
}
