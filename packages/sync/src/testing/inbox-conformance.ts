import type { ChangeEvent } from '@hrkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InboxDelivery, StoredRecord, SyncStore } from '../store.js';

/** A freshly opened, empty store, and (optionally) how to remove what opening it created. */
export type OpenedInboxStore = SyncStore | { store: SyncStore; cleanup?: () => Promise<void> | void };

/** Opens a new, empty store; called once per test. Same shape as the store conformance suite's `OpenStore`. */
export type OpenInboxStore = () => OpenedInboxStore | Promise<OpenedInboxStore>;

const T0 = '2026-06-01T09:00:00.000Z';
const T1 = '2026-06-01T09:01:00.000Z';
const T2 = '2026-06-01T09:02:00.000Z';

function webhookEvent(id: string, remoteId: string, patch: Partial<ChangeEvent> = {}): ChangeEvent {
  return {
    id,
    provider: 'fake',
    entity: 'employee',
    action: 'updated',
    entityId: `fake:${remoteId}`,
    remoteId,
    employeeId: `fake:${remoteId}`,
    occurredAt: null,
    detectedAt: T0,
    origin: 'webhook',
    changedFields: [],
    previousRemoteId: null,
    providerEventType: 'employee.updated',
    ...patch,
  };
}

function delivery(bodyHash: string, events: ChangeEvent[], receivedAt = T0): InboxDelivery {
  return { bodyHash, receivedAt, events };
}

function row(remoteId: string): StoredRecord {
  return {
    entity: 'employee',
    id: `fake:${remoteId}`,
    remoteId,
    employeeId: `fake:${remoteId}`,
    fingerprint: `fp-${remoteId}`,
    version: 1,
    data: { name: remoteId },
    deleted: false,
    syncedAt: T0,
  };
}

export interface InboxConformanceOptions {
  /**
   * The store must implement the optional `inboxDepths` (fail when it is missing). Without this, a store that lacks
   * it has that test skipped.
   */
  requireInboxDepths?: boolean;
}

/**
 * The webhook inbox part of the store contract (docs/sync.md, "Webhook inbox"), as a vitest suite: deliveries
 * are stored once per event id and once per body, applied marks commit or roll back with the record change,
 * failures count attempts and wait for `retryAt`, and depth is queryable. Run it next to the store conformance
 * suite:
 *
 * ```ts
 * import { describeInboxConformance } from '@hrkit/sync/testing';
 * describeInboxConformance('my store', () => new MyStore(freshLocation()));
 * ```
 */
export function describeInboxConformance(
  name: string,
  openStore: OpenInboxStore,
  options: InboxConformanceOptions = {},
): void {
  describe(`SyncStore inbox conformance: ${name}`, () => {
    let store: SyncStore;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      const opened = await openStore();
      const { store: s, cleanup } = 'transaction' in opened ? { store: opened, cleanup: undefined } : opened;
      store = s;
      dispose = async () => {
        await s.close();
        await cleanup?.();
      };
    });
    afterEach(async () => {
      await dispose();
    });

    it('stores one pending item per event, oldest first, and reports the depth', async () => {
      expect(await store.inboxDepth('a')).toEqual({ pending: 0, dead: 0, oldestPendingAt: null });
      const result = await store.transaction((unit) =>
        unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e1', '1'), webhookEvent('e2', '2')])),
      );
      expect(result).toEqual({ stored: 2, duplicates: 0 });
      await store.transaction((unit) => unit.enqueueDelivery('a', delivery('h2', [webhookEvent('e3', '1')], T1)));
      const items = await store.listInbox('a');
      expect(items.map((i) => [i.eventId, i.recordKey, i.bodyHash, i.status, i.attempts])).toEqual([
        ['e1', 'employee:fake:1', 'h1', 'pending', 0],
        ['e2', 'employee:fake:2', 'h1', 'pending', 0],
        ['e3', 'employee:fake:1', 'h2', 'pending', 0],
      ]);
      expect(items[0]?.seq).toBeLessThan(items[1]?.seq ?? 0);
      expect(items[1]?.seq).toBeLessThan(items[2]?.seq ?? 0);
      expect(items[0]?.event).toEqual(webhookEvent('e1', '1'));
      expect(items[2]).toMatchObject({ receivedAt: T1, lastError: null, retryAt: null, appliedAt: null });
      expect(await store.inboxDepth('a')).toEqual({ pending: 3, dead: 0, oldestPendingAt: T0 });
      expect(await store.inboxDepth('b')).toEqual({ pending: 0, dead: 0, oldestPendingAt: null });
      expect(await store.listInbox('b')).toEqual([]);
      const forRecord = await store.listInbox('a', { recordKey: 'employee:fake:1' });
      expect(forRecord.map((i) => i.eventId)).toEqual(['e1', 'e3']);
      expect((await store.listInbox('a', { limit: 1 })).map((i) => i.eventId)).toEqual(['e1']);
    });

    it('stores a redelivered event id once, and a body seen before not at all', async () => {
      await store.transaction((unit) => unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e1', '1')])));
      // Same event in another body (a provider retry with a new timestamp): only the new event is stored.
      const retried = await store.transaction((unit) =>
        unit.enqueueDelivery('a', delivery('h2', [webhookEvent('e1', '1'), webhookEvent('e2', '2')])),
      );
      expect(retried).toEqual({ stored: 1, duplicates: 1 });
      // The exact same body again: nothing, even an event id not seen before under that body.
      const same = await store.transaction((unit) =>
        unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e9', '9')])),
      );
      expect(same).toEqual({ stored: 0, duplicates: 1 });
      expect((await store.listInbox('a')).map((i) => i.eventId)).toEqual(['e1', 'e2']);
      // Another connection has its own inbox: the same ids are new there.
      const other = await store.transaction((unit) =>
        unit.enqueueDelivery('b', delivery('h1', [webhookEvent('e1', '1')])),
      );
      expect(other).toEqual({ stored: 1, duplicates: 0 });
    });

    it('keeps an applied event id deduplicating: a late redelivery is not applied twice', async () => {
      await store.transaction((unit) => unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e1', '1')])));
      const [item] = await store.listInbox('a');
      await store.transaction((unit) => unit.markInboxApplied('a', [item?.seq ?? -1], T1));
      const late = await store.transaction((unit) =>
        unit.enqueueDelivery('a', delivery('h2', [webhookEvent('e1', '1')])),
      );
      expect(late).toEqual({ stored: 0, duplicates: 1 });
      expect(await store.inboxDepth('a')).toEqual({ pending: 0, dead: 0, oldestPendingAt: null });
    });

    it('writes nothing when the enqueuing transaction throws', async () => {
      await expect(
        store.transaction(async (unit) => {
          await unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e1', '1')]));
          throw new Error('crash before commit');
        }),
      ).rejects.toThrow('crash before commit');
      expect(await store.listInbox('a')).toEqual([]);
      // Neither the event id nor the body hash was remembered.
      const again = await store.transaction((unit) =>
        unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e1', '1')])),
      );
      expect(again).toEqual({ stored: 1, duplicates: 0 });
    });

    it('marks items applied together with the record change, or neither when the transaction throws', async () => {
      await store.transaction((unit) =>
        unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e1', '1'), webhookEvent('e2', '1')])),
      );
      const seqs = (await store.listInbox('a')).map((i) => i.seq);
      await expect(
        store.transaction(async (unit) => {
          await unit.putRecord('a', row('1'));
          await unit.markInboxApplied('a', seqs, T1);
          throw new Error('crash before commit');
        }),
      ).rejects.toThrow('crash before commit');
      expect(await store.getRecord('a', 'employee', 'fake:1')).toBeNull();
      expect((await store.listInbox('a')).map((i) => i.status)).toEqual(['pending', 'pending']);

      await store.transaction(async (unit) => {
        await unit.putRecord('a', row('1'));
        await unit.markInboxApplied('a', seqs, T1);
      });
      expect(await store.getRecord('a', 'employee', 'fake:1')).not.toBeNull();
      const applied = await store.listInbox('a');
      expect(applied.map((i) => [i.status, i.appliedAt])).toEqual([
        ['applied', T1],
        ['applied', T1],
      ]);
      expect(await store.listInbox('a', { status: 'pending' })).toEqual([]);
      expect(await store.inboxDepth('a')).toEqual({ pending: 0, dead: 0, oldestPendingAt: null });
    });

    it('counts failed attempts, hides items until retryAt, and keeps dead ones with their last error', async () => {
      await store.transaction((unit) =>
        unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e1', '1'), webhookEvent('e2', '2')])),
      );
      const [first, second] = await store.listInbox('a');
      const one = first?.seq ?? -1;
      await store.transaction((unit) =>
        unit.markInboxFailed('a', [one], { error: 'ProviderError PROVIDER HTTP 503', retryAt: T2 }),
      );
      expect((await store.listInbox('a', { status: 'pending', readyAt: T1 })).map((i) => i.eventId)).toEqual(['e2']);
      expect((await store.listInbox('a', { status: 'pending', readyAt: T2 })).map((i) => i.eventId)).toEqual([
        'e1',
        'e2',
      ]);
      expect((await store.listInbox('a', { recordKey: first?.recordKey }))[0]).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'ProviderError PROVIDER HTTP 503',
        retryAt: T2,
      });
      await store.transaction((unit) =>
        unit.markInboxFailed('a', [one], { error: 'TransportError TRANSPORT', retryAt: null }),
      );
      const [dead] = await store.listInbox('a', { status: 'dead' });
      expect(dead).toMatchObject({ eventId: 'e1', status: 'dead', attempts: 2, lastError: 'TransportError TRANSPORT' });
      expect(await store.inboxDepth('a')).toEqual({ pending: 1, dead: 1, oldestPendingAt: T0 });
      // Dead items are no longer pending: marking them applied or failed again changes nothing.
      await store.transaction(async (unit) => {
        await unit.markInboxApplied('a', [one], T2);
        await unit.markInboxFailed('a', [one], { error: 'again', retryAt: T2 });
      });
      expect((await store.listInbox('a', { status: 'dead' }))[0]).toMatchObject({ attempts: 2, appliedAt: null });
      expect(second?.status).toBe('pending');
    });

    it('rolls a failure mark back with its transaction', async () => {
      await store.transaction((unit) => unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e1', '1')])));
      const [item] = await store.listInbox('a');
      await expect(
        store.transaction(async (unit) => {
          await unit.markInboxFailed('a', [item?.seq ?? -1], { error: 'x', retryAt: null });
          throw new Error('crash before commit');
        }),
      ).rejects.toThrow('crash before commit');
      expect((await store.listInbox('a'))[0]).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
    });

    it('reports every connection with pending or dead items in one call, when the store offers it', async (context) => {
      // Optional in the contract: a store without it is reported as skipped here, and callers fall back to
      // `inboxDepth` per connection.
      if (!store.inboxDepths) {
        if (options.requireInboxDepths) throw new Error(`${name}: inboxDepths is required but missing`);
        return context.skip();
      }
      expect(await store.inboxDepths()).toEqual([]);
      await store.transaction(async (unit) => {
        await unit.enqueueDelivery('b', delivery('h1', [webhookEvent('e1', '1'), webhookEvent('e2', '2')], T1));
        await unit.enqueueDelivery('b', delivery('h2', [webhookEvent('e3', '3')], T0));
        // c: everything applied; d: only dead items; e: one waiting for its retry and one dead.
        await unit.enqueueDelivery('c', delivery('h1', [webhookEvent('e1', '1')]));
        await unit.enqueueDelivery('d', delivery('h1', [webhookEvent('e1', '1'), webhookEvent('e2', '2')]));
        await unit.enqueueDelivery('e', delivery('h1', [webhookEvent('e1', '1'), webhookEvent('e2', '2')], T2));
        await unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e1', '1')], T2));
      });
      const seqs = async (connectionId: string) => (await store.listInbox(connectionId)).map((item) => item.seq);
      const [eRetrying, eDead] = await seqs('e');
      const [cSeqs, dSeqs] = [await seqs('c'), await seqs('d')];
      await store.transaction(async (unit) => {
        await unit.markInboxApplied('c', cSeqs, T1);
        await unit.markInboxFailed('d', dSeqs, { error: 'x', retryAt: null });
        await unit.markInboxFailed('e', [eRetrying ?? -1], { error: 'x', retryAt: T2 });
        await unit.markInboxFailed('e', [eDead ?? -1], { error: 'x', retryAt: null });
      });
      expect(await store.inboxDepths()).toEqual([
        { connectionId: 'a', pending: 1, dead: 0, oldestPendingAt: T2 },
        { connectionId: 'b', pending: 3, dead: 0, oldestPendingAt: T0 },
        { connectionId: 'd', pending: 0, dead: 2, oldestPendingAt: null },
        { connectionId: 'e', pending: 1, dead: 1, oldestPendingAt: T2 },
      ]);
      // It agrees with inboxDepth, connection by connection; an absent connection's depth is all zeros.
      const listed = await store.inboxDepths();
      for (const connectionId of ['a', 'b', 'c', 'd', 'e', 'none']) {
        const found = listed.find((depth) => depth.connectionId === connectionId);
        const { connectionId: _, ...depth } = found ?? { connectionId, pending: 0, dead: 0, oldestPendingAt: null };
        expect(depth).toEqual(await store.inboxDepth(connectionId));
      }
      const [aSeq] = await seqs('a');
      await store.transaction((unit) => unit.markInboxApplied('a', [aSeq ?? -1], T2));
      expect((await store.inboxDepths()).map((depth) => depth.connectionId)).toEqual(['b', 'd', 'e']);
    });

    it('prunes applied items older than a cutoff, and then forgets their ids and bodies', async () => {
      await store.transaction(async (unit) => {
        await unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e1', '1')]));
        await unit.enqueueDelivery('a', delivery('h2', [webhookEvent('e2', '2')]));
        await unit.enqueueDelivery('a', delivery('h3', [webhookEvent('e3', '3')]));
      });
      const [e1, e2] = await store.listInbox('a');
      await store.transaction(async (unit) => {
        await unit.markInboxApplied('a', [e1?.seq ?? -1], T0);
        await unit.markInboxApplied('a', [e2?.seq ?? -1], T2);
      });
      expect(await store.transaction((unit) => unit.pruneInbox('a', T1))).toBe(1);
      expect((await store.listInbox('a')).map((i) => i.eventId)).toEqual(['e2', 'e3']);
      const again = await store.transaction((unit) =>
        unit.enqueueDelivery('a', delivery('h1', [webhookEvent('e1', '1')])),
      );
      expect(again).toEqual({ stored: 1, duplicates: 0 });
    });
  });
}
