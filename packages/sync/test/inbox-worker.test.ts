import type { ChangeEvent, Employee, WebhookOutcome } from '@hrkit/core';
import { describe, expect, it, vi } from 'vitest';
import { type InboxStep, InboxWorker, receiveIntoInbox, type StartTimer, type SyncStore } from '../src/index.js';
import { HIBOB_LIKE } from '../src/testing/index.js';
import { harness } from './harness.js';
import { freshStorePerTest, STORE_KINDS } from './stores.js';

function update(remoteId: string, n: number): WebhookOutcome {
  const event: ChangeEvent = {
    id: `evt-${remoteId}-${n}`,
    provider: 'fake',
    entity: 'employee',
    action: 'updated',
    entityId: `fake:${remoteId}`,
    remoteId,
    employeeId: `fake:${remoteId}`,
    occurredAt: null,
    detectedAt: '2026-06-01T09:00:00.000Z',
    origin: 'webhook',
    changedFields: [],
    previousRemoteId: null,
    providerEventType: 'employee.updated',
  };
  return { kind: 'events', events: [event], providerEventType: null };
}

/** Timers the test fires by hand: no real time passes. */
function manualTimers() {
  const pending = new Set<{ ms: number; fire: () => void }>();
  const timer: StartTimer = (ms, fire) => {
    const entry = { ms, fire };
    pending.add(entry);
    return () => pending.delete(entry);
  };
  const fireAll = () => {
    for (const entry of [...pending]) {
      pending.delete(entry);
      entry.fire();
    }
  };
  return { timer, pending, fireAll };
}

/** Collects worker steps; `next(n)` resolves once n steps in total were seen. */
function stepLog() {
  const steps: InboxStep[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  return {
    steps,
    onStep: (step: InboxStep) => {
      steps.push(step);
      for (const waiter of [...waiters]) if (steps.length >= waiter.count) waiter.resolve();
    },
    seen: (count: number) =>
      steps.length >= count ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ count, resolve })),
  };
}

describe.each(STORE_KINDS)('webhook inbox worker (%s store)', (_kind, open) => {
  let store: SyncStore;
  freshStorePerTest(open, (opened) => {
    store = opened;
  });

  it('first drains what an earlier process left in the inbox, then applies new deliveries on wake', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    h.company.addEmployee('2');
    await receiveIntoInbox(store, 'fake', 'left-over', update('1', 1));
    const log = stepLog();
    const timers = manualTimers();
    const worker = new InboxWorker(store, h.connection, { onStep: log.onStep, timer: timers.timer });
    worker.start();
    await log.seen(1);
    await receiveIntoInbox(store, 'fake', 'new', update('2', 1));
    worker.wake();
    await log.seen(2);
    expect(await worker.stop(10_000)).toBe('finished');
    expect(log.steps.map((s) => [s.outcome, s.items.map((i) => i.eventId)])).toEqual([
      ['applied', ['evt-1-1']],
      ['applied', ['evt-2-1']],
    ]);
    expect((await h.events()).map((e) => e.providerEventId)).toEqual(['evt-1-1', 'evt-2-1']);
  });

  it('on stop, abandons an item still being read past the deadline: it commits nothing and stays pending', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    h.company.addEmployee('2');
    await receiveIntoInbox(store, 'fake', 'a', update('1', 1));
    await receiveIntoInbox(store, 'fake', 'b', update('2', 1));
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reading!: () => void;
    const readStarted = new Promise<void>((resolve) => {
      reading = resolve;
    });
    const get = h.connection.employees.get.bind(h.connection.employees);
    const hung = vi.spyOn(h.connection.employees, 'get').mockImplementation(async (remoteId: string) => {
      reading();
      await released; // a provider read that outlives the shutdown deadline
      return (await get(remoteId)) as Employee;
    });
    const timers = manualTimers();
    const log = stepLog();
    const worker = new InboxWorker(store, h.connection, { onStep: log.onStep, timer: timers.timer });
    worker.start();
    await readStarted;
    const stopping = worker.stop(5_000);
    expect([...timers.pending].map((t) => t.ms)).toEqual([5_000]);
    timers.fireAll();
    expect(await stopping).toBe('deadline');
    release();
    // The late read returns after the deadline: its step rolls back instead of committing.
    await log.seen(1);
    expect(log.steps[0]?.outcome).toBe('abandoned');
    expect(await h.events()).toEqual([]);
    expect((await store.inboxDepth('fake')).pending).toBe(2);
    expect(hung).toHaveBeenCalledTimes(1);

    hung.mockRestore();
    const restarted = new InboxWorker(store, h.connection, { onStep: log.onStep, timer: timers.timer });
    restarted.start();
    await log.seen(3);
    expect(await restarted.stop(5_000)).toBe('finished');
    expect((await h.events()).map((e) => e.providerEventId)).toEqual(['evt-1-1', 'evt-2-1']);
  });

  it('sleeps until the earliest retry is due, then retries', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    await receiveIntoInbox(store, 'fake', 'a', update('1', 1));
    let now = Date.parse('2026-06-01T09:00:00.000Z');
    const get = h.connection.employees.get.bind(h.connection.employees);
    const flaky = vi
      .spyOn(h.connection.employees, 'get')
      .mockRejectedValueOnce(new Error('connection reset'))
      .mockImplementation(get);
    const timers = manualTimers();
    const log = stepLog();
    const worker = new InboxWorker(store, h.connection, {
      onStep: log.onStep,
      timer: timers.timer,
      now: () => now,
      retryDelayMs: () => 30_000,
    });
    worker.start();
    await log.seen(1);
    expect(log.steps[0]).toMatchObject({ outcome: 'failed', error: 'Error', dead: false });
    await vi.waitUntil(() => timers.pending.size === 1);
    expect([...timers.pending].map((t) => t.ms)).toEqual([30_000]);
    now += 30_000;
    timers.fireAll();
    await log.seen(2);
    expect(log.steps[1]?.outcome).toBe('applied');
    expect(flaky).toHaveBeenCalledTimes(2);
    expect(await worker.stop(1_000)).toBe('finished');
  });
});
