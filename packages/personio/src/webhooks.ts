import {
  type ChangeEvent,
  deliveryHeader,
  hrkitId,
  parseProviderData,
  readInstant,
  readText,
  type WebhookDelivery,
  type WebhookHandlerV1,
  type WebhookOutcome,
  verifiedJson,
} from '@hrkit/core';
import { PERSONIO } from './config.js';
import { RawPersonioWebhookEvent } from './raw/webhook-event.js';

/**
 * Personio signs nothing: a delivery carries the static token configured on the webhook, verbatim, in
 * `Authorization` (with or without a `Bearer ` the admin typed). It proves the sender, not the body, which is why
 * the payload is only used to pick what to read again from Personio (docs/security.md, docs/providers/personio.md).
 */
export const PERSONIO_TOKEN_HEADER = 'authorization';

/** Event → what changed. Employment events change the person's employee record; unknown events are ignored. */
const EVENTS: Record<string, [ChangeEvent['entity'], ChangeEvent['action']]> = {
  'person.created': ['employee', 'created'],
  'person.updated': ['employee', 'updated'],
  'person.deleted': ['employee', 'deleted'],
  'employment.created': ['employee', 'updated'],
  'employment.updated': ['employee', 'updated'],
  'employment.deleted': ['employee', 'updated'],
  'absence-period.created': ['time_off_request', 'created'],
  'absence-period.updated': ['time_off_request', 'updated'],
  'absence-period.updated.timerange': ['time_off_request', 'updated'],
  'absence-period.deleted': ['time_off_request', 'deleted'],
};

export class PersonioWebhooks implements WebhookHandlerV1 {
  /** The configured token, compared in constant time (core's verifiedJson), then the body parsed. */
  handle(delivery: WebhookDelivery, token: string): WebhookOutcome {
    const given = deliveryHeader(delivery, PERSONIO_TOKEN_HEADER) ?? '';
    const expected = given.startsWith('Bearer ') && !token.startsWith('Bearer ') ? `Bearer ${token}` : token;
    const json = verifiedJson(delivery, { provider: PERSONIO, header: PERSONIO_TOKEN_HEADER, expected });
    const event = parseProviderData(RawPersonioWebhookEvent, json, { provider: PERSONIO, what: 'webhook event' });
    const known = Object.hasOwn(EVENTS, event.event_name) ? EVENTS[event.event_name] : undefined;
    const events = known ? [toChangeEvent(event, ...known)].filter((change) => change !== null) : [];
    return { kind: 'events', events, providerEventType: event.event_name };
  }
}

/** Ids only: the record's own id, and for absences the person's (where the payload names it). */
function toChangeEvent(
  event: RawPersonioWebhookEvent,
  entity: ChangeEvent['entity'],
  action: ChangeEvent['action'],
): ChangeEvent | null {
  const p = event.payload as Record<string, { id?: unknown } | unknown>;
  const idOf = (value: unknown) => readText((value as { id?: unknown } | null)?.id ?? value);
  // A person event's own id is the person; an employment's or absence's id is not, so they need the person's.
  const personId = idOf(p.person) ?? idOf(p.person_id) ?? (event.event_name.startsWith('person.') ? idOf(p) : null);
  const remoteId = entity === 'employee' ? personId : idOf(p);
  if (!remoteId || !personId) return null; // an absence is read per person: without one it cannot be fetched
  return {
    id: `${PERSONIO}:webhook:${event.event_name}:${remoteId}:${event.occurred_at ?? ''}`,
    provider: PERSONIO,
    entity,
    action,
    entityId: hrkitId(PERSONIO, remoteId),
    remoteId,
    employeeId: personId ? hrkitId(PERSONIO, personId) : null,
    occurredAt: readInstant(event.occurred_at, { assumeZone: 'UTC' }),
    detectedAt: new Date().toISOString(),
    origin: 'webhook',
    changedFields: [],
    previousRemoteId: null,
    providerEventType: event.event_name,
  };
}
