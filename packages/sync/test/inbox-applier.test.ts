import { type ChangeEvent, ProviderError, type WebhookOutcome } from '@hrkit/core';
import { describe, expect, it, vi } from 'vitest';
import { coalesce, InboxApplier, inboxErrorText, receiveIntoInbox, type SyncStore } from '../src/index.js';
import { HIBOB_LIKE, signedDelivery, WEBHOOK_SECRET } from '../src/testing/index.js';
import { harness } from './harness.js';
import { freshStorePerTest, STORE_KINDS } from './stores.js';

/** A thin webhook event as a provider parser emits it; `n` makes the delivery (and its id) distinct. */
function update(remoteId: string, n: number, action: ChangeEvent['action'] = 'updated'): ChangeEvent {
  return {
    id: `evt-${remoteId}-${n}`,
    provider: 'fake',
    entity: 'employee',
    action,
    entityId: `fake:${remoteId}`,
    remoteId,
    employeeId: `fake:${remoteId}`,
    occurredAt: null,
    detectedAt: '2026-06-01T09:00:00.000Z',
    origin: 'webhook',
    changedFields: [],
    previousRemoteId: null,
    providerEventType: `employee.${action}`,
  };
}

const outcomeOf = (...events: ChangeEvent[]): WebhookOutcome => ({ kind: 'events', events, providerEventType: null });

describe.each(STORE_KINDS)('webhook inbox applier (%s store)', (_kind, open) => {
  let store: SyncStore;
  freshStorePerTest(open, (opened) => {
    store = opened;
  });

  it('coalesces a burst: one provider read per record, one outbox event per changed record', async () => {
    const h = harness(store, HIBOB_LIKE);
    for (const id of ['1', '2', '3']) h.company.addEmployee(id);
    await h.sync();
    const readsBefore = h.company.calls.getEmployee ?? 0;
    // 30 deliveries: ten updates each to three employees, interleaved as a provider would send them.
    for (let n = 0; n < 10; n += 1)
      for (const id of ['1', '2', '3']) {
        h.company.updateEmployee(id, (e) => ({ ...e, jobTitle: `Title ${n}` }));
        const event = update(id, n);
        await receiveIntoInbox(store, 'fake', JSON.stringify(event), outcomeOf(event), () => h.company.now);
      }
    expect((await store.inboxDepth('fake')).pending).toBe(30);
    const steps = await new InboxApplier(store, h.connection, { now: () => h.company.now }).drain();
    expect(steps.map((s) => [s.outcome, s.items.length])).toEqual([
      ['applied', 10],
      ['applied', 10],
      ['applied', 10],
    ]);
    expect((h.company.calls.getEmployee ?? 0) - readsBefore).toBe(3);
    const webhookEvents = (await h.events()).filter((e) => e.origin === 'webhook');
    // The newest delivery of each record is the one that lands in the outbox.
    expect(webhookEvents.map((e) => e.providerEventId)).toEqual(['evt-1-9', 'evt-2-9', 'evt-3-9']);
    for (const id of ['1', '2', '3'])
      expect((await store.getRecord('fake', 'employee', `fake:${id}`))?.data).toMatchObject({ jobTitle: 'Title 9' });
    expect(await store.inboxDepth('fake')).toEqual({ pending: 0, dead: 0, oldestPendingAt: null });
    expect((await store.listInbox('fake', { status: 'applied' })).length).toBe(30);
  });

  it('stores a redelivered body once and applies it once', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    const delivery = signedDelivery({ type: 'employee.created', employeeId: '1' });
    const outcome = h.connection.webhooks.handle(delivery, WEBHOOK_SECRET);
    expect(await receiveIntoInbox(store, 'fake', delivery.body, outcome)).toEqual({ stored: 1, duplicates: 0 });
    expect(await receiveIntoInbox(store, 'fake', delivery.body, outcome)).toEqual({ stored: 0, duplicates: 1 });
    await new InboxApplier(store, h.connection).drain();
    expect(await receiveIntoInbox(store, 'fake', delivery.body, outcome)).toEqual({ stored: 0, duplicates: 1 });
    expect(await new InboxApplier(store, h.connection).drain()).toEqual([]);
    expect((await h.events()).map((e) => e.providerEventId)).toEqual(['fake-delivery-employee.created-1']);
    expect(h.company.calls.getEmployee).toBe(1);
  });

  it("confirms a deletion that follows updates with one read of the record (404), never on the delivery's word", async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    await h.sync();
    h.company.removeEmployee('1');
    for (const event of [update('1', 1), update('1', 2, 'deleted')])
      await receiveIntoInbox(store, 'fake', event.id, outcomeOf(event));
    await new InboxApplier(store, h.connection).drain();
    expect((await store.getRecord('fake', 'employee', 'fake:1'))?.deleted).toBe(true);
    expect(h.company.calls.getEmployee ?? 0).toBe(1);
  });

  it('leaves the items pending when the process dies before the commit, and applies them once on resume', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    await receiveIntoInbox(store, 'fake', 'a', outcomeOf(update('1', 1)));
    await receiveIntoInbox(store, 'fake', 'b', outcomeOf(update('1', 2)));
    // A crash inside the transaction: the record change, its event and the "applied" marks roll back together.
    const crashing: SyncStore = Object.create(store, {
      transaction: {
        value: (fn: Parameters<SyncStore['transaction']>[0]) =>
          store.transaction(async (unit) => {
            await fn(unit);
            throw new Error('killed before COMMIT');
          }),
      },
    });
    const controller = new AbortController();
    const crashed = new InboxApplier(crashing, h.connection, { signal: controller.signal });
    const pending = crashed.step();
    controller.abort();
    expect((await pending)?.outcome).toBe('abandoned');
    expect(await h.events()).toEqual([]);
    expect(await store.getRecord('fake', 'employee', 'fake:1')).toBeNull();
    expect((await store.inboxDepth('fake')).pending).toBe(2);

    const resumed = await new InboxApplier(store, h.connection).drain();
    expect(resumed.map((s) => s.outcome)).toEqual(['applied']);
    expect((await h.events()).map((e) => e.providerEventId)).toEqual(['evt-1-2']);
    // And once applied, a new applier (a restart) finds nothing to do.
    expect(await new InboxApplier(store, h.connection).drain()).toEqual([]);
    expect((await h.events()).length).toBe(1);
  });

  it('retries a failed record after its delay, up to maxAttempts, then keeps it dead with a safe error', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    h.company.addEmployee('2');
    await receiveIntoInbox(store, 'fake', 'a', outcomeOf(update('1', 1)));
    await receiveIntoInbox(store, 'fake', 'b', outcomeOf(update('2', 1)));
    const secretish = 'token=fake-token ada.lovelace@example.com IBAN DE89370400440532013000';
    const get = h.connection.employees.get.bind(h.connection.employees);
    vi.spyOn(h.connection.employees, 'get').mockImplementation(async (remoteId: string) => {
      if (remoteId === '1') throw new ProviderError(`upstream said: ${secretish}`, { status: 503, retryable: true });
      return get(remoteId);
    });
    let now = Date.parse('2026-06-01T09:00:00.000Z');
    const applier = new InboxApplier(store, h.connection, {
      now: () => now,
      maxAttempts: 3,
      retryDelayMs: (attempt) => attempt * 1_000,
    });
    // The failing record does not block the next one.
    expect((await applier.drain()).map((s) => s.outcome)).toEqual(['failed', 'applied']);
    const [failed] = await store.listInbox('fake', { status: 'pending' });
    expect(failed).toMatchObject({ attempts: 1, retryAt: '2026-06-01T09:00:01.000Z' });
    expect(failed?.lastError).toBe('ProviderError PROVIDER HTTP 503 (retryable)');
    expect(await applier.drain()).toEqual([]);
    expect(await applier.nextRetryAt()).toBe(now + 1_000);
    now += 1_000;
    expect((await applier.drain()).map((s) => s.outcome)).toEqual(['failed']);
    now += 2_000;
    const last = await applier.drain();
    expect(last).toMatchObject([{ outcome: 'failed', dead: true, retryAt: null }]);
    expect(await store.inboxDepth('fake')).toMatchObject({ pending: 0, dead: 1 });
    const [dead] = await store.listInbox('fake', { status: 'dead' });
    expect(dead?.attempts).toBe(3);
    for (const fragment of ['fake-token', 'ada.lovelace', 'DE89', 'upstream said'])
      expect(JSON.stringify(dead)).not.toContain(fragment);
    expect(await applier.nextRetryAt()).toBeNull();
  });

  it('lets the newest of the coalesced deliveries stand for the record (the read decides what changed)', () => {
    expect(coalesce([update('1', 1), update('1', 2)])).toEqual(update('1', 2));
    expect(() => coalesce([])).toThrow(/at least one/);
  });

  it('names only the error type in lastError for errors that are not hrkit errors', () => {
    expect(inboxErrorText(new TypeError('secret-value in message'))).toBe('TypeError');
    expect(inboxErrorText('secret-value')).toBe('non-Error thrown');
  });
});
