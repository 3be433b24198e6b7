import { MemoryLogger } from '@hrkit/core/testing';
import { HiBobClient, type HiBobReadContext } from '../src/internal.js';
import type { PaySandbox, PaySandboxCredential } from '../src/sandbox/pay/index.js';

/** A read context against the standalone pay sandbox: no retries, no client-side limits, a MemoryLogger. */
export function payContext(
  sandbox: PaySandbox,
  credential: PaySandboxCredential = sandbox.full,
): HiBobReadContext & { logger: MemoryLogger; http: HiBobClient['http'] } {
  const logger = new MemoryLogger();
  const client = new HiBobClient({
    config: { serviceUserId: credential.serviceUserId, token: credential.token, baseUrl: sandbox.url },
    logger,
    rateLimits: false,
    retryLimit: 0,
  });
  return { client, logger, http: client.http };
}

export async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of source) items.push(item);
  return items;
}

/** Collect what a stream yields before it throws, and the error. */
export async function collectUntilError<T>(source: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of source) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

/** The query of a recorded hit as an object, without the cursor. */
export function filtersOf(query: string): Record<string, string[]> {
  const params = new URLSearchParams(query);
  params.delete('cursor');
  const out: Record<string, string[]> = {};
  for (const key of [...new Set(params.keys())].sort()) out[key] = params.getAll(key);
  return out;
}
