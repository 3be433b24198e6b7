import type { InboxDepth, InboxReader, SyncStore } from '@hrkit/sync';

/** What the scheduler and the metrics read of the store's inbox (docs/fleet.md, "The inbox"). */
export type InboxDepthSource = Pick<InboxReader, 'inboxDepth'> & Pick<SyncStore, 'inboxDepths'>;

const EMPTY_INBOX: InboxDepth = { pending: 0, dead: 0, oldestPendingAt: null };

/**
 * Every connection's inbox depth for one scheduler tick or metrics scrape: one `inboxDepths` query when the store has
 * it (connections it leaves out have nothing pending or dead), else `inboxDepth` per connection asked.
 */
export async function inboxDepthReader(
  inbox: InboxDepthSource,
): Promise<(connectionId: string) => Promise<InboxDepth>> {
  if (!inbox.inboxDepths) return (connectionId) => inbox.inboxDepth(connectionId);
  const depths = new Map((await inbox.inboxDepths()).map(({ connectionId, ...depth }) => [connectionId, depth]));
  return async (connectionId) => depths.get(connectionId) ?? EMPTY_INBOX;
}
