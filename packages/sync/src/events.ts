import type { ChangeAction, ChangeEvent } from '@hrkit/core';
import { sha256 } from './fingerprint.js';
import type { SyncEntity } from './store.js';

export interface EventInput {
  connectionId: string;
  provider: string;
  entity: SyncEntity;
  action: ChangeAction;
  entityId: string;
  remoteId: string;
  employeeId: string | null;
  /** The record's version after the change and its fingerprint: together they name the change. */
  version: number;
  fingerprint: string;
  occurredAt: string | null;
  detectedAt: string;
  origin: ChangeEvent['origin'];
  changedFields: string[];
  previousRemoteId: string | null;
}

/**
 * Event ids are derived from what changed, never from when it was seen: a crashed-and-resumed run, or the same
 * change found by a sync and again by the next one, produces the same id, so consumers can dedupe on it.
 */
export function eventId(
  input: Pick<EventInput, 'connectionId' | 'entity' | 'entityId' | 'version' | 'action' | 'fingerprint'>,
): string {
  const name = [input.connectionId, input.entity, input.entityId, input.version, input.action, input.fingerprint].join(
    '|',
  );
  return `evt_${sha256(name).slice(0, 32)}`;
}

/** Which provider event led to a change (webhooks): kept on the event, never part of its identity. */
export interface Provenance {
  providerEventId: string | null;
  providerEventType: string | null;
}

/**
 * The event of a change. Its id names the change (record, version, action, content), not the path that found it:
 * the same change reached by a webhook and by a sync carries the same id.
 */
export function buildEvent(input: EventInput, provenance?: Provenance): ChangeEvent {
  return {
    id: eventId(input),
    provider: input.provider,
    entity: input.entity,
    action: input.action,
    entityId: input.entityId,
    remoteId: input.remoteId,
    employeeId: input.employeeId,
    occurredAt: input.occurredAt,
    detectedAt: input.detectedAt,
    origin: input.origin,
    changedFields: input.changedFields,
    previousRemoteId: input.previousRemoteId,
    providerEventType: provenance?.providerEventType ?? null,
    providerEventId: provenance?.providerEventId ?? null,
  };
}
