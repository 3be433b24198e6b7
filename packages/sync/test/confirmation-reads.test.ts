import { describe, expect, it } from 'vitest';
import { MemorySyncStore, type SyncStore } from '../src/index.js';
import { FakeCompany, HIBOB_LIKE, syncHarness } from '../src/testing/index.js';

// A feed that says `cancelled` for a declined request (HiBob's) is confirmed by reading the request (docs/sync.md ›
// Time off). A re-sync must not read again what it already stores with the status a read would only repeat
// (docs/performance.md › Listing, time-off memory and confirmations), and must still notice every real change.
const HOUR = 3_600_000;

function hibobLikeCompany() {
  const company = new FakeCompany('bob');
  company.feedSaysCancelledWhenDeclined = true;
  company.addEmployee('1');
  company.addRequest('declined-1', '1', { status: { value: 'declined', source: null } });
  company.addRequest('declined-2', '1', { status: { value: 'declined', source: null } });
  company.addRequest('cancelled-1', '1', { status: { value: 'cancelled', source: null } });
  company.addRequest('approved-1', '1', { status: { value: 'approved', source: null } });
  return company;
}

async function storedRequests(store: SyncStore) {
  const records = await store.listRecords('bob', 'time_off_request');
  return Object.fromEntries(records.map((record) => [record.remoteId, JSON.stringify(record.data)]));
}

async function syncedTwice() {
  const store = new MemorySyncStore();
  const company = hibobLikeCompany();
  const run = syncHarness(store, HIBOB_LIKE, company);
  // Synced an hour after the requests changed: outside the next sync's cursor overlap.
  company.advance(HOUR);
  await run.sync({ full: true });
  return { store, company, run };
}

describe('confirmation reads of feed cancellations', () => {
  it('a first sync reads every feed cancellation it does not store, and stores what the reads say', async () => {
    const { store, company } = await syncedTwice();
    expect(company.calls.getTimeOffRequest).toBe(3);
    const stored = await store.listRecords('bob', 'time_off_request');
    expect(
      Object.fromEntries(stored.map((r) => [r.remoteId, (r.data as { status: { value: string } }).status.value])),
    ).toEqual({
      'declined-1': 'declined',
      'declined-2': 'declined',
      'cancelled-1': 'cancelled',
      'approved-1': 'approved',
    });
  });

  it('a full re-sync with no change sends no confirmation read and changes nothing', async () => {
    const { store, company, run } = await syncedTwice();
    const before = await storedRequests(store);
    const reads = company.calls.getTimeOffRequest ?? 0;
    company.advance(HOUR);
    const again = await run.sync({ full: true });
    expect((company.calls.getTimeOffRequest ?? 0) - reads).toBe(0);
    expect(again.newEvents).toBe(0);
    expect(await storedRequests(store)).toEqual(before);
  });

  it('an incremental re-sync with no change sends no confirmation read', async () => {
    const { company, run } = await syncedTwice();
    const reads = company.calls.getTimeOffRequest ?? 0;
    company.advance(HOUR);
    expect((await run.sync()).newEvents).toBe(0);
    expect((company.calls.getTimeOffRequest ?? 0) - reads).toBe(0);
  });

  it('a declined request changed since the last sync is read again, on a full re-sync too', async () => {
    const { store, company, run } = await syncedTwice();
    company.advance(HOUR);
    // Cancelled after being declined: the feed's record looks exactly as before (it said cancelled already).
    company.setRequestStatus('declined-1', 'cancelled');
    // Its dates changed: the feed's record differs from the stored one.
    const second = company.requests.get('declined-2')!;
    company.requests.set('declined-2', {
      request: { ...second.request, end: { date: '2026-06-20', portion: null, time: null } },
      changedAt: company.now,
    });
    const reads = company.calls.getTimeOffRequest ?? 0;
    const again = await run.sync({ full: true });
    expect((company.calls.getTimeOffRequest ?? 0) - reads).toBe(2);
    expect(again.counts.timeOffRequests).toMatchObject({ cancelled: 1, updated: 1 });
    const stored = Object.fromEntries(
      (await store.listRecords('bob', 'time_off_request')).map((r) => [
        r.remoteId,
        r.data as { status: { value: string } },
      ]),
    );
    expect(stored['declined-1']?.status.value).toBe('cancelled');
    expect(stored['declined-2']?.status.value).toBe('declined');
  });
});
