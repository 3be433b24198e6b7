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
 * What HttpClient needs from a rate limiter. The in-process `RateLimiter` is the default; a budget shared by
 * several processes (e.g. `@hrkit/fleet`'s Redis limiter, one budget per credential for every worker) plugs in
 * through `rateLimiter` in `HttpClientOptions` / `ConnectOptions`.
 */
export interface RequestRateLimiter {
  /** Resolves when one more request fits; call the returned `settle` when its answer arrives. */
  acquire(method: string, path: string, signal?: AbortSignal): Promise<() => void>;
  /** The provider answered 429 with a reset: hold back the requests it covers until `resetAt` (ms). */
  block(method: string, path: string, resetAt: number): void | Promise<void>;
}

/** Builds one client's limiter from its provider's documented rules. */
export type RateLimiterFactory = (rules: readonly RateLimitRule[], clock: Clock) => RequestRateLimiter;

/**
 * Client-side sliding-window limiter: waits before a request would exceed a documented allowance, so a
 * large sync never trips a 429 storm. One limiter per connection (provider limits are per credential).
 */
export class RateLimiter implements RequestRateLimiter {
  /**
   * Per rule name, one slot per request in the window: the instant it counts from. Mutated in place: sleeping
   * acquirers hold the same array.
   */
  private readonly sent = new Map<string, { at: number }[]>();
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

  /**
   * Resolves when one more request under `method path` fits the window, and records it. Call the returned
   * `settle` when the answer arrives: the provider counts the request when it *arrives*, somewhere between our
   * send and our receipt of the answer, so counting it until the answer keeps our window at least as strict as
   * the provider's (counting from the send let a bench see 51 arrivals in one of HiBob's 50/min windows).
   */
  async acquire(method: string, path: string, signal?: AbortSignal): Promise<() => void> {
    const rule = this.ruleFor(method, path);
    if (!rule) return () => {};
    const windowMs = rule.windowMs ?? 60_000;
    const slots = this.slotsOf(rule.name);
    // Re-check after every sleep: other requests may have taken the slot, or a 429 may have blocked the rule.
    for (;;) {
      const now = this.clock.now();
      const blockedUntil = this.blockedUntil.get(rule.name) ?? Number.NEGATIVE_INFINITY;
      if (blockedUntil > now) {
        await this.clock.sleep(blockedUntil - now, signal);
        continue;
      }
      for (let index = slots.length - 1; index >= 0; index--)
        if (slots[index]!.at <= now - windowMs) slots.splice(index, 1);
      if (slots.length < rule.limit) {
        const slot = { at: now };
        slots.push(slot);
        return () => {
          slot.at = Math.max(slot.at, this.clock.now());
        };
      }
      const oldest = Math.min(...slots.map((slot) => slot.at));
      await this.clock.sleep(oldest + windowMs - now, signal);
    }
  }

  /** The provider said the window is exhausted until `resetAt`: hold back every request under the rule. */
  block(method: string, path: string, resetAt: number): void {
    const rule = this.ruleFor(method, path);
    if (!rule) return;
    this.blockedUntil.set(rule.name, Math.max(resetAt, this.blockedUntil.get(rule.name) ?? resetAt));
  }

  private slotsOf(name: string): { at: number }[] {
    let slots = this.sent.get(name);
    if (!slots) {
      slots = [];
      this.sent.set(name, slots);
    }
    return slots;
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
