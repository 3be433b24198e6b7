import { PermissionError } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { CURSORS, type SyncStore } from '../src/index.js';
import { BAMBOO_LIKE, HIBOB_LIKE } from '../src/testing/index.js';
import { brief, harness } from './harness.js';
import { freshStorePerTest, STORE_KINDS } from './stores.js';

const HOUR = 3_600_000;

describe.each(STORE_KINDS)('SyncEngine (%s store)', (_kind, open) => {
  let store: SyncStore;
  freshStorePerTest(open, (opened) => {
    store = opened;
  });

  it('diffs full listings: created, then nothing, then updated / terminated / deleted with changed fields', async () => {
    const h = harness(store, HIBOB_LIKE);
    for (const id of ['1', '2', '3', '4']) h.company.addEmployee(id);
    const first = await h.sync();
    expect(first.mode).toBe('full');
    expect(first.counts.employees).toEqual({ created: 4, updated: 0, terminated: 0, deleted: 0 });
    expect(brief(await h.events())).toEqual([
      'employee 1 created',
      'employee 2 created',
      'employee 3 created',
      'employee 4 created',
    ]);

    h.company.advance(HOUR);
    // A provider-side timestamp bump alone is not a change.
    h.company.updateEmployee('1', (e) => ({ ...e, updatedAt: '2026-06-01T10:00:00.000Z' }));
    const quiet = await h.sync();
    expect(quiet.mode).toBe('incremental');
    expect(quiet.newEvents).toBe(0);

    h.company.advance(HOUR);
    h.company.updateEmployee('2', (e) => ({
      ...e,
      jobTitle: 'Staff Engineer',
      department: { id: '2', name: 'Sales' },
    }));
    h.company.terminate('3', '2026-06-01');
    h.company.removeEmployee('4');
    const second = await h.sync();
    expect(second.counts.employees).toEqual({ created: 0, updated: 1, terminated: 1, deleted: 1 });
    expect(brief((await h.events()).slice(4))).toEqual([
      'employee 2 updated [department.id,department.name,jobTitle]',
      'employee 3 terminated [employmentStatus.effectiveDate,employmentStatus.value,terminationDate]',
      'employee 4 deleted',
    ]);
    expect((await store.getRecord('fake', 'employee', 'fake:4'))?.deleted).toBe(true);
    expect((await store.getRecord('fake', 'employee', 'fake:3'))?.deleted).toBe(false);

    // A deleted employee who comes back is created again, with a new event id.
    h.company.advance(HOUR);
    h.company.addEmployee('4');
    await h.sync();
    const events = await h.events();
    expect(brief(events.slice(7))).toEqual(['employee 4 created']);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('follows the time-off changes feed from its cursor and names status moves', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    h.company.addRequest('r1', '1', { status: { value: 'requested', source: null } });
    await h.sync();
    expect((await store.getState('fake')).cursors[CURSORS.timeOffRequestChanges]).toBe('2026-06-01T09:00:00.000Z');

    h.company.advance(HOUR);
    h.company.setRequestStatus('r1', 'approved');
    h.company.addRequest('r2', '1');
    await h.sync();
    h.company.advance(HOUR);
    h.company.setRequestStatus('r2', 'cancelled');
    await h.sync();
    expect(brief((await h.events()).filter((e) => e.entity === 'time_off_request'))).toEqual([
      'time_off_request r1 created',
      'time_off_request r1 approved [status.value]',
      'time_off_request r2 created',
      'time_off_request r2 cancelled [status.value]',
    ]);
    // Incremental runs read the feed from the cursor: the third run saw only r2.
    expect((await store.getState('fake')).cursors[CURSORS.timeOffRequestChanges]).toBe('2026-06-01T11:00:00.000Z');
  });

  it('uses the employees changes feed between full reconciliations, and re-lists when one is due', async () => {
    const h = harness(store, BAMBOO_LIKE);
    for (const id of ['1', '2']) h.company.addEmployee(id);
    h.company.addRequest('r1', '1', { start: { date: '2026-06-10', portion: 'all_day', time: null }, end: null });
    await h.sync();
    expect(h.company.calls.listEmployees).toBe(1);

    h.company.advance(HOUR);
    h.company.updateEmployee('1', (e) => ({ ...e, weeklyHours: 32 }));
    h.company.removeEmployee('2');
    h.company.requests.delete('r1');
    const incremental = await h.sync();
    expect(incremental.mode).toBe('incremental');
    expect(h.company.calls.listEmployees).toBe(1);
    expect(h.company.calls.listEmployeeChanges).toBe(1);
    expect(brief((await h.events()).slice(3))).toEqual([
      'employee 1 updated [weeklyHours]',
      'employee 2 deleted',
      'time_off_request r1 deleted',
    ]);

    h.company.advance(25 * HOUR);
    const due = await h.sync();
    expect(due.mode).toBe('full');
    expect(h.company.calls.listEmployees).toBe(2);
    expect(due.newEvents).toBe(0);
    await h.sync({ full: true });
    expect(h.company.calls.listEmployees).toBe(3);
  });

  it('re-reads feeds a little before the cursor, so a change stamped just before it (coarse clocks) is not lost', async () => {
    const h = harness(store, BAMBOO_LIKE);
    h.company.addEmployee('1');
    const cursorTime = h.company.now;
    await h.sync();
    // The provider stamps the change one second before our cursor (second-precision timestamps, clock skew).
    h.company.now = cursorTime - 1000;
    h.company.updateEmployee('1', (e) => ({ ...e, jobTitle: 'Late' }));
    const next = await h.sync({ now: () => cursorTime + HOUR });
    expect(next.mode).toBe('incremental');
    expect(brief((await h.events()).slice(1))).toEqual(['employee 1 updated [jobTitle]']);
    // Without the overlap the same change is missed: the test can fail.
    h.company.updateEmployee('1', (e) => ({ ...e, jobTitle: 'Later' }));
    const blind = await h.sync({ now: () => cursorTime + 2 * HOUR, cursorOverlapMs: 0 });
    expect(blind.newEvents).toBe(0);
  });

  it('still reconciles employees when time off is not permitted, and keeps the time-off cursor for later', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    h.company.addEmployee('2');
    await h.sync();
    const cursor = (await store.getState('fake')).cursors[CURSORS.timeOffRequestChanges];
    h.company.advance(HOUR);
    h.company.removeEmployee('2');
    h.company.timeOffFailWith = new PermissionError('fake refused the time-off feed', {
      provider: 'fake',
      permission: "People's Data › Time off › See who's out",
    });
    const partial = await h.sync();
    expect(partial.warnings).toEqual([
      `time off not synced: fake refused the time-off feed (grant "People's Data › Time off › See who's out")`,
    ]);
    expect(partial.counts.employees.deleted).toBe(1);
    const state = await store.getState('fake');
    expect(state.cursors[CURSORS.timeOffRequestChanges]).toBe(cursor);
    expect(state.lastSyncAt).toBe(new Date(h.company.now).toISOString());
  });

  it('refuses mass deletions from a listing that suddenly sees far fewer people, unless told otherwise', async () => {
    const h = harness(store, HIBOB_LIKE);
    for (let i = 1; i <= 12; i += 1) h.company.addEmployee(String(i));
    await h.sync();
    for (let i = 1; i <= 7; i += 1) h.company.removeEmployee(String(i));
    const guarded = await h.sync({ full: true });
    expect(guarded.counts.employees.deleted).toBe(0);
    expect(guarded.warnings).toEqual([
      'not deleting 7 of 12 employees missing from the listing (more than 50%): check the credential still sees ' +
        'everyone; run with maxDeletionRatio 1 (--allow-mass-delete) if this is real',
    ]);
    expect(await store.listLiveIds('fake', 'employee')).toHaveLength(12);
    const allowed = await h.sync({ full: true, maxDeletionRatio: 1 });
    expect(allowed.counts.employees.deleted).toBe(7);
  });

  it('clamps a time-off cursor older than the feed window and says so', async () => {
    const h = harness(store, HIBOB_LIKE);
    h.company.addEmployee('1');
    await h.sync();
    h.company.advance(200 * 24 * HOUR);
    const late = await h.sync();
    expect(late.warnings.join('\n')).toMatch(/older than the 180-day feed window/);
  });

  it('does not advance cursors or lastFullSyncAt when a run fails', async () => {
    const h = harness(store, HIBOB_LIKE);
    for (const id of ['1', '2', '3', '4', '5']) h.company.addEmployee(id);
    await expect(
      h.sync({
        onProgress: (p) => {
          if (p.processed === 4) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    const state = await store.getState('fake');
    expect(state.lastFullSyncAt).toBeNull();
    expect(state.cursors).toEqual({});
    // The first batch (3 records) committed with its events; the second batch rolled back whole.
    expect(await store.listLiveIds('fake', 'employee')).toEqual(['fake:1', 'fake:2', 'fake:3']);
    expect(brief(await h.events())).toEqual(['employee 1 created', 'employee 2 created', 'employee 3 created']);
  });
});
