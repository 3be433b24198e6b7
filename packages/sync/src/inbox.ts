import { createHash } from 'node:crypto';
import { type ChangeEvent, type Connection, HrKitError, type WebhookOutcome } from '@hrkit/core';
import { applyWebhookOutcome } from './apply-webhook.js';
import type { EnqueueResult, InboxItem, SyncStore } from './store.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** sha256 (hex) of a delivery's raw body, the inbox's body-level duplicate key. */
export function deliveryBodyHash(body: Uint8Array | string): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Write a verified delivery's events to the inbox in one transaction. Call it before answering 2xx: once it
 * resolves the delivery survives a crash (docs/sync.md, "Webhook inbox"). A ping stores nothing.
 */
export async function receiveIntoInbox(
  store: SyncStore,
  connectionId: string,
  body: Uint8Array | string,
  outcome: WebhookOutcome,
  now: () => number = Date.now,
): Promise<EnqueueResult> {
  if (outcome.kind === 'ping' || outcome.events.length === 0) return { stored: 0, duplicates: 0 };
  const delivery = { bodyHash: deliveryBodyHash(body), receivedAt: iso(now()), events: outcome.events };
  return store.transaction((unit) => unit.enqueueDelivery(connectionId, delivery));
}

/**
 * What an inbox item's `lastError` may say: the error's type, hrkit code and HTTP status. Never its message,
 * which can quote a provider's answer (personal data) or, from a third-party library, a credential.
 */
export function inboxErrorText(error: unknown): string {
  if (error instanceof HrKitError)
    return `${error.name} ${error.code}${error.status === null ? '' : ` HTTP ${error.status}`}${error.retryable ? ' (retryable)' : ''}`;
  if (error instanceof Error) return error.name;
  return 'non-Error thrown';
}

export interface InboxApplierOptions {
  /** Key of the connection's rows in the store. Default: the provider key. */
  connectionId?: string;
  now?: () => number;
  /** Failed attempts after which items become `dead`. Default 5. */
  maxAttempts?: number;
  /** Wait before retry number `attempt` (1-based). Default 2 s × 4^(attempt−1), at most 15 min. */
  retryDelayMs?: (attempt: number) => number;
  /** Once aborted, a step whose provider read is still in flight commits nothing: its items stay pending. */
  signal?: AbortSignal;
}

export type InboxStep =
  | { outcome: 'applied'; items: InboxItem[]; events: ChangeEvent[] }
  | { outcome: 'failed'; items: InboxItem[]; error: string; dead: boolean; retryAt: string | null }
  | { outcome: 'abandoned'; items: InboxItem[] };

/**
 * The event that stands for a burst of deliveries about one record: the newest. The applier reads the record and
 * derives the action and `changedFields` from the stored and the read record (as a sync does), so what earlier
 * deliveries said is covered; the newest delivery is kept as the event's provenance.
 */
export function coalesce(events: readonly ChangeEvent[]): ChangeEvent {
  const newest = events[events.length - 1];
  if (!newest) throw new Error('coalesce needs at least one event');
  return newest;
}

const defaultRetryDelay = (attempt: number) => Math.min(2_000 * 4 ** (attempt - 1), 900_000);

/**
 * Applies the inbox of one connection, one record at a time. Each step takes the oldest ready item together with
 * every pending item for the same record, reads the record once, and commits the record change, its outbox event
 * and "applied" on those items in one transaction. A crash before the commit leaves them pending: the next run
 * applies them, and a crash after it never applies them twice.
 */
export class InboxApplier {
  private readonly connectionId: string;
  private readonly now: () => number;
  private readonly maxAttempts: number;
  private readonly retryDelayMs: (attempt: number) => number;

  constructor(
    private readonly store: SyncStore,
    private readonly connection: Connection,
    private readonly options: InboxApplierOptions = {},
  ) {
    this.connectionId = options.connectionId ?? connection.provider;
    this.now = options.now ?? Date.now;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryDelayMs = options.retryDelayMs ?? defaultRetryDelay;
  }

  /** Apply the next ready record. Null when nothing is ready (empty, or every item waits for a retry). */
  async step(): Promise<InboxStep | null> {
    const [next] = await this.store.listInbox(this.connectionId, {
      status: 'pending',
      readyAt: iso(this.now()),
      limit: 1,
    });
    if (!next) return null;
    const items = await this.store.listInbox(this.connectionId, { status: 'pending', recordKey: next.recordKey });
    const seqs = items.map((item) => item.seq);
    const latest = coalesce(items.map((item) => item.event));
    const signal = this.options.signal;
    try {
      const result = await applyWebhookOutcome(
        this.store,
        this.connection,
        { kind: 'events', events: [latest], providerEventType: null },
        {
          connectionId: this.connectionId,
          now: this.now,
          withinTransaction: async (unit) => {
            signal?.throwIfAborted();
            await unit.markInboxApplied(this.connectionId, seqs, iso(this.now()));
          },
        },
      );
      return { outcome: 'applied', items, events: result.applied };
    } catch (error) {
      if (signal?.aborted) return { outcome: 'abandoned', items };
      const attempts = Math.max(...items.map((item) => item.attempts)) + 1;
      const dead = attempts >= this.maxAttempts;
      const retryAt = dead ? null : iso(this.now() + this.retryDelayMs(attempts));
      const text = inboxErrorText(error);
      await this.store.transaction((unit) => unit.markInboxFailed(this.connectionId, seqs, { error: text, retryAt }));
      return { outcome: 'failed', items, error: text, dead, retryAt };
    }
  }

  /** Step until nothing is ready. Returns the steps taken. */
  async drain(): Promise<InboxStep[]> {
    const steps: InboxStep[] = [];
    for (;;) {
      if (this.options.signal?.aborted) return steps;
      const step = await this.step();
      if (!step) return steps;
      steps.push(step);
      if (step.outcome === 'abandoned') return steps;
    }
  }

  /** When the earliest pending item waiting for a retry becomes ready (ms), or null when none waits. */
  async nextRetryAt(): Promise<number | null> {
    const waiting = await this.store.listInbox(this.connectionId, { status: 'pending' });
    let earliest: number | null = null;
    for (const item of waiting) {
      if (item.retryAt === null) return this.now();
      const at = Date.parse(item.retryAt);
      if (earliest === null || at < earliest) earliest = at;
    }
    return earliest;
  }
}
