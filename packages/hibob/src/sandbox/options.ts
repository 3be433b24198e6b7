import type { Clock } from '@hrkit/core';
import type { LatencyOption, SandboxOptions } from '@hrkit/sandbox-kit';
import type { ServiceUserSpec } from './access/service-users.js';
import type { HiBobSandboxExtension } from './extension.js';
import type { WafOptions } from './http/waf.js';
import type { HiBobCompanyData } from './state/types.js';

export interface HiBobSandboxOptions extends SandboxOptions {
  /** Artificial latency per response (fixed ms or a seeded range). Default none. */
  latencyMs?: LatencyOption;
  /**
   * Waits before webhook retries. Default `[10, 20, 40]` ms; `HIBOB_PARTNER_RETRY_SCHEDULE_MS`
   * (1, 10, 20, 40, 80, 160 minutes) is HiBob's documented partner schedule.
   */
  webhookRetryScheduleMs?: readonly number[];
  /** Extra service users created at start (besides the full-access and restricted ones). */
  serviceUsers?: ServiceUserSpec[];
  /**
   * Time source for rate-limit windows, "today", change timestamps and webhook `triggeredAt`.
   * Pass a `VirtualClock` to test windows without waiting. Default: starts at `now` and runs in real time.
   */
  clock?: Clock;
  /** Send `Retry-After` with 429s (whether HiBob does is UNKNOWN). Default false. */
  retryAfterHeader?: boolean;
  /** Extensions for this sandbox only, on top of `BUILT_IN_EXTENSIONS`. */
  extensions?: readonly HiBobSandboxExtension[];
  /** Require this token (header `x-sandbox-admin-token`) on `/_sandbox/…`. Default none. */
  adminToken?: string;
  /** Simulate HiBob's WAF block after repeated 401/403 (thresholds UNKNOWN in HiBob). Default off. */
  waf?: WafOptions;
  /** Serve this company instead of generating one. */
  company?: HiBobCompanyData;
}
