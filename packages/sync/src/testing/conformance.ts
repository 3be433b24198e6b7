import type { CapabilityName, ChangeEvent } from '@hrkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { drainEvents } from '../outbox.js';
import { emptyState, type StoredRecord, type SyncStore, type SyncUnitOfWork } from '../store.js';
import { BAMBOO_LIKE, HIBOB_LIKE } from './fake-company.js';
import { changingCompany, storeSnapshot, syncHarness } from './harness.js';

/** A freshly opened, empty store, and (optionally) how to remove what opening it created. */
export type OpenedStore = SyncStore | { store: SyncStore; cleanup?: () => Promise<void> | void };

/**
 * Opens a new, empty store. Called once per test (and several times by the crash tests), so each call must give
 * a store that shares nothing with the previous ones: a new file, schema or database.
 */
export type OpenStore = () => OpenedStore | Promise<OpenedStore>;

async function openFresh(open: OpenStore): Promise<{ store: SyncStore; dispose: () => Promise<void> }> {
  const opened = await open();
  const { store, cleanup } = 'transaction' in opened ? { store: opened, cleanup: undefined } : opened;
  return {
    store,
    dispose: async () => {
      await store.close();
      await cleanup?.();
    },
  };
}

function row(id: string, patch: Partial<StoredRecord> = {}): StoredRecord {
  return {
    entity: 'employee',
    id: `fake:${id}`,
    remoteId: id,
    employeeId: `fake:${id}`,
    fingerprint: `fp-${id}`,
    version: 1,
    data: {
      name: id,
      nested: { n: 1.5, list: [1, 'two', null, { deep: true }], empty: {} },
      // Characters that need escaping in JSON, SQL and array literals.
      tricky: 'Zoë Ørsted – 東京 😀 say "hi" \\ {a,b} \'quoted\' \n\t',
    },
    deleted: false,
    syncedAt: '2026-06-01T00:00:00.000Z',
    ...patch,
  };
}

function event(id: string, patch: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    id,
    provider: 'fake',
    entity: 'employee',
    action: 'created',
    entityId: 'fake:1',
    remoteId: '1',
    employeeId: 'fake:1',
    occurredAt: null,
    detectedAt: '2026-06-01T00:00:00.000Z',
    origin: 'sync',
    changedFields: [],
    previousRemoteId: null,
    providerEventType: null,
    ...patch,
  };
}

/**
 * The contract every `SyncStore` must meet, as a vitest suite: state and records round-trip, a unit of work that
 * throws leaves nothing behind, the outbox keeps write order and ignores duplicate ids, transactions of one store
 * never interleave, and a sync killed after any record resumes to exactly the state and events of an
 * uninterrupted run. A store proves itself in three lines:
 *
 * ```ts
 * import { describeSyncStoreConformance } from '@hrkit/sync/testing';
 * describeSyncStoreConformance('my store', () => new MyStore(freshLocation()));
 * ```
 *
 * Requires vitest (an optional peer of `@hrkit/sync`, needed by this subpath only). See docs/sync.md.
 */
export function describeSyncStoreConformance(name: string, openStore: OpenStore): void {
  describe(`SyncStore conformance: ${name}`, () => {
    let store: SyncStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await openFresh(openStore));
    });
    afterEach(async () => {
      await dispose();
    });

    it('starts empty and round-trips state per connection', async () => {
      expect(await store.getState('a')).toEqual(emptyState());
      expect(await store.listRecords('a', 'employee')).toEqual([]);
      expect(await store.listEvents('a')).toEqual([]);
      const state = {
        lastFullSyncAt: '2026-06-01T00:00:00.000Z',
        lastSyncAt: '2026-06-01T01:00:00.000Z',
        cursors: { x: 'y', 'timeOff.requestChanges': '2026-06-01T00:30:00.000Z' },
      };
      await store.transaction((unit) => unit.putState('a', state));
      expect(await store.getState('a')).toEqual(state);
      expect(await store.getState('b')).toEqual(emptyState());
      const next = { ...state, lastSyncAt: '2026-06-01T02:00:00.000Z', cursors: {} };
      await store.transaction((unit) => unit.putState('a', next));
      expect(await store.getState('a')).toEqual(next);
    });

    it('upserts records, lists them ordered by id, and hides deleted ones unless asked', async () => {
      await store.transaction(async (unit) => {
        await unit.putRecord('a', row('2'));
        await unit.putRecord('a', row('1'));
        await unit.putRecord('a', row('3', { deleted: true }));
        await unit.putRecord('a', row('10'));
        await unit.putRecord('other', row('9'));
        await unit.putRecord('a', row('r1', { entity: 'time_off_request', employeeId: 'fake:1' }));
      });
      // Ordered by id as plain code-unit comparison ('fake:10' < 'fake:2'), the same in every store.
      expect((await store.listRecords('a', 'employee')).map((r) => r.id)).toEqual(['fake:1', 'fake:10', 'fake:2']);
      expect(await store.listLiveIds('a', 'employee')).toEqual(['fake:1', 'fake:10', 'fake:2']);
      expect((await store.listRecords('a', 'employee', { includeDeleted: true })).map((r) => r.id)).toEqual([
        'fake:1',
        'fake:10',
        'fake:2',
        'fake:3',
      ]);
      expect((await store.listRecords('a', 'time_off_request')).map((r) => r.id)).toEqual(['fake:r1']);
      expect(await store.listRecords('other', 'employee')).toEqual([row('9')]);
      await store.transaction((unit) =>
        unit.putRecord('a', row('1', { fingerprint: 'changed', version: 2, employeeId: null, deleted: true })),
      );
      expect(await store.getRecord('a', 'employee', 'fake:1')).toEqual(
        row('1', { fingerprint: 'changed', version: 2, employeeId: null, deleted: true }),
      );
      expect(await store.getRecord('a', 'time_off_request', 'fake:1')).toBeNull();
      expect(await store.getRecord('b', 'employee', 'fake:1')).toBeNull();
    });

    it('sees its own writes inside a unit of work, before it commits', async () => {
      await store.transaction(async (unit) => {
        await unit.putRecord('a', row('1'));
        await unit.appendEvent('a', event('e1'));
        await unit.putState('a', { ...emptyState(), cursors: { c: '1' } });
        expect(await unit.getRecord('a', 'employee', 'fake:1')).toEqual(row('1'));
        expect(await unit.listLiveIds('a', 'employee')).toEqual(['fake:1']);
        expect((await unit.listEvents('a')).map((e) => e.event.id)).toEqual(['e1']);
        expect((await unit.getState('a')).cursors).toEqual({ c: '1' });
      });
    });

    it('reads prefetched records and its own later writes consistently (prefetchRecords is an optional hint)', async () => {
      await store.transaction(async (unit) => {
        await unit.putRecord('a', row('1'));
        await unit.putRecord('a', row('2'));
      });
      await store.transaction(async (unit) => {
        await unit.prefetchRecords?.('a', 'employee', ['fake:1', 'fake:2', 'fake:3']);
        expect(await unit.getRecord('a', 'employee', 'fake:1')).toEqual(row('1'));
        expect(await unit.getRecord('a', 'employee', 'fake:3')).toBeNull();
        await unit.putRecord('a', row('1', { version: 2, fingerprint: 'v2' }));
        await unit.putRecord('a', row('3'));
        await unit.putRecord('a', row('2', { deleted: true }));
        expect(await unit.getRecord('a', 'employee', 'fake:1')).toEqual(row('1', { version: 2, fingerprint: 'v2' }));
        expect(await unit.getRecord('a', 'employee', 'fake:3')).toEqual(row('3'));
        expect(await unit.listLiveIds('a', 'employee')).toEqual(['fake:1', 'fake:3']);
        expect((await unit.listRecords('a', 'employee', { includeDeleted: true })).map((r) => r.version)).toEqual([
          2, 1, 1,
        ]);
        // A record written twice in one unit keeps the last write.
        await unit.putRecord('a', row('3', { version: 5 }));
      });
      expect((await store.listRecords('a', 'employee')).map((r) => [r.id, r.version])).toEqual([
        ['fake:1', 2],
        ['fake:3', 5],
      ]);
      // Prefetching in a unit that then throws leaves nothing behind.
      await expect(
        store.transaction(async (unit) => {
          await unit.prefetchRecords?.('a', 'employee', ['fake:4']);
          await unit.putRecord('a', row('4'));
          throw new Error('crash');
        }),
      ).rejects.toThrow('crash');
      expect(await store.getRecord('a', 'employee', 'fake:4')).toBeNull();
    });

    it('rolls back every write of a unit of work that throws, and stays usable', async () => {
      await store.transaction(async (unit) => {
        await unit.putRecord('a', row('1'));
        await unit.appendEvent('a', event('e1'));
      });
      await expect(
        store.transaction(async (unit) => {
          await unit.putRecord('a', row('1', { fingerprint: 'new' }));
          await unit.putRecord('a', row('2'));
          await unit.appendEvent('a', event('e2'));
          await unit.putState('a', { ...emptyState(), lastSyncAt: '2026-06-02T00:00:00.000Z' });
          await unit.markDelivered('a', ['e1'], '2026-06-02T00:00:00.000Z');
          throw new Error('crash');
        }),
      ).rejects.toThrow('crash');
      expect(await store.getRecord('a', 'employee', 'fake:1')).toEqual(row('1'));
      expect(await store.getRecord('a', 'employee', 'fake:2')).toBeNull();
      expect((await store.listEvents('a')).map((e) => [e.event.id, e.deliveredAt])).toEqual([['e1', null]]);
      expect(await store.getState('a')).toEqual(emptyState());
      // A rolled-back append frees its id, and the store is usable after a rollback.
      expect(await store.transaction((unit) => unit.appendEvent('a', event('e2')))).toBe(true);
      await store.transaction((unit) => unit.appendEvent('a', event('e3')));
      expect((await store.listEvents('a')).map((e) => e.event.id)).toEqual(['e1', 'e2', 'e3']);
    });

    it('returns the value of the unit of work', async () => {
      expect(await store.transaction(async () => 42)).toBe(42);
      expect(await store.transaction(async (unit) => unit.appendEvent('a', event('e1')))).toBe(true);
    });

    it('keeps the outbox in write order, ignores duplicate ids per connection, and tracks delivery', async () => {
      const appended = await store.transaction(async (unit) => [
        await unit.appendEvent('a', event('e1')),
        await unit.appendEvent('a', event('e2')),
        await unit.appendEvent('a', event('e1', { action: 'updated' })),
        await unit.appendEvent('b', event('e1')),
      ]);
      expect(appended).toEqual([true, true, false, true]);
      // A later transaction's duplicate is ignored too, and does not replace the stored event.
      expect(await store.transaction((unit) => unit.appendEvent('a', event('e2', { action: 'deleted' })))).toBe(false);
      expect((await store.listEvents('a')).map((e) => e.event)).toEqual([event('e1'), event('e2')]);
      await store.transaction((unit) => unit.markDelivered('a', ['e1', 'unknown'], '2026-06-02T00:00:00.000Z'));
      expect((await store.listEvents('a', { pendingOnly: true })).map((e) => e.event.id)).toEqual(['e2']);
      expect((await store.listEvents('a', { limit: 1 })).map((e) => e.deliveredAt)).toEqual([
        '2026-06-02T00:00:00.000Z',
      ]);
      expect((await store.listEvents('b', { pendingOnly: true })).map((e) => e.event.id)).toEqual(['e1']);
      // Marking again keeps the first delivery time.
      await store.transaction((unit) => unit.markDelivered('a', ['e1'], '2026-06-03T00:00:00.000Z'));
      expect((await store.listEvents('a', { limit: 1 }))[0]?.deliveredAt).toBe('2026-06-02T00:00:00.000Z');
    });

    it('queues events (queueEvent, optional) in call order with appended ones, deduplicated, gone on rollback', async () => {
      const queue = (unit: SyncUnitOfWork, connectionId: string, queued: ChangeEvent) =>
        unit.queueEvent ? unit.queueEvent(connectionId, queued) : unit.appendEvent(connectionId, queued);
      await store.transaction(async (unit) => {
        await queue(unit, 'a', event('e1'));
        await unit.appendEvent('a', event('e2'));
        await queue(unit, 'a', event('e3'));
        await queue(unit, 'a', event('e1', { action: 'updated' }));
        await queue(unit, 'b', event('e1'));
        // The unit reads its own queued events.
        expect((await unit.listEvents('a')).map((e) => e.event.id)).toEqual(['e1', 'e2', 'e3']);
        await queue(unit, 'a', event('e4'));
      });
      expect((await store.listEvents('a')).map((e) => e.event)).toEqual([
        event('e1'),
        event('e2'),
        event('e3'),
        event('e4'),
      ]);
      expect((await store.listEvents('b')).map((e) => e.event.id)).toEqual(['e1']);
      await expect(
        store.transaction(async (unit) => {
          await queue(unit, 'a', event('e5'));
          throw new Error('crash');
        }),
      ).rejects.toThrow('crash');
      expect((await store.listEvents('a')).map((e) => e.event.id)).toEqual(['e1', 'e2', 'e3', 'e4']);
    });

    it('numbers the outbox with increasing seq across transactions and connections', async () => {
      for (const [connection, id] of [
        ['a', 'e1'],
        ['b', 'e1'],
        ['a', 'e2'],
        ['a', 'e3'],
      ] as const)
        await store.transaction((unit) => unit.appendEvent(connection, event(id)));
      const seqs = (await store.listEvents('a')).map((e) => e.seq);
      expect(seqs).toHaveLength(3);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(3);
      expect(seqs.every(Number.isSafeInteger)).toBe(true);
      expect((await store.listEvents('a', { pendingOnly: true, limit: 2 })).map((e) => e.event.id)).toEqual([
        'e1',
        'e2',
      ]);
    });

    it('serializes concurrent transactions', async () => {
      const order: string[] = [];
      await Promise.all(
        ['x', 'y', 'z'].map((id) =>
          store.transaction(async (unit) => {
            order.push(`begin ${id}`);
            await unit.putRecord('a', row(id));
            await new Promise((resolve) => setImmediate(resolve));
            order.push(`end ${id}`);
          }),
        ),
      );
      expect(order).toEqual(['begin x', 'end x', 'begin y', 'end y', 'begin z', 'end z']);
      expect(await store.listLiveIds('a', 'employee')).toEqual(['fake:x', 'fake:y', 'fake:z']);
    });

    it('drains the outbox oldest first, once, across batches', async () => {
      await store.transaction(async (unit) => {
        for (let i = 1; i <= 5; i += 1) await unit.appendEvent('a', event(`e${i}`));
      });
      const seen: string[][] = [];
      const delivered = await drainEvents(store, 'a', (events) => void seen.push(events.map((e) => e.id)), {
        batchSize: 2,
        now: () => Date.parse('2026-06-02T00:00:00.000Z'),
      });
      expect(delivered).toBe(5);
      expect(seen).toEqual([['e1', 'e2'], ['e3', 'e4'], ['e5']]);
      expect(await drainEvents(store, 'a', () => {})).toBe(0);
    });

    it('syncs a company end to end, and a second sync of an unchanged company writes nothing new', async () => {
      const { company, change } = changingCompany();
      const h = syncHarness(store, HIBOB_LIKE, company);
      const first = await h.sync();
      expect(first.counts.employees.created).toBe(8);
      const before = await storeSnapshot(store);
      expect((await h.sync({ full: true })).newEvents).toBe(0);
      expect((await storeSnapshot(store)).events).toEqual(before.events);
      change(company);
      expect((await h.sync()).newEvents).toBeGreaterThan(5);
    });

    describe('crash and resume', () => {
      /** Run the scenario's second sync, crashing after `crashAfter` records (null: never), then resume once. */
      async function run(capabilities: readonly CapabilityName[], crashAfter: number | null) {
        const opened = await openFresh(openStore);
        try {
          const { company, change } = changingCompany();
          const h = syncHarness(opened.store, capabilities, company);
          await h.sync();
          change(company);
          let processed = 0;
          let crashed = false;
          const onProgress = () => {
            processed += 1;
            if (processed === crashAfter) {
              crashed = true;
              throw new Error(`crash after ${crashAfter}`);
            }
          };
          await h.sync({ onProgress }).catch((error: Error) => {
            if (!crashed) throw error;
          });
          if (crashed) await h.sync();
          return { crashed, processed, result: await storeSnapshot(opened.store) };
        } finally {
          await opened.dispose();
        }
      }

      for (const [kind, capabilities] of [
        ['feed-based time off, full employee listing', HIBOB_LIKE],
        ['employee changes feed, range-read time off', BAMBOO_LIKE],
      ] as const) {
        it(`ends in the same state with the same events as an uninterrupted run, wherever it crashes (${kind})`, async () => {
          const reference = await run(capabilities, null);
          expect(reference.crashed).toBe(false);
          expect(reference.result.events.length).toBeGreaterThan(12);
          // Every progress point of the second run, including the final deletion pass.
          for (let crashAfter = 1; crashAfter <= reference.processed; crashAfter += 1) {
            const resumed = await run(capabilities, crashAfter);
            expect(resumed.crashed, `crash point ${crashAfter}`).toBe(true);
            expect(resumed.result, `crash point ${crashAfter}`).toEqual(reference.result);
          }
        });
      }
    });
  });
}
