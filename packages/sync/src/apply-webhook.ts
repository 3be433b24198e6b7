import {
  type ChangeEvent,
  type Connection,
  type Employee,
  NotFoundError,
  type TimeOffRequest,
  type WebhookDelivery,
  type WebhookOutcome,
} from '@hrkit/core';
import { type ApplyContext, applyRecord, markDeleted, markEmployeeDeleted } from './apply-record.js';
import type { Provenance } from './events.js';
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
 * Apply an already verified delivery. A delivery is only a hint that something changed (payloads carry ids, and a
 * validly signed one may still lie): each event's record is read from the provider and applied exactly as a sync
 * applies it — same classification (created / updated / terminated; time-off status moves), same `changedFields`
 * (model paths), same event ids — with the provider's event id and type kept as provenance. So a delivery that
 * carries no change, and a redelivery, write nothing; and a sync that runs after finds nothing left to report.
 *
 * Deletion is never taken on the delivery's word: the record is marked deleted only when the provider's read
 * answers 404. A `deleted` event for a record the provider still returns is applied as "changed, refetch".
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
    const record = await fetchRecord(connection, event);
    const context: ApplyContext = {
      connectionId: options.connectionId ?? connection.provider,
      provider: connection.provider,
      now: new Date(now()).toISOString(),
      origin: 'webhook',
    };
    const provenance: Provenance = {
      providerEventId: event.providerEventId ?? event.id,
      providerEventType: event.providerEventType ?? outcome.providerEventType,
    };
    const written = await store.transaction(async (unit): Promise<ChangeEvent[]> => {
      const changes = await applyFetched(unit, context, event, record, provenance);
      // In the same transaction: e.g. the inbox marks its deliveries applied together with the record change.
      await options.withinTransaction?.(unit, event);
      return changes;
    });
    applied.push(...written);
  }
  return { kind: 'events', applied, received: outcome.events.length };
}

/** The record the event points at as the provider has it now; null when the provider answers 404. */
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

/** The record a webhook pointed at, applied as a sync would apply it; null (404) is a confirmed deletion. */
async function applyFetched(
  unit: SyncUnitOfWork,
  context: ApplyContext,
  event: ChangeEvent,
  record: Employee | TimeOffRequest | null,
  provenance: Provenance,
): Promise<ChangeEvent[]> {
  if (record === null) {
    if (event.entity === 'employee') return markEmployeeDeleted(unit, context, event.entityId, undefined, provenance);
    const gone = await markDeleted(unit, context, event.entity, event.entityId, provenance);
    return gone ? [gone] : [];
  }
  const change =
    event.entity === 'employee'
      ? await applyRecord(unit, context, { entity: 'employee', record: record as Employee }, provenance)
      : await applyRecord(unit, context, { entity: 'time_off_request', record: record as TimeOffRequest }, provenance);
  return change ? [change] : [];
}
