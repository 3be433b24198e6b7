import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  type ChangeEvent,
  hrkitId,
  parseProviderData,
  type WebhookDelivery,
  type WebhookHandlerV1,
  type WebhookOutcome,
  WebhookVerificationError,
} from '@hrkit/core';
import { ACME } from './config.js';
import { RawAcmeWebhookEvent } from './raw.js';

// #region webhooks
/** Acme signs each delivery: `Acme-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. */
export const ACME_SIGNATURE_HEADER = 'acme-signature';

export function signAcmeBody(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Verify over the raw bytes in constant time, then parse. Never re-serializes the JSON before verifying. */
export class AcmeWebhooks implements WebhookHandlerV1 {
  handle(delivery: WebhookDelivery, secret: string): WebhookOutcome {
    const header = headerValue(delivery.headers, ACME_SIGNATURE_HEADER);
    if (!header)
      throw new WebhookVerificationError('missing_signature', 'acme: no Acme-Signature header', { provider: ACME });
    const expected = Buffer.from(signAcmeBody(delivery.body, secret));
    const given = Buffer.from(header);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new WebhookVerificationError('bad_signature', 'acme: the Acme-Signature does not match the body', {
        provider: ACME,
      });
    const text = typeof delivery.body === 'string' ? delivery.body : new TextDecoder().decode(delivery.body);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new WebhookVerificationError('malformed_body', 'acme: the signed body is not JSON', { provider: ACME });
    }
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
  const occurredAt = event.occurred_at && !Number.isNaN(Date.parse(event.occurred_at)) ? event.occurred_at : null;
  return {
    id: `${ACME}:webhook:${event.id}`,
    provider: ACME,
    entity: 'employee',
    action: (Object.hasOwn(ACTIONS, event.event) ? ACTIONS[event.event] : undefined) ?? 'updated',
    entityId: employeeId,
    remoteId: event.emp_id,
    employeeId,
    occurredAt: occurredAt ? new Date(occurredAt).toISOString() : null,
    detectedAt: new Date().toISOString(),
    origin: 'webhook',
    changedFields: [],
    previousRemoteId: null,
    providerEventType: event.event,
  };
}

function headerValue(headers: WebhookDelivery['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers))
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : (value as string | undefined);
  return undefined;
}
