import type { NowClock } from '@hrkit/sandbox-kit';

/**
 * HiBob's WAF blocks callers after repeated 401/403 answers (hibob-api.md §1, pitfall 14). The real
 * thresholds are UNKNOWN, so the simulation is off unless a test switches it on with its own numbers.
 */
export interface WafOptions {
  /** 401/403 answers within `windowMs` that trigger a block. */
  threshold: number;
  /** Default 60 s. */
  windowMs?: number;
  /** How long the caller stays blocked; default 5 minutes. */
  blockMs?: number;
}

export class WafSimulator {
  private readonly failures = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();
  blockedRequests = 0;

  constructor(
    private readonly options: WafOptions,
    private readonly clock: NowClock,
  ) {}

  isBlocked(caller: string): boolean {
    const until = this.blockedUntil.get(caller);
    if (until === undefined || until <= this.clock.now()) return false;
    this.blockedRequests++;
    return true;
  }

  recordFailure(caller: string): void {
    const now = this.clock.now();
    const windowMs = this.options.windowMs ?? 60_000;
    const times = (this.failures.get(caller) ?? []).filter((time) => time > now - windowMs);
    times.push(now);
    this.failures.set(caller, times);
    if (times.length >= this.options.threshold) {
      this.blockedUntil.set(caller, now + (this.options.blockMs ?? 300_000));
      this.failures.delete(caller);
    }
  }
}
