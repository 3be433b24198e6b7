import {
  type ChangeEvent,
  hmacSha256Hex,
  hrkitId,
  parseProviderData,
  readInstant,
  type WebhookDelivery,
  type WebhookHandlerV1,
  type WebhookOutcome,
  verifiedJson,
} from '@hrkit/core';
import { ACME } from './config.js';
import { RawAcmeWebhookEvent } from './raw/webhook-event.js';

// #region webhooks
/** Acme signs each delivery: `Acme-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
export const ACME_SIGNATURE_HEADER = 'acme-signature';

export function signAcmeBody(body: string | Uint8Array, secret: string): string {
  return `sha256=${hmacSha256Hex(body, secret)}`;
}

/** Verify over the raw bytes in constant time (core's verifiedJson), then parse. */
export class AcmeWebhooks implements WebhookHandlerV1 {
  handle(delivery: WebhookDelivery, secret: string): WebhookOutcome {
    const expected = signAcmeBody(delivery.body, secret);
    const json = verifiedJson(delivery, { provider: ACME, header: ACME_SIGNATURE_HEADER, expected });
    const event = parseProviderData(RawAcmeWebhookEvent, json, { provider: ACME, what: 'webhook event' });
    if (event.event === 'ping') return { kind: 'ping' };
    return { kind: 'events', events: [toChangeEvent(event)], providerEventType: event.event };
  }
}
// #endregion webhooks

const ACTIONS: Record<string, ChangeEvent['action']> = {
  'employee.created': 'created',
  'employee.updated': 'updated',
  'employee.left': 'terminated',
};

function toChangeEvent(event: RawAcmeWebhookEvent): ChangeEvent {
  const employeeId = hrkitId(ACME, event.emp_id);
  return {
    id: `${ACME}:webhook:${event.id}`,
    provider: ACME,
    entity: 'employee',
    action: (Object.hasOwn(ACTIONS, event.event) ? ACTIONS[event.event] : undefined) ?? 'updated',
    entityId: employeeId,
    remoteId: event.emp_id,
    employeeId,
    occurredAt: readInstant(event.occurred_at, { assumeZone: 'UTC' }),
    detectedAt: new Date().toISOString(),
    origin: 'webhook',
    changedFields: [],
    previousRemoteId: null,
    providerEventType: event.event,
  };
}
