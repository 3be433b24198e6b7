import { type CapabilityName, type ChangeEvent, createHrKit } from '@hrkit/core';
import { SyncEngine, type SyncOptions } from '../engine.js';
import type { SyncStore } from '../store.js';
import { FakeCompany, fakeProvider } from './fake-company.js';

/** A fake company, a connection to it, and an engine over the given store; syncs run on the company's clock. */
export function syncHarness(store: SyncStore, capabilities: readonly CapabilityName[], company = new FakeCompany()) {
  const kit = createHrKit({ providers: [fakeProvider(company, capabilities)] });
  const connection = kit.connect(company.provider, { token: 'fake-token' });
  const engine = new SyncEngine(store);
  return {
    company,
    connection,
    engine,
    sync: (options: SyncOptions = {}) => engine.sync(connection, { now: () => company.now, batchSize: 3, ...options }),
    /** Events in the outbox (all of them), as the consumer would see them. */
    events: async (): Promise<ChangeEvent[]> => (await store.listEvents(company.provider)).map((e) => e.event),
  };
}

const HOUR = 3_600_000;

/** A company synced once, then changed in every way a sync must notice (the crash-and-resume scenario). */
export function changingCompany(provider = 'fake'): { company: FakeCompany; change: (company: FakeCompany) => void } {
  const company = new FakeCompany(provider);
  for (let i = 1; i <= 8; i += 1) company.addEmployee(String(i));
  for (let i = 1; i <= 4; i += 1)
    company.addRequest(`r${i}`, String(i), { status: { value: i % 2 ? 'requested' : 'approved', source: null } });
  return {
    company,
    change: (c) => {
      c.advance(HOUR);
      c.updateEmployee('1', (e) => ({ ...e, jobTitle: 'Lead' }));
      c.terminate('2', '2026-06-01');
      c.removeEmployee('3');
      c.addEmployee('9');
      c.addEmployee('10');
      c.setRequestStatus('r1', 'approved');
      c.setRequestStatus('r2', 'cancelled');
      c.requests.delete('r4');
      c.addRequest('r5', '9');
    },
  };
}

/** Everything a store holds for one connection: two stores with equal snapshots hold the same data. */
export async function storeSnapshot(store: SyncStore, connectionId = 'fake') {
  return {
    employees: await store.listRecords(connectionId, 'employee', { includeDeleted: true }),
    requests: await store.listRecords(connectionId, 'time_off_request', { includeDeleted: true }),
    events: (await store.listEvents(connectionId)).map((stored) => stored.event),
    state: await store.getState(connectionId),
  };
}
