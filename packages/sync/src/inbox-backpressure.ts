import { ConfigurationError } from '@hrkit/core';
import type { InboxReader } from './store.js';

/** How deep one connection's inbox may get before deliveries are refused (docs/sync.md, "Webhook inbox"). */
export interface InboxLimits {
  /** With this many pending items (or more), a delivery is answered 503 + Retry-After and not stored. */
  maxPending: number;
  /** Seconds, in the 503's `Retry-After`. */
  retryAfterSeconds: number;
}

/** `hrkit webhooks serve` and `hrkit serve` (`--max-inbox-depth`, `--retry-after`). */
export const DEFAULT_INBOX_LIMITS: Readonly<InboxLimits> = Object.freeze({ maxPending: 10_000, retryAfterSeconds: 30 });

/** The answer to send instead of storing a delivery. */
export interface InboxRefusal {
  status: 503;
  headers: { 'retry-after': string };
  body: { error: string };
  /** The pending count that made the inbox refuse (for the listener's log). */
  pending: number;
}

/**
 * Backpressure for a webhook listener: past `maxPending` pending items a connection's deliveries get 503 with
 * `Retry-After` instead of growing its inbox without bound; providers retry such answers later. Checked after the
 * delivery is verified and before it is stored. Concurrent deliveries each read the depth before any of them
 * commits, so the inbox may end a few items past the limit (at most the deliveries in flight at that moment).
 */
export class InboxBackpressure {
  readonly limits: Readonly<InboxLimits>;

  constructor(
    private readonly inbox: Pick<InboxReader, 'inboxDepth'>,
    limits: Partial<InboxLimits> = {},
  ) {
    const chosen = { ...DEFAULT_INBOX_LIMITS, ...limits };
    for (const field of ['maxPending', 'retryAfterSeconds'] as const)
      if (!Number.isSafeInteger(chosen[field]) || chosen[field] < 1)
        throw new ConfigurationError(`inbox limits: ${field} must be a whole number of at least 1`, { field });
    this.limits = Object.freeze(chosen);
  }

  /** The `Retry-After` header for this answer or any other "retry later" one (a listener shutting down). */
  retryAfterHeader(): { 'retry-after': string } {
    return { 'retry-after': String(this.limits.retryAfterSeconds) };
  }

  /** A 503 to answer when the connection's inbox is full, or null to go on and store the delivery. */
  async refusal(connectionId: string): Promise<InboxRefusal | null> {
    const { pending } = await this.inbox.inboxDepth(connectionId);
    if (pending < this.limits.maxPending) return null;
    return { status: 503, headers: this.retryAfterHeader(), body: { error: 'inbox full, retry later' }, pending };
  }
}
