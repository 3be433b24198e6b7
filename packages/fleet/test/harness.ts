import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { KeyRing } from '../src/index.js';

export const POSTGRES_ADMIN_URL = process.env.HRKIT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.HRKIT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Fixed operator keys: tests are deterministic, and never real. */
export const KEY_A = { id: 'k1', key: Buffer.alloc(32, 1) };
export const KEY_B = { id: 'k2', key: Buffer.alloc(32, 2) };
export const keys = (...ring: { id: string; key: Buffer }[]) => new KeyRing(ring.length ? ring : [KEY_A]);

/** A name no other run uses: database names and BullMQ prefixes of parallel runs never collide. */
export function uniqueName(kind: string): string {
  return `hrkit_${kind}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the local PostgreSQL, dropped (with its connections) after the test. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = uniqueName('fleet');
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Deletes every Redis key under a test's prefix. */
export async function cleanRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (found.length > 0) await redis.del(...found);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Bounded polling of state (a database row, a queue count): the condition is checked until it holds or the bound
 * is reached. No assertion depends on how long anything takes, only on the state reached.
 */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | false | null | undefined>,
  { timeoutMs = 45_000, everyMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
