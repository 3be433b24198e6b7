import {
  type ChangeEvent,
  type Connection,
  type Employee,
  NotFoundError,
  type TimeOffRequest,
  type WebhookDelivery,
  type WebhookOutcome,
} from '@hrkit/core';
import { type ApplyContext, applyRecord, markDeleted } from './apply-record.js';
import type { SyncStore, SyncUnitOfWork } from './store.js';

export interface ApplyWebhookOptions {
  connectionId?: string;
  now?: () => number;
  /** Runs inside each event's transaction, after its record change: the inbox marks its items applied here. */
  withinTransaction?: (unit: SyncUnitOfWork, event: ChangeEvent) => Promise<void>;
}

export interface ApplyWebhookResult {
  kind: 'ping' | 'events';
  /** Events written to the outbox (a record already up to date writes none). */
  applied: ChangeEvent[];
  /** Events received, applied or not. */
  received: number;
}

/** Verify (raw bytes, constant time) and parse one delivery, then apply it. */
export async function applyWebhook(
  store: SyncStore,
  connection: Connection,
  delivery: WebhookDelivery,
  secret: string,
  options: ApplyWebhookOptions = {},
): Promise<ApplyWebhookResult> {
  return applyWebhookOutcome(store, connection, connection.webhooks.handle(delivery, secret), options);
}

/**
 * Apply an already verified delivery. Webhook payloads are thin (ids only), so each event's record is fetched
 * and upserted; the provider's event (id, action, type) is what lands in the outbox, with origin `webhook`.
 * A `deleted` event, or a record the provider no longer has, marks the stored record deleted.
 */
export async function applyWebhookOutcome(
  store: SyncStore,
  connection: Connection,
  outcome: WebhookOutcome,
  options: ApplyWebhookOptions = {},
): Promise<ApplyWebhookResult> {
  if (outcome.kind === 'ping') return { kind: 'ping', applied: [], received: 0 };
  const now = options.now ?? Date.now;
  const applied: ChangeEvent[] = [];
  for (const event of outcome.events) {
    const record = event.action === 'deleted' ? null : await fetchRecord(connection, event);
    const context: ApplyContext = {
      connectionId: options.connectionId ?? connection.provider,
      provider: connection.provider,
      now: new Date(now()).toISOString(),
      origin: 'webhook',
    };
    const keep = (derived: ChangeEvent): ChangeEvent => ({
      ...event,
      origin: 'webhook',
      // Provider field ids when it sent them; otherwise the model paths the fetch showed changed.
      changedFields: event.changedFields.length > 0 ? event.changedFields : derived.changedFields,
      detectedAt: derived.detectedAt,
    });
    const written = await store.transaction(async (unit) => {
      const change =
        record === null
          ? await markDeleted(unit, context, event.entity, event.entityId, keep)
          : event.entity === 'employee'
            ? await applyRecord(unit, context, { entity: 'employee', record: record as Employee }, keep)
            : await applyRecord(unit, context, { entity: 'time_off_request', record: record as TimeOffRequest }, keep);
      await options.withinTransaction?.(unit, event);
      return change;
    });
    if (written) applied.push(written);
  }
  return { kind: 'events', applied, received: outcome.events.length };
}

async function fetchRecord(connection: Connection, event: ChangeEvent): Promise<Employee | TimeOffRequest | null> {
  try {
    if (event.entity === 'employee') return await connection.employees.get(event.remoteId);
    const employeeRemoteId = remoteIdOf(event.employeeId, connection.provider);
    if (!employeeRemoteId) throw new Error(`time-off event ${event.id} names no employee: cannot fetch the request`);
    return await connection.timeOff.request(employeeRemoteId, event.remoteId);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

function remoteIdOf(hrkitId: string | null, provider: string): string | null {
  if (!hrkitId) return null;
  return hrkitId.startsWith(`${provider}:`) ? hrkitId.slice(provider.length + 1) : hrkitId;
}
