import { ConfigurationError } from '../errors/errors.js';
import { type Clock, systemClock } from './clock.js';

/** A documented per-endpoint allowance, e.g. HiBob's 50 requests/minute on `POST /people/search`. */
export interface RateLimitRule {
  /** Name used in logs and bench output. */
  name: string;
  /** Which requests count against it. */
  method?: string;
  path: RegExp;
  /** Allowed requests per window. */
  limit: number;
  /** Window length, default one minute. */
  windowMs?: number;
}

/**
 * Client-side sliding-window limiter: waits before a request would exceed a documented allowance, so a
 * large sync never trips a 429 storm. One limiter per connection (provider limits are per credential).
 */
export class RateLimiter {
  /** Send times per rule name, oldest first. Mutated in place: sleeping acquirers hold the same array. */
  private readonly sent = new Map<string, number[]>();
  /** Per rule name: the provider said (429 + reset) that nothing under the rule passes before this instant. */
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly rules: readonly RateLimitRule[],
    private readonly clock: Clock = systemClock,
  ) {
    rules.forEach(validateRule);
  }

  ruleFor(method: string, path: string): RateLimitRule | undefined {
    return this.rules.find((rule) => (!rule.method || rule.method === method) && rule.path.test(path));
  }

  /** Resolves when one more request under `method path` fits the window; records it. */
  async acquire(method: string, path: string, signal?: AbortSignal): Promise<void> {
    const rule = this.ruleFor(method, path);
    if (!rule) return;
    const windowMs = rule.windowMs ?? 60_000;
    const times = this.timesOf(rule.name);
    // Re-check after every sleep: other requests may have taken the slot, or a 429 may have blocked the rule.
    for (;;) {
      const now = this.clock.now();
      const blockedUntil = this.blockedUntil.get(rule.name) ?? Number.NEGATIVE_INFINITY;
      if (blockedUntil > now) {
        await this.clock.sleep(blockedUntil - now, signal);
        continue;
      }
      while (times.length > 0 && times[0]! <= now - windowMs) times.shift();
      if (times.length < rule.limit) {
        times.push(now);
        return;
      }
      await this.clock.sleep(times[0]! + windowMs - now, signal);
    }
  }

  /** The provider said the window is exhausted until `resetAt`: hold back every request under the rule. */
  block(method: string, path: string, resetAt: number): void {
    const rule = this.ruleFor(method, path);
    if (!rule) return;
    this.blockedUntil.set(rule.name, Math.max(resetAt, this.blockedUntil.get(rule.name) ?? resetAt));
  }

  private timesOf(name: string): number[] {
    let times = this.sent.get(name);
    if (!times) {
      times = [];
      this.sent.set(name, times);
    }
    return times;
  }
}

/** A zero limit or window would make `acquire` spin or wait forever: refuse it where the rule is declared. */
function validateRule(rule: RateLimitRule, index: number): void {
  const where = `rateLimits[${index}] ("${rule.name}")`;
  if (!Number.isInteger(rule.limit) || rule.limit < 1)
    throw new ConfigurationError(`${where}: limit must be a whole number of requests >= 1 (got ${rule.limit})`, {
      field: `rateLimits[${index}].limit`,
    });
  if (rule.windowMs !== undefined && !(Number.isFinite(rule.windowMs) && rule.windowMs > 0))
    throw new ConfigurationError(
      `${where}: windowMs must be a positive number of milliseconds (got ${rule.windowMs})`,
      {
        field: `rateLimits[${index}].windowMs`,
      },
    );
}
