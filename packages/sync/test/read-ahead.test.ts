import { describe, expect, it } from 'vitest';
import { startWithConcurrency } from '../src/batches.js';
import { readAheadBatches } from '../src/read-ahead.js';

/** A source that counts what was pulled from it and whether it was closed; `failAt` throws instead of that item. */
function counted(count: number, failAt: number | null = null) {
  const state = { pulled: 0, closed: false };
  async function* source() {
    try {
      for (let i = 1; i <= count; i += 1) {
        await Promise.resolve();
        if (i === failAt) throw new Error(`source failed at ${i}`);
        state.pulled = i;
        yield i;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, source: source() };
}

/** Let every pending microtask and the next macrotask run (no timers: setImmediate only yields the event loop). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('readAheadBatches', () => {
  it('hands out the batches plain batching would, in order', async () => {
    const { source } = counted(7);
    const grouped: number[][] = [];
    for await (const batch of readAheadBatches(source, 3, 6)) grouped.push(batch);
    expect(grouped).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('keeps reading while the caller works on a batch, never more than `ahead` records', async () => {
    const { state, source } = counted(100);
    const batches = readAheadBatches(source, 5, 20);
    const first = await batches.next();
    expect(first.value).toEqual([1, 2, 3, 4, 5]);
    // The caller is busy with its first batch: the source has gone on (for an adapter, its next request is out).
    await settle();
    expect(state.pulled).toBe(25);
    await batches.return(undefined);
    expect(state.closed).toBe(true);
  });

  it('gives the batches completed before a failure, then the error, never a partial batch', async () => {
    const { source } = counted(20, 9);
    const grouped: number[][] = [];
    await expect(async () => {
      for await (const batch of readAheadBatches(source, 3, 12)) grouped.push(batch);
    }).rejects.toThrow('source failed at 9');
    expect(grouped).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('closes the source when the caller stops early', async () => {
    const { state, source } = counted(100);
    await expect(async () => {
      for await (const batch of readAheadBatches(source, 4, 8)) if (batch[0] === 5) throw new Error('caller failed');
    }).rejects.toThrow('caller failed');
    expect(state.closed).toBe(true);
    expect(state.pulled).toBeLessThan(100);
  });
});

describe('startWithConcurrency', () => {
  it('resolves each item in input order with at most `limit` calls in flight, and stops on request', async () => {
    let inFlight = 0;
    let peak = 0;
    const calls: number[] = [];
    const { results, stop } = startWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (n) => {
      calls.push(n);
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      for (let turn = 0; turn < 7 - n; turn += 1) await Promise.resolve();
      inFlight -= 1;
      if (n === 3) throw new Error('three');
      return n * 10;
    });
    expect(await results[0]).toBe(10);
    await expect(results[2]).rejects.toThrow('three');
    expect(await Promise.all([results[3], results[4], results[5]])).toEqual([40, 50, 60]);
    expect(peak).toBe(2);
    expect(calls).toEqual([1, 2, 3, 4, 5, 6]);
    stop();
  });

  it('starts no further call once stopped', async () => {
    const calls: number[] = [];
    const { stop } = startWithConcurrency([1, 2, 3, 4], 2, async (n) => {
      calls.push(n);
      await Promise.resolve();
      return n;
    });
    stop();
    await settle();
    expect(calls).toEqual([1, 2]);
  });
});
