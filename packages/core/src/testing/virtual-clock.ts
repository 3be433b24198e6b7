import type { Clock } from '../http/clock.js';

/**
 * A clock whose sleep advances time at once and records every wait. A sleep wakes at "the time it was called
 * plus ms" (never moving time backwards), so concurrent sleepers share the wait as real timers would instead
 * of adding their waits up: three requests that each wait one minute for a rate-limit window wake together.
 */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private current = 0) {}
  now(): number {
    return this.current;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    const wakeAt = this.current + Math.max(0, ms);
    // Yield once so that sleepers started in the same tick all compute their wake time from the same "now".
    await Promise.resolve();
    this.current = Math.max(this.current, wakeAt);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
