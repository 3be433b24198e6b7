import type { ChangeAction, ChangeEvent, Employee, TimeOffRequest } from '@hrkit/core';
import { changedFields } from './changed-fields.js';
import { employeeAction, timeOffAction } from './classify.js';
import { buildEvent } from './events.js';
import { comparable, fingerprint } from './fingerprint.js';
import type { StoredRecord, SyncEntity, SyncUnitOfWork } from './store.js';

export interface ApplyContext {
  connectionId: string;
  provider: string;
  /** ISO instant stamped on rows and events (`detectedAt`). */
  now: string;
  origin: ChangeEvent['origin'];
}

export type SyncedRecord =
  | { entity: 'employee'; record: Employee }
  | { entity: 'time_off_request'; record: TimeOffRequest };

/**
 * Upsert one normalized record and, when it really changed, write its event to the outbox — in the caller's
 * transaction, so the row and its event commit together or not at all. Returns the event, or null if unchanged.
 * `override` lets a webhook keep the provider's own event (id, action, type) instead of the derived one.
 */
export async function applyRecord(
  unit: SyncUnitOfWork,
  context: ApplyContext,
  input: SyncedRecord,
  override?: (derived: ChangeEvent) => ChangeEvent,
): Promise<ChangeEvent | null> {
  const { entity, record } = input;
  const stored = await unit.getRecord(context.connectionId, entity, record.id);
  const data = comparable(record);
  const print = fingerprint(record);
  if (stored && !stored.deleted && stored.fingerprint === print) return null;

  const before = stored && !stored.deleted ? stored.data : null;
  const action: ChangeAction =
    input.entity === 'employee'
      ? employeeAction(before as Employee | null, input.record)
      : timeOffAction(before as TimeOffRequest | null, input.record);
  const version = (stored?.version ?? 0) + 1;
  const employeeId = input.entity === 'employee' ? input.record.id : input.record.employee.id;
  const row: StoredRecord = {
    entity,
    id: record.id,
    remoteId: record.remoteId,
    employeeId,
    fingerprint: print,
    version,
    data,
    // A request whose status is `deleted` is still a row the provider returns; `deleted` here means gone.
    deleted: false,
    syncedAt: context.now,
  };
  await unit.putRecord(context.connectionId, row);
  const derived = buildEvent({
    connectionId: context.connectionId,
    provider: context.provider,
    entity,
    action,
    entityId: record.id,
    remoteId: record.remoteId,
    employeeId,
    version,
    fingerprint: print,
    occurredAt: record.updatedAt ?? null,
    detectedAt: context.now,
    origin: context.origin,
    changedFields: before ? changedFields(before, data) : [],
    previousRemoteId: input.entity === 'time_off_request' ? input.record.editChain.previousRequestId : null,
  });
  const event = override ? override(derived) : derived;
  await appendToOutbox(unit, context.connectionId, event);
  return event;
}

/** Mark a record gone at the provider and emit `deleted`. No-op (null) when unknown or already deleted. */
export async function markDeleted(
  unit: SyncUnitOfWork,
  context: ApplyContext,
  entity: SyncEntity,
  id: string,
  override?: (derived: ChangeEvent) => ChangeEvent,
): Promise<ChangeEvent | null> {
  const stored = await unit.getRecord(context.connectionId, entity, id);
  if (!stored || stored.deleted) return null;
  const version = stored.version + 1;
  await unit.putRecord(context.connectionId, { ...stored, version, deleted: true, syncedAt: context.now });
  // Its `deleted` status already produced the event; disappearing afterwards is not a second change.
  if (entity === 'time_off_request' && (stored.data as TimeOffRequest).status.value === 'deleted') return null;
  const derived = buildEvent({
    connectionId: context.connectionId,
    provider: context.provider,
    entity,
    action: 'deleted',
    entityId: stored.id,
    remoteId: stored.remoteId,
    employeeId: stored.employeeId,
    version,
    fingerprint: stored.fingerprint,
    occurredAt: null,
    detectedAt: context.now,
    origin: context.origin,
    changedFields: [],
    previousRemoteId: null,
  });
  const event = override ? override(derived) : derived;
  await appendToOutbox(unit, context.connectionId, event);
  return event;
}

/** The engine never needs to know whether an event was new (ids are deterministic), so let the store defer it. */
async function appendToOutbox(unit: SyncUnitOfWork, connectionId: string, event: ChangeEvent): Promise<void> {
  if (unit.queueEvent) unit.queueEvent(connectionId, event);
  else await unit.appendEvent(connectionId, event);
}
