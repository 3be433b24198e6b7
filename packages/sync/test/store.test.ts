import type { ChangeEvent } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { emptyState, type StoredRecord, type SyncStore } from '../src/index.js';
import { SqliteSyncStore } from '../src/sqlite/index.js';
import { freshStorePerTest, STORE_KINDS } from './stores.js';

function row(id: string, patch: Partial<StoredRecord> = {}): StoredRecord {
  return {
    entity: 'employee',
    id: `fake:${id}`,
    remoteId: id,
    employeeId: `fake:${id}`,
    fingerprint: `fp-${id}`,
    version: 1,
    data: { name: id, nested: { n: 1 } },
    deleted: false,
    syncedAt: '2026-06-01T00:00:00.000Z',
    ...patch,
  };
}

function event(id: string): ChangeEvent {
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
  };
}

describe.each(STORE_KINDS)('SyncStore contract: %s', (_kind, open) => {
  let store: SyncStore;
  freshStorePerTest(open, (opened) => {
    store = opened;
  });

  it('starts empty and round-trips state per connection', async () => {
    expect(await store.getState('a')).toEqual(emptyState());
    const state = {
      lastFullSyncAt: '2026-06-01T00:00:00.000Z',
      lastSyncAt: '2026-06-01T01:00:00.000Z',
      cursors: { x: 'y' },
    };
    await store.transaction((unit) => unit.putState('a', state));
    expect(await store.getState('a')).toEqual(state);
    expect(await store.getState('b')).toEqual(emptyState());
  });

  it('upserts records, lists them ordered by id, and hides deleted ones unless asked', async () => {
    await store.transaction(async (unit) => {
      await unit.putRecord('a', row('2'));
      await unit.putRecord('a', row('1'));
      await unit.putRecord('a', row('3', { deleted: true }));
      await unit.putRecord('other', row('9'));
    });
    expect((await store.listRecords('a', 'employee')).map((r) => r.id)).toEqual(['fake:1', 'fake:2']);
    expect(await store.listLiveIds('a', 'employee')).toEqual(['fake:1', 'fake:2']);
    expect((await store.listRecords('a', 'employee', { includeDeleted: true })).map((r) => r.id)).toEqual([
      'fake:1',
      'fake:2',
      'fake:3',
    ]);
    await store.transaction((unit) => unit.putRecord('a', row('1', { fingerprint: 'changed', version: 2 })));
    expect(await store.getRecord('a', 'employee', 'fake:1')).toEqual(row('1', { fingerprint: 'changed', version: 2 }));
    expect(await store.getRecord('a', 'time_off_request', 'fake:1')).toBeNull();
  });

  it('rolls back every write of a unit of work that throws', async () => {
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
    // The store is usable after a rollback.
    await store.transaction((unit) => unit.appendEvent('a', event('e3')));
    expect((await store.listEvents('a')).map((e) => e.event.id)).toEqual(['e1', 'e3']);
  });

  it('keeps the outbox in write order, ignores duplicate ids, and tracks delivery', async () => {
    const appended = await store.transaction(async (unit) => [
      await unit.appendEvent('a', event('e1')),
      await unit.appendEvent('a', event('e2')),
      await unit.appendEvent('a', event('e1')),
      await unit.appendEvent('b', event('e1')),
    ]);
    expect(appended).toEqual([true, true, false, true]);
    expect((await store.listEvents('a')).map((e) => e.event)).toEqual([event('e1'), event('e2')]);
    await store.transaction((unit) => unit.markDelivered('a', ['e1'], '2026-06-02T00:00:00.000Z'));
    expect((await store.listEvents('a', { pendingOnly: true })).map((e) => e.event.id)).toEqual(['e2']);
    expect((await store.listEvents('a', { limit: 1 })).map((e) => e.deliveredAt)).toEqual(['2026-06-02T00:00:00.000Z']);
    expect((await store.listEvents('b', { pendingOnly: true })).map((e) => e.event.id)).toEqual(['e1']);
  });

  it('serializes concurrent transactions', async () => {
    const order: string[] = [];
    await Promise.all(
      ['x', 'y', 'z'].map((name) =>
        store.transaction(async (unit) => {
          order.push(`begin ${name}`);
          await unit.putRecord('a', row(name));
          await Promise.resolve();
          order.push(`end ${name}`);
        }),
      ),
    );
    expect(order).toEqual(['begin x', 'end x', 'begin y', 'end y', 'begin z', 'end z']);
  });
});

describe('SqliteSyncStore', () => {
  it('persists to its file across reopen', async () => {
    const [, open] = STORE_KINDS[1]!;
    const opened = open();
    await opened.store.transaction(async (unit) => {
      await unit.putRecord('a', row('1'));
      await unit.appendEvent('a', event('e1'));
      await unit.putState('a', { ...emptyState(), cursors: { c: '1' } });
    });
    await opened.store.close();
    const reopened = new SqliteSyncStore(opened.path!);
    try {
      expect(await reopened.getRecord('a', 'employee', 'fake:1')).toEqual(row('1'));
      expect((await reopened.listEvents('a')).length).toBe(1);
      expect((await reopened.getState('a')).cursors).toEqual({ c: '1' });
    } finally {
      await reopened.close();
      opened.cleanup();
    }
  });
});
