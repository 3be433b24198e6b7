import { describe, expect, it } from 'vitest';
import { seededRandom, VirtualClock } from '../src/testing/index.js';

describe('VirtualClock', () => {
  it('advances time by each sequential sleep and records it', async () => {
    const clock = new VirtualClock(100);
    await clock.sleep(250);
    await clock.sleep(0);
    await clock.sleep(1000);
    expect(clock.now()).toBe(1350);
    expect(clock.sleeps).toEqual([250, 0, 1000]);
  });

  it('lets concurrent sleepers share the wait, as real timers would', async () => {
    const clock = new VirtualClock();
    const woke = await Promise.all([1000, 1000, 400].map((ms) => clock.sleep(ms).then(() => clock.now())));
    expect(clock.now()).toBe(1000);
    expect(Math.max(...woke)).toBe(1000);
  });
});

describe('seededRandom', () => {
  it('repeats the same sequence for the same seed, within [0, 1)', () => {
    const first = Array.from({ length: 5 }, seededRandom(3));
    const again = Array.from({ length: 5 }, seededRandom(3));
    const other = Array.from({ length: 5 }, seededRandom(4));
    expect(first).toEqual(again);
    expect(first).not.toEqual(other);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });
});
