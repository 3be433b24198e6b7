import { describe, expect, it } from 'vitest';
import { MemorySyncStore } from '../src/index.js';
import { FakeCompany, HIBOB_LIKE, syncHarness } from '../src/testing/index.js';

// Issue 17 (docs/performance.md, "Sync (issue 17)"): a sync's CPU overlaps the provider's waits. Observed here through
// the fake provider's read counters at the moment the engine writes its first batch — no timing involved.
describe('the sync reads ahead of its writes', () => {
  it('reads the employee listing ahead while a batch is written', async () => {
    const company = new FakeCompany();
    for (let i = 1; i <= 40; i += 1) company.addEmployee(String(i).padStart(2, '0'));
    const run = syncHarness(new MemorySyncStore(), HIBOB_LIKE, company);
    let listedWhileWritingFirstBatch: number | null = null;
    await run.sync({
      batchSize: 5,
      onProgress: (progress) => {
        if (progress.phase === 'employees' && progress.processed === 5)
          listedWhileWritingFirstBatch = company.calls.employeeListed ?? 0;
      },
    });
    // Plain batching reads exactly one batch before writing it; read-ahead has gone on (at most 4 batches ahead).
    expect(listedWhileWritingFirstBatch).toBeGreaterThan(5);
    expect(listedWhileWritingFirstBatch).toBeLessThanOrEqual(5 + 4 * 5 + 1);
  });

  it('applies the first time-off batch while later cancellations are still being confirmed', async () => {
    const company = new FakeCompany();
    company.addEmployee('1');
    for (let i = 1; i <= 30; i += 1) company.addRequest(`r${i}`, '1', { status: { value: 'cancelled', source: null } });
    const run = syncHarness(new MemorySyncStore(), HIBOB_LIKE, company);
    let confirmedWhileWritingFirstBatch: number | null = null;
    await run.sync({
      batchSize: 3,
      onProgress: (progress) => {
        if (progress.phase === 'time_off' && progress.processed === 1)
          confirmedWhileWritingFirstBatch = company.calls.getTimeOffRequest ?? 0;
      },
    });
    // Every feed `cancelled` is confirmed by a read (docs/sync.md); they no longer all finish before the first write.
    expect(company.calls.getTimeOffRequest).toBe(30);
    expect(confirmedWhileWritingFirstBatch).toBeGreaterThanOrEqual(3);
    expect(confirmedWhileWritingFirstBatch).toBeLessThan(30);
  });
});

describe('a no-change re-sync compares fingerprints only', () => {
  it('never reads the stored data of an unchanged record', async () => {
    const store = new MemorySyncStore();
    let dataReads = 0;
    // Count reads of `data` on every record the engine gets from the store inside its units of work.
    const counting: typeof store = Object.create(store);
    counting.transaction = (fn) =>
      store.transaction((unit) =>
        fn({
          ...unit,
          getRecord: async (connectionId, entity, id) => {
            const record = await unit.getRecord(connectionId, entity, id);
            if (!record) return record;
            const data = record.data;
            return Object.defineProperty({ ...record }, 'data', {
              enumerable: true,
              get: () => {
                dataReads += 1;
                return data;
              },
            });
          },
        }),
      );
    const company = new FakeCompany();
    for (let i = 1; i <= 10; i += 1) company.addEmployee(String(i));
    for (let i = 1; i <= 10; i += 1) company.addRequest(`r${i}`, String(i));
    const run = syncHarness(counting, HIBOB_LIKE, company);
    await run.sync();
    dataReads = 0;
    const again = await run.sync({ full: true });
    expect(again.newEvents).toBe(0);
    expect(dataReads).toBe(0);
  });
});
