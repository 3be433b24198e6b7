import { describe, expect, it } from 'vitest';
import { arrayBatches, batches, mapWithConcurrency } from '../src/batches.js';

describe('batching helpers', () => {
  it('groups streams and arrays into bounded batches', async () => {
    async function* numbers() {
      for (let i = 1; i <= 7; i += 1) yield i;
    }
    const grouped: number[][] = [];
    for await (const batch of batches(numbers(), 3)) grouped.push(batch);
    expect(grouped).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect([...arrayBatches([1, 2, 3, 4], 2)]).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('maps with at most `limit` calls in flight and keeps input order', async () => {
    let inFlight = 0;
    let peak = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 6], 2, async (n) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      for (let turn = 0; turn < n; turn += 1) await Promise.resolve();
      inFlight -= 1;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 60]);
    expect(peak).toBe(2);
  });
});
