import { type Clock, type RateLimitRule } from '@hrkit/core';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RedisRateLimiter } from '../src/index.js';
import { cleanRedisPrefix, REDIS_URL, uniqueName } from './harness.js';

/** A clock whose sleeps are recorded and never taken: the test asks the limiter "how long would you wait?". */
class RefusingClock implements Clock {
  readonly sleeps: number[] = [];
  now(): number {
    return Date.now();
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    throw new Error('would wait');
  }
}

const rule: RateLimitRule = {
  name: 'people.search',
  method: 'POST',
  path: /^\/v1\/people\/search$/,
  limit: 3,
  windowMs: 60_000,
};
let redis: Redis;
let prefix: string;
beforeAll(() => {
  redis = new Redis(REDIS_URL);
});
afterAll(() => redis.disconnect());
afterEach(() => cleanRedisPrefix(prefix));

function workers(count: number) {
  prefix = uniqueName('rl');
  return Array.from({ length: count }, () => {
    const clock = new RefusingClock();
    return { clock, limiter: new RedisRateLimiter(redis, `${prefix}:cred`, [rule], clock) };
  });
}

describe('the shared Redis rate budget', () => {
  it('lets N requests of one credential through across every worker, and makes the next one wait for the window', async () => {
    const [a, b, c] = workers(3);
    await a!.limiter.acquire('POST', '/v1/people/search');
    await b!.limiter.acquire('POST', '/v1/people/search');
    await c!.limiter.acquire('POST', '/v1/people/search');
    await expect(a!.limiter.acquire('POST', '/v1/people/search')).rejects.toThrow('would wait');
    expect(a!.clock.sleeps).toHaveLength(1);
    expect(a!.clock.sleeps[0]).toBeGreaterThan(50_000);
    expect(a!.clock.sleeps[0]).toBeLessThanOrEqual(60_000);
    // Another endpoint family has its own budget; requests under no rule are not counted.
    await a!.limiter.acquire('GET', '/v1/company/people/fields');
  });

  it('a 429 seen by one worker holds back every worker until its reset', async () => {
    const [a, b] = workers(2);
    await a!.limiter.block('POST', '/v1/people/search', Date.now() + 30_000);
    await expect(b!.limiter.acquire('POST', '/v1/people/search')).rejects.toThrow('would wait');
    expect(b!.clock.sleeps[0]).toBeGreaterThan(25_000);
    expect(b!.clock.sleeps[0]).toBeLessThanOrEqual(30_000);
    // A 429 on a path under no rule (BambooHR publishes none) blocks the whole credential.
    await a!.limiter.block('GET', '/v1/employees/directory', Date.now() + 10_000);
    await expect(b!.limiter.acquire('GET', '/v1/employees/1')).rejects.toThrow('would wait');
  });

  it('keeps a slot until the answer arrives', async () => {
    const [a] = workers(1);
    const settles = [];
    for (let index = 0; index < 3; index++) settles.push(await a!.limiter.acquire('POST', '/v1/people/search'));
    const before = await redis.zrange(`${prefix}:cred:slots:people.search`, 0, -1, 'WITHSCORES');
    await new Promise((resolve) => setTimeout(resolve, 5));
    settles[0]!();
    const slotKey = `${prefix}:cred:slots:people.search`;
    const first = before[0]!;
    // Bounded polling of the stored state: the settle is fire-and-forget.
    for (let tries = 0; tries < 100 && (await redis.zscore(slotKey, first)) === before[1]; tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(Number(await redis.zscore(slotKey, first))).toBeGreaterThan(Number(before[1]));
  });
});
