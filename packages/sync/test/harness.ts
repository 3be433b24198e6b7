import { type CapabilityName, type ChangeEvent, createHrKit } from '@hrkit/core';
import { SyncEngine, type SyncOptions, type SyncStore } from '../src/index.js';
import { FakeCompany, fakeProvider } from '../src/testing/index.js';

/** A fake company, a connection to it, and an engine over the given store; syncs run on the company's clock. */
export function harness(store: SyncStore, capabilities: readonly CapabilityName[], company = new FakeCompany()) {
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

export function brief(events: readonly ChangeEvent[]): string[] {
  return events.map(
    (e) => `${e.entity} ${e.remoteId} ${e.action}${e.changedFields.length ? ` [${e.changedFields.join(',')}]` : ''}`,
  );
}
