import type { CapabilityName } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { applyWebhook, type SyncStore, summarize } from '../src/index.js';
import { BAMBOO_LIKE, HIBOB_LIKE, signedDelivery, WEBHOOK_SECRET } from '../src/testing/index.js';
import { brief, harness } from './harness.js';
import { freshStorePerTest, STORE_KINDS } from './stores.js';

/** BambooHR declares a time-off feed too; a full run must still reconcile by its complete range read. */
const BAMBOO_WITH_FEED: CapabilityName[] = [...BAMBOO_LIKE, 'timeOff.requestChanges', 'timeOff.request'];
const HIBOB_WITH_RANGE: CapabilityName[] = [...HIBOB_LIKE, 'timeOff.requests'];

describe.each(STORE_KINDS)('time-off deletions and references (%s store)', (_kind, open) => {
  let store: SyncStore;
  freshStorePerTest(open, (opened) => {
    store = opened;
  });

  it('a full run detects a deleted request even where the provider also declares a time-off feed', async () => {
    const h = harness(store, BAMBOO_WITH_FEED);
    h.company.addEmployee('1');
    h.company.addRequest('r1', '1');
    h.company.addRequest('r2', '1', { start: { date: '2026-06-03', portion: 'all_day', time: null }, end: null });
    await h.sync();
    h.company.requests.delete('r1');
    h.company.advance(60_000);
    await h.sync({ full: true });
    expect(brief(await h.events()).slice(3)).toEqual(['time_off_request r1 deleted']);
    expect((await store.getRecord('fake', 'time_off_request', 'fake:r1'))?.deleted).toBe(true);
  });

  it.each([
    ['BambooHR-like', BAMBOO_WITH_FEED],
    ['HiBob-like', HIBOB_LIKE],
  ] as const)('the requests of a deleted employee are deleted with them (%s)', async (_name, capabilities) => {
    const h = harness(store, [...capabilities]);
    h.company.addEmployee('1');
    h.company.addEmployee('2');
    h.company.addRequest('r1', '1');
    h.company.addRequest('r2', '2');
    await h.sync();
    h.company.removeEmployee('2');
    h.company.requests.delete('r2');
    h.company.advance(60_000);
    await h.sync({ full: true });
    expect(
      brief(await h.events())
        .slice(4)
        .sort(),
    ).toEqual(['employee 2 deleted', 'time_off_request r2 deleted']);
  });

  it('a range read derived from a bounded feed (HiBob) never deletes a request by its absence', async () => {
    const h = harness(store, HIBOB_WITH_RANGE);
    h.company.timeOffRangeIsComplete = false;
    h.company.addEmployee('1');
    h.company.addRequest('r1', '1');
    await h.sync();
    // Booked long ago: the feed no longer shows it, but it still exists.
    h.company.requests.delete('r1');
    h.company.advance(60_000);
    await h.sync({ full: true });
    expect((await store.getRecord('fake', 'time_off_request', 'fake:r1'))?.deleted).toBe(false);
  });

  it('a rename is one employee `updated`, not an `updated` for every request naming the person', async () => {
    const h = harness(store, BAMBOO_WITH_FEED);
    h.company.addEmployee('1');
    h.company.addRequest('r1', '1');
    h.company.addRequest('r2', '1', { start: { date: '2026-06-03', portion: 'all_day', time: null }, end: null });
    await h.sync();
    h.company.updateEmployee('1', (e) => ({ ...e, name: { ...e.name, display: 'Renamed One' } }));
    for (const { request } of h.company.requests.values())
      request.employee = { ...request.employee, displayName: 'Renamed One' };
    h.company.advance(60_000);
    await h.sync({ full: true });
    expect(brief(await h.events()).slice(3)).toEqual(['employee 1 updated [name.display]']);
    // Who is out shows the current name, from the employee.
    const summary = await summarize(store, { connectionId: 'fake', date: '2026-06-01' });
    expect(summary.outToday.map((out) => out.displayName)).toEqual(['Renamed One']);
  });

  it('a validly signed `deleted` for an employee the provider still has is applied as "changed, refetch"', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    h.company.addRequest('r1', '1');
    await h.sync();
    const forged = signedDelivery({ type: 'employee.deleted', employeeId: '1' });
    const result = await applyWebhook(store, h.connection, forged, WEBHOOK_SECRET);
    expect(result.applied).toEqual([]);
    expect((await store.getRecord('fake', 'employee', 'fake:1'))?.deleted).toBe(false);
    // Really gone (the provider's read answers 404): deleted, with the person's requests.
    h.company.removeEmployee('1');
    const confirmed = await applyWebhook(store, h.connection, forged, WEBHOOK_SECRET);
    expect(brief(confirmed.applied)).toEqual(['employee 1 deleted', 'time_off_request r1 deleted']);
  });

  it('a termination by webhook is `terminated`, like the sync would say, and the next sync finds nothing', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    await h.sync();
    h.company.terminate('1', '2026-06-01');
    const delivery = signedDelivery({ type: 'employee.updated', employeeId: '1', fields: ['internal.status'] });
    const result = await applyWebhook(store, h.connection, delivery, WEBHOOK_SECRET);
    expect(brief(result.applied)).toEqual([
      'employee 1 terminated [employmentStatus.effectiveDate,employmentStatus.value,terminationDate]',
    ]);
    expect((await h.sync()).newEvents).toBe(0);
  });
});
