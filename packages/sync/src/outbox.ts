import type { ChangeEvent } from '@hrkit/core';
import type { SyncStore } from './store.js';

export interface DrainOptions {
  /** Events handed to the sink per call. Default 500. */
  batchSize?: number;
  now?: () => number;
}

/**
 * Deliver pending outbox events, oldest first, and mark each batch delivered only after the sink resolved.
 * At-least-once: a crash between the sink and the mark re-delivers that batch next time, with the same ids.
 */
export async function drainEvents(
  store: SyncStore,
  connectionId: string,
  sink: (events: ChangeEvent[]) => Promise<void> | void,
  options: DrainOptions = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 500;
  const now = options.now ?? Date.now;
  let delivered = 0;
  for (;;) {
    const pending = await store.listEvents(connectionId, { pendingOnly: true, limit: batchSize });
    if (pending.length === 0) return delivered;
    const events = pending.map((stored) => stored.event);
    await sink(events);
    await store.transaction((unit) =>
      unit.markDelivered(
        connectionId,
        events.map((event) => event.id),
        new Date(now()).toISOString(),
      ),
    );
    delivered += events.length;
  }
}
