import { ConfigurationError } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INBOX_LIMITS, InboxBackpressure, type InboxDepth } from '../src/index.js';

const depths = (pending: Record<string, number>) => ({
  inboxDepth: async (connectionId: string): Promise<InboxDepth> => ({
    pending: pending[connectionId] ?? 0,
    dead: 0,
    oldestPendingAt: null,
  }),
});

describe('InboxBackpressure', () => {
  it('refuses a connection at its limit with 503 and Retry-After, and lets the others through', async () => {
    const backpressure = new InboxBackpressure(depths({ full: 3, almost: 2 }), { maxPending: 3, retryAfterSeconds: 7 });
    expect(await backpressure.refusal('full')).toEqual({
      status: 503,
      headers: { 'retry-after': '7' },
      body: { error: 'inbox full, retry later' },
      pending: 3,
    });
    expect(await backpressure.refusal('almost')).toBeNull();
    expect(await backpressure.refusal('empty')).toBeNull();
    expect(backpressure.retryAfterHeader()).toEqual({ 'retry-after': '7' });
  });

  it('defaults to 10,000 pending and 30 s', () => {
    expect(new InboxBackpressure(depths({})).limits).toEqual({ maxPending: 10_000, retryAfterSeconds: 30 });
    expect(DEFAULT_INBOX_LIMITS).toEqual({ maxPending: 10_000, retryAfterSeconds: 30 });
  });

  it('refuses limits that are not whole numbers of at least 1, naming the field', () => {
    for (const [limits, field] of [
      [{ maxPending: 0 }, 'maxPending'],
      [{ maxPending: 2.5 }, 'maxPending'],
      [{ retryAfterSeconds: -1 }, 'retryAfterSeconds'],
      [{ retryAfterSeconds: Number.NaN }, 'retryAfterSeconds'],
    ] as const) {
      const error = (() => {
        try {
          new InboxBackpressure(depths({}), limits);
        } catch (caught) {
          return caught;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ field, message: `inbox limits: ${field} must be a whole number of at least 1` });
    }
  });
});
