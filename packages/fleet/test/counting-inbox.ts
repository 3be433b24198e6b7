import type { SyncStore } from '@hrkit/sync';

/**
 * The store as the scheduler or the metrics see it, counting the inbox queries a tick or a scrape makes; without
 * the aggregate it is a store that offers only `inboxDepth` per connection.
 */
export function countingInbox(store: SyncStore, withAggregate: boolean) {
  const calls = { inboxDepth: [] as string[], inboxDepths: 0 };
  const inbox = {
    inboxDepth: (connectionId: string) => {
      calls.inboxDepth.push(connectionId);
      return store.inboxDepth(connectionId);
    },
    ...(withAggregate
      ? {
          inboxDepths: () => {
            calls.inboxDepths += 1;
            // The PostgreSQL store implements it.
            return store.inboxDepths!();
          },
        }
      : {}),
  };
  return { inbox, calls };
}
