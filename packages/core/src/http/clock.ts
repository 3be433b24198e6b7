/** Time as the toolkit sees it: injectable so tests of backoff and rate limits never really wait. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason ?? new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

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

/** Seeded PRNG (mulberry32) for jitter and fault injection: same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
