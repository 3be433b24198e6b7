import type { Clock } from '../http/clock.js';
import type { Logger } from '../http/logger.js';
import type { NetworkPolicy } from '../http/network-policy.js';
import type { RateLimiterFactory } from '../http/rate-limiter.js';

/**
 * Framework-level options of one connection, the same for every provider. `allowPrivateNetwork` and `allowedHosts`
 * (from NetworkPolicy) widen where the connection may send credentials: set them in the product's code, never
 * from a tenant's input (docs/security.md › Base URL policy).
 */
export interface ConnectOptions extends NetworkPolicy {
  /** Allow pay reads (compensation, payroll history). Default false. */
  includeCompensation?: boolean;
  /** Allow bank account and national/tax identifier reads (with `includeSensitive` on the read). Default false. */
  includeFinancial?: boolean;
  /** Allow attendance reads. Default false. */
  includeAttendance?: boolean;
  logger?: Logger;
  /** Switch off client-side rate limiting (e.g. against a sandbox with limits off). Default true. */
  rateLimits?: boolean;
  /** Who enforces the provider's allowances: default in-process; `@hrkit/fleet` shares one budget via Redis. */
  rateLimiter?: RateLimiterFactory;
  /** Injected time source (tests, benchmarks). */
  clock?: Clock;
  /** Request timeout for every HTTP call, ms. */
  timeoutMs?: number;
  /** Retries per call after the first attempt. */
  retryLimit?: number;
}
