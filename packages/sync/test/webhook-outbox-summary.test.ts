import { WebhookVerificationError } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { applyWebhook, drainEvents, summarize, type SyncStore } from '../src/index.js';
import { HIBOB_LIKE, signedDelivery, WEBHOOK_SECRET } from '../src/testing/index.js';
import { brief, harness } from './harness.js';
import { freshStorePerTest, STORE_KINDS } from './stores.js';

describe.each(STORE_KINDS)('webhooks, outbox and summary (%s store)', (_kind, open) => {
  let store: SyncStore;
  freshStorePerTest(open, (opened) => {
    store = opened;
  });

  it('applies a verified delivery by fetching the record, and the next sync finds nothing new', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    h.company.addEmployee('2');
    await h.sync();
    h.company.updateEmployee('1', (e) => ({ ...e, jobTitle: 'CTO' }));
    const delivery = signedDelivery({ type: 'employee.updated', employeeId: '1', fields: ['work.title'] });
    const applied = await applyWebhook(store, h.connection, delivery, WEBHOOK_SECRET, { now: () => h.company.now });
    // Classified and diffed like a sync (model paths), the provider's event kept as provenance.
    expect(
      applied.applied.map((e) => [e.action, e.origin, e.changedFields, e.providerEventId, e.providerEventType]),
    ).toEqual([['updated', 'webhook', ['jobTitle'], 'fake-delivery-employee.updated-1', 'employee.updated']]);
    const stored = await store.getRecord('fake', 'employee', 'fake:1');
    expect((stored?.data as { jobTitle?: string } | undefined)?.jobTitle).toBe('CTO');
    // Redelivery of the same event: the record is already current, nothing new is written.
    expect((await applyWebhook(store, h.connection, delivery, WEBHOOK_SECRET)).applied).toEqual([]);
    expect((await h.sync()).newEvents).toBe(0);

    h.company.removeEmployee('2');
    await applyWebhook(
      store,
      h.connection,
      signedDelivery({ type: 'employee.deleted', employeeId: '2' }),
      WEBHOOK_SECRET,
    );
    expect((await store.getRecord('fake', 'employee', 'fake:2'))?.deleted).toBe(true);

    h.company.addRequest('r1', '1', { status: { value: 'requested', source: null } });
    const timeOff = signedDelivery({ type: 'timeoff.requested', employeeId: '1', requestId: 'r1' });
    expect(brief((await applyWebhook(store, h.connection, timeOff, WEBHOOK_SECRET)).applied)).toEqual([
      // A request seen for the first time is `created`, by a webhook as by a sync.
      'time_off_request r1 created',
    ]);
    expect(await store.getRecord('fake', 'time_off_request', 'fake:r1')).not.toBeNull();
  });

  it('rejects a delivery with a wrong signature and writes nothing', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    const forged = signedDelivery({ type: 'employee.updated', employeeId: '1' }, 'not-the-secret');
    await expect(applyWebhook(store, h.connection, forged, WEBHOOK_SECRET)).rejects.toBeInstanceOf(
      WebhookVerificationError,
    );
    expect(await store.listEvents('fake')).toEqual([]);
    expect(await store.getRecord('fake', 'employee', 'fake:1')).toBeNull();
  });

  it('drains the outbox in order, marking events delivered only after the sink succeeds', async () => {
    const h = harness(store, HIBOB_LIKE);
    for (const id of ['1', '2', '3']) h.company.addEmployee(id);
    await h.sync();
    await expect(
      drainEvents(store, 'fake', () => {
        throw new Error('sink down');
      }),
    ).rejects.toThrow('sink down');
    expect((await store.listEvents('fake', { pendingOnly: true })).length).toBe(3);
    const received: string[] = [];
    expect(
      await drainEvents(store, 'fake', (events) => void received.push(...events.map((e) => e.remoteId)), {
        batchSize: 2,
      }),
    ).toBe(3);
    expect(received).toEqual(['1', '2', '3']);
    expect(await drainEvents(store, 'fake', () => {})).toBe(0);
  });

  it('summarizes headcount by worker kind and customer category, leavers apart, and who is out today', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    h.company.addEmployee('2');
    const contractor = h.company.addEmployee('3');
    h.company.updateEmployee('3', () => ({
      ...contractor,
      employmentType: {
        ...contractor.employmentType,
        workerKind: { value: 'contractor', source: null },
        customerCategory: { label: 'Contractor', value: '1', field: { id: 'f', name: 'Employment Type' } },
      },
    }));
    h.company.addEmployee('4');
    h.company.terminate('4', '2026-05-01');
    h.company.addRequest('r1', '1', {
      start: { date: '2026-06-01', portion: 'morning', time: null },
      end: { date: '2026-06-01', portion: 'morning', time: null },
    });
    h.company.addRequest('r2', '2', { status: { value: 'requested', source: null } });
    await h.sync();
    const summary = await summarize(store, { connectionId: 'fake', date: '2026-06-01' });
    expect(summary).toMatchObject({
      headcount: 3,
      terminated: 1,
      deleted: 0,
      byWorkerKind: { employee: 2, contractor: 1 },
      byCustomerCategory: { 'Direct Employee': 2, Contractor: 1 },
      outTodaySource: 'store',
      outToday: [{ employeeId: 'fake:1', displayName: 'Person 1', policy: 'Holiday', portion: 'morning' }],
    });
  });
});
