import type { Clock } from '@hrkit/core';

/**
 * Real time that skips every wait: `sleep` returns at once and moves `now` forward by the wait. Retry backoff and
 * Retry-After waits cost nothing, while request timeouts (real timers in the HTTP stack) still fire.
 */
export class SkippingClock implements Clock {
  /** Every wait asked for, in order. */
  readonly sleeps: number[] = [];
  private skipped = 0;

  now(): number {
    return Date.now() + this.skipped;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
    this.sleeps.push(ms);
    this.skipped += Math.max(0, ms);
  }
}
