import type { ChangeAction, ChangeEvent, Compensation, Employee, TimeOffRequest } from '@hrkit/core';
import type { SyncedBalance } from './balances.js';
import { changedFields } from './changed-fields.js';
import { employeeAction, timeOffAction } from './classify.js';
import { buildEvent, type Provenance } from './events.js';
import { comparable, sha256, stableStringify } from './fingerprint.js';
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
  | { entity: 'time_off_request'; record: TimeOffRequest }
  | { entity: 'time_off_balance'; record: SyncedBalance }
  | { entity: 'compensation'; record: Compensation };

/**
 * The record as the store keeps it and the diff compares it: normalized, minus volatile fields, with references to
 * other people by id only (a rename is an employee change, not a change of every request that names them), and —
 * when the adapter could not read a value (`dataIssues`) — the stored value kept for that field instead of the
 * null the adapter left: an unreadable value is reported, never turned into an `updated` event.
 */
export function storedForm(entity: SyncEntity, record: object, stored: Record<string, unknown> | null) {
  const data = comparable(record);
  if (entity === 'time_off_request') {
    const request = data as Partial<TimeOffRequest>;
    if (request.employee) data.employee = { ...request.employee, displayName: null };
    if (request.approver) data.approver = { ...request.approver, displayName: null };
  }
  const issues = (record as { dataIssues?: { field: string }[] }).dataIssues ?? [];
  if (stored) for (const issue of issues) copyPath(stored, data, issue.field);
  return data;
}

/**
 * Upsert one normalized record and, when it really changed, write its event to the outbox — in the caller's
 * transaction, so the row and its event commit together or not at all. Returns the event, or null if unchanged.
 * Syncs and webhooks both come through here: the action (created / updated / terminated; time-off status moves)
 * and `changedFields` (model paths) are always derived from the stored and the new record, whatever the path.
 * `provenance` adds the provider's event id and type when a webhook led here.
 */
export async function applyRecord(
  unit: SyncUnitOfWork,
  context: ApplyContext,
  input: SyncedRecord,
  provenance?: Provenance,
): Promise<ChangeEvent | null> {
  const { entity, record } = input;
  // A request the provider lists as deleted is gone, as a webhook's read (404) finds it: one `deleted`, same id.
  if (input.entity === 'time_off_request' && input.record.status.value === 'deleted')
    return markDeleted(unit, context, entity, record.id, provenance);
  const stored = await unit.getRecord(context.connectionId, entity, record.id);
  const live = stored && !stored.deleted ? stored : null;
  // The new stored form needs the stored one only to keep values the adapter could not read (`dataIssues`). Without
  // them, the fingerprint is compared first and the stored row is not even parsed when nothing changed.
  const hasIssues = ((record as { dataIssues?: unknown[] }).dataIssues?.length ?? 0) > 0;
  let before = live && hasIssues ? storedForm(entity, live.data as object, null) : null;
  const data = storedForm(entity, record, before);
  // One serialization per record: the canonical text is both hashed (the fingerprint) and stored.
  const dataJson = stableStringify(data);
  const print = sha256(dataJson);
  if (live && live.fingerprint === print) return null;
  if (live && !before) before = storedForm(entity, live.data as object, null);

  const fields = before ? changedFields(before, data) : [];
  const employeeId = input.entity === 'employee' ? input.record.id : input.record.employee.id;
  const row: StoredRecord = {
    entity,
    id: record.id,
    remoteId: record.remoteId,
    employeeId,
    fingerprint: print,
    version: (stored?.version ?? 0) + 1,
    data,
    // A request whose status is `deleted` is still a row the provider returns; `deleted` here means gone.
    deleted: false,
    syncedAt: context.now,
  };
  if (live && before && fields.length === 0) {
    // Only the stored form changed (an older hrkit stored names inside requests): refresh the row, no event.
    await unit.putRecord(context.connectionId, { ...row, version: live.version }, dataJson);
    return null;
  }
  const action: ChangeAction =
    input.entity === 'employee'
      ? employeeAction(before as Employee | null, input.record)
      : input.entity === 'time_off_request'
        ? timeOffAction(before as TimeOffRequest | null, input.record)
        : before
          ? 'updated'
          : 'created';
  await unit.putRecord(context.connectionId, row, dataJson);
  const event = buildEvent(
    {
      connectionId: context.connectionId,
      provider: context.provider,
      entity,
      action,
      entityId: record.id,
      remoteId: record.remoteId,
      employeeId,
      version: row.version,
      fingerprint: print,
      occurredAt: 'updatedAt' in record ? (record.updatedAt ?? null) : null,
      detectedAt: context.now,
      origin: context.origin,
      changedFields: fields,
      previousRemoteId: input.entity === 'time_off_request' ? input.record.editChain.previousRequestId : null,
    },
    provenance,
  );
  await appendToOutbox(unit, context.connectionId, event);
  return event;
}

/** Mark a record gone at the provider and emit `deleted`. No-op (null) when unknown or already deleted. */
export async function markDeleted(
  unit: SyncUnitOfWork,
  context: ApplyContext,
  entity: SyncEntity,
  id: string,
  provenance?: Provenance,
): Promise<ChangeEvent | null> {
  const stored = await unit.getRecord(context.connectionId, entity, id);
  if (!stored || stored.deleted) return null;
  const version = stored.version + 1;
  await unit.putRecord(context.connectionId, { ...stored, version, deleted: true, syncedAt: context.now });
  // Its `deleted` status already produced the event; disappearing afterwards is not a second change.
  if (entity === 'time_off_request' && (stored.data as TimeOffRequest).status.value === 'deleted') return null;
  const event = buildEvent(
    {
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
    },
    provenance,
  );
  await appendToOutbox(unit, context.connectionId, event);
  return event;
}

/**
 * An employee gone at the provider takes their time-off requests with them (no provider lists the requests of a
 * deleted person, and a feed never reports them): mark the employee and each of their live requests deleted.
 * `requestsOf` lets a deletion pass index the requests once instead of listing them per employee.
 */
export async function markEmployeeDeleted(
  unit: SyncUnitOfWork,
  context: ApplyContext,
  id: string,
  requestsOf?: (employeeId: string) => string[],
  provenance?: Provenance,
): Promise<ChangeEvent[]> {
  const events: ChangeEvent[] = [];
  const employee = await markDeleted(unit, context, 'employee', id, provenance);
  if (!employee) return events;
  events.push(employee);
  const requests =
    requestsOf?.(id) ??
    (await unit.listRecords(context.connectionId, 'time_off_request'))
      .filter((record) => record.employeeId === id)
      .map((record) => record.id);
  for (const requestId of requests) {
    const event = await markDeleted(unit, context, 'time_off_request', requestId);
    if (event) events.push(event);
  }
  return events;
}

function copyPath(from: Record<string, unknown>, to: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  let source: unknown = from;
  let target: Record<string, unknown> = to;
  for (const [index, key] of keys.entries()) {
    if (source === null || typeof source !== 'object') return;
    const value = (source as Record<string, unknown>)[key];
    if (index === keys.length - 1) {
      target[key] = structuredClone(value);
      return;
    }
    const next = target[key];
    if (next === null || typeof next !== 'object') return;
    target[key] = { ...(next as Record<string, unknown>) };
    target = target[key] as Record<string, unknown>;
    source = value;
  }
}

/** The engine never needs to know whether an event was new (ids are deterministic), so let the store defer it. */
async function appendToOutbox(unit: SyncUnitOfWork, connectionId: string, event: ChangeEvent): Promise<void> {
  if (unit.queueEvent) unit.queueEvent(connectionId, event);
  else await unit.appendEvent(connectionId, event);
}
