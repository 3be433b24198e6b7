import { createHash, randomUUID } from 'node:crypto';
import type { Clock, RateLimiterFactory, RateLimitRule, RequestRateLimiter } from '@hrkit/core';
import type { Redis } from 'ioredis';

/**
 * Sliding-window log per credential and rule, in Redis: one sorted set of request slots scored by Redis' own clock
 * (`TIME`), so every worker on every machine counts against the same window with the same clock. A request takes
 * a slot when it fits and keeps it until its answer arrives (settle moves the slot's score to the answer time), as
 * core's in-process limiter does (a provider counts a request on arrival).
 *
 * Why not rate-limiter-flexible or BullMQ's limiter: both count fixed windows (or jobs per queue), and a fixed
 * window lets 2N requests through across a window boundary, which a provider's sliding window answers with 429s;
 * neither can extend a slot until the answer arrives. The Lua scripts below are the whole algorithm.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local blocked = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), tonumber(redis.call('GET', KEYS[3]) or '0'))
if blocked > now then return {0, blocked - now} end
local limit = tonumber(ARGV[1])
if limit > 0 then
  local window = tonumber(ARGV[2])
  redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
  if redis.call('ZCARD', KEYS[1]) >= limit then
    local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    return {0, math.max(1, tonumber(oldest[2]) + window - now)}
  end
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window * 2)
end
return {1, 0}
`;

const SETTLE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', 'GT', now, ARGV[1])
return 1
`;

const BLOCK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilMs = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current then redis.call('SET', KEYS[1], untilMs, 'PX', math.max(1, untilMs - now)) end
return untilMs
`;

/** Counters for metrics and tests. */
export interface RateBudgetObserver {
  /** `budget` is the credential's key prefix (secret-free). */
  acquired?(rule: string, budget: string): void;
  waited?(rule: string, ms: number, budget: string): void;
  blocked?(rule: string, ms: number, budget: string): void;
}

/** Requests under no rule still honour a credential-wide block (BambooHR publishes no quota but sends 429s). */
const ANY = '*';

export class RedisRateLimiter implements RequestRateLimiter {
  constructor(
    private readonly redis: Redis,
    /** Redis key prefix naming the credential, e.g. `hrkit:rl:<hash>`. */
    private readonly keyPrefix: string,
    private readonly rules: readonly RateLimitRule[],
    private readonly clock: Clock,
    private readonly observer: RateBudgetObserver = {},
  ) {}

  private ruleFor(method: string, path: string): RateLimitRule | undefined {
    return this.rules.find((rule) => (!rule.method || rule.method === method) && rule.path.test(path));
  }

  async acquire(method: string, path: string, signal?: AbortSignal): Promise<() => void> {
    const rule = this.ruleFor(method, path);
    const name = rule?.name ?? ANY;
    const slots = `${this.keyPrefix}:slots:${name}`;
    const member = randomUUID();
    for (;;) {
      const [granted, waitMs] = (await this.redis.eval(
        ACQUIRE,
        3,
        slots,
        `${this.keyPrefix}:block:${name}`,
        `${this.keyPrefix}:block:${ANY}`,
        rule ? rule.limit : 0,
        rule?.windowMs ?? 60_000,
        member,
      )) as [number, number];
      if (granted === 1) {
        this.observer.acquired?.(name, this.keyPrefix);
        if (!rule) return () => {};
        return () => {
          // Fire and forget: a lost settle leaves the slot at its send time, which expires one window later.
          this.redis.eval(SETTLE, 1, slots, member).catch(() => {});
        };
      }
      this.observer.waited?.(name, waitMs, this.keyPrefix);
      await this.clock.sleep(waitMs, signal);
    }
  }

  async block(method: string, path: string, resetAt: number): Promise<void> {
    const name = this.ruleFor(method, path)?.name ?? ANY;
    const delayMs = Math.max(1, Math.ceil(resetAt - this.clock.now()));
    this.observer.blocked?.(name, delayMs, this.keyPrefix);
    await this.redis.eval(BLOCK, 1, `${this.keyPrefix}:block:${name}`, delayMs);
  }
}

/** A stable, secret-free name for a credential: every connection using it shares one budget. */
export function credentialKey(provider: string, credentials: Record<string, unknown>): string {
  const canonical = JSON.stringify(
    Object.keys(credentials)
      .sort()
      .map((key) => [key, credentials[key]]),
  );
  return createHash('sha256').update(`${provider}\n${canonical}`).digest('base64url').slice(0, 22);
}

/** The factory core's HttpClient calls with the provider's rules (see `ConnectOptions.rateLimiter`). */
export function redisRateLimiterFactory(
  redis: Redis,
  keyPrefix: string,
  observer?: RateBudgetObserver,
): RateLimiterFactory {
  return (rules, clock) => new RedisRateLimiter(redis, keyPrefix, rules, clock, observer);
}
