import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  type ChangeAction,
  type ChangeEntity,
  type ChangeEvent,
  type Clock,
  hrkitId,
  type Logger,
  parseJsonLossless,
  systemClock,
  silentLogger,
  type WebhookDelivery,
  type WebhookHandlerV1,
  type WebhookOutcome,
  WebhookVerificationError,
} from '@hrkit/core';
import { HIBOB } from './config.js';
import { asIsoDateTime, asText, isRecord } from './mapping/normalize.js';
import { RawWebhookPayload } from './raw/webhooks.js';

export const SIGNATURE_HEADER = 'bob-signature';

/** Bob-Signature: base64(HMAC-SHA512(secret as UTF-8, raw body bytes)). */
export function signHiBobWebhook(body: Uint8Array | string, secret: string): string {
  return createHmac('sha512', Buffer.from(secret, 'utf8')).update(toBytes(body)).digest('base64');
}

function toBytes(body: Uint8Array | string): Buffer {
  return typeof body === 'string'
    ? Buffer.from(body, 'utf8')
    : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

function header(headers: WebhookDelivery['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers))
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : (value as string | undefined);
  return undefined;
}

/** Constant-time comparison of equal-length buffers; any length mismatch is simply "not equal". */
export function verifyHiBobSignature(body: Uint8Array | string, signature: string, secret: string): boolean {
  const expected = createHmac('sha512', Buffer.from(secret, 'utf8')).update(toBytes(body)).digest();
  const given = Buffer.from(signature.trim(), 'base64');
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

/** HiBob's connection test: the text `Ping test`, or `{"text":"Ping test"}` when the text form fails. */
export function isPing(text: string): boolean {
  const trimmed = text.trim();
  if (/^"?ping test"?$/i.test(trimmed)) return true;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return isRecord(parsed) && typeof parsed.text === 'string' && /^ping test$/i.test(parsed.text.trim());
  } catch {
    return false;
  }
}

interface EventShape {
  entity: ChangeEntity;
  action: ChangeAction;
}

/** HiBob event type → what changed. Lifecycle moves other than leaving are employee updates. */
const EVENT_TYPES: Record<string, EventShape> = {
  'employee.created': { entity: 'employee', action: 'created' },
  'employee.updated': { entity: 'employee', action: 'updated' },
  'employee.deleted': { entity: 'employee', action: 'deleted' },
  'employee.left': { entity: 'employee', action: 'terminated' },
  'employee.joined': { entity: 'employee', action: 'updated' },
  'employee.activated': { entity: 'employee', action: 'updated' },
  'employee.inactivated': { entity: 'employee', action: 'updated' },
  'employee.temporaryLeave': { entity: 'employee', action: 'updated' },
  'table.entry.created': { entity: 'employee', action: 'updated' },
  'table.entry.updated': { entity: 'employee', action: 'updated' },
  'timeoff.request.requested': { entity: 'time_off_request', action: 'requested' },
  'timeoff.request.approved': { entity: 'time_off_request', action: 'approved' },
  'timeoff.request.declined': { entity: 'time_off_request', action: 'declined' },
  'timeoff.request.cancelled': { entity: 'time_off_request', action: 'cancelled' },
  'timeoff.request.canceled': { entity: 'time_off_request', action: 'cancelled' },
  'timeoff.request.deleted': { entity: 'time_off_request', action: 'deleted' },
  'timeoff.request.updated': { entity: 'time_off_request', action: 'updated' },
  'timeoff.request.imported': { entity: 'time_off_request', action: 'created' },
};

/** `fieldUpdates` items are field-id strings or objects (`{fieldId}`, `{id}`, `{field}`…): both are read. */
function fieldIds(updates: unknown): string[] {
  if (!Array.isArray(updates)) return [];
  const ids: string[] = [];
  for (const item of updates) {
    const id = isRecord(item)
      ? (asText(item.fieldId) ?? asText(item.id) ?? asText(item.field) ?? asText(item.fieldPath) ?? asText(item.name))
      : asText(item);
    if (id) ids.push(id);
  }
  return ids;
}

/**
 * Verifies and parses HiBob webhook deliveries (v2 envelopes and legacy v1 bodies) into ChangeEvents. Event ids
 * are a hash of what identifies the change, so a redelivery yields the same id. Unknown types yield no event.
 */
export class HiBobWebhookHandler implements WebhookHandlerV1 {
  constructor(
    private readonly clock: Clock = systemClock,
    private readonly logger: Logger = silentLogger,
  ) {}

  handle(delivery: WebhookDelivery, secret: string): WebhookOutcome {
    const bytes = toBytes(delivery.body);
    const text = bytes.toString('utf8');
    const signature = header(delivery.headers, SIGNATURE_HEADER);
    if (!signature) {
      // Bob's connection test must get a 2xx; an unsigned ping changes nothing, so it is answered as such.
      if (isPing(text)) return { kind: 'ping' };
      throw new WebhookVerificationError('missing_signature', 'HiBob webhook delivery has no Bob-Signature header', {
        provider: HIBOB,
      });
    }
    if (!verifyHiBobSignature(bytes, signature, secret))
      throw new WebhookVerificationError(
        'bad_signature',
        'HiBob webhook signature does not match the body (Bob-Signature = base64 HMAC-SHA512 of the raw body with the webhook secret)',
        { provider: HIBOB },
      );
    if (isPing(text)) return { kind: 'ping' };
    let json: unknown;
    try {
      json = parseJsonLossless(text);
    } catch {
      throw new WebhookVerificationError('malformed_body', 'HiBob webhook body is signed but is not JSON', {
        provider: HIBOB,
      });
    }
    const parsed = RawWebhookPayload.safeParse(json);
    if (!parsed.success)
      throw new WebhookVerificationError('malformed_body', 'HiBob webhook body is not an event envelope', {
        provider: HIBOB,
      });
    return this.toEvents(parsed.data);
  }

  private toEvents(payload: RawWebhookPayload): WebhookOutcome {
    const data = isRecord(payload.data) ? payload.data : {};
    const type = payload.type ?? payload.event ?? asText(data.type) ?? null;
    // Own keys only: a type such as `constructor` or `__proto__` must not find Object.prototype's members.
    const shape = type && Object.hasOwn(EVENT_TYPES, type) ? EVENT_TYPES[type] : undefined;
    if (!type || !shape) {
      this.logger.info('hibob.webhook.skipped', { type: type ?? 'none', reason: 'unknown event type' });
      return { kind: 'events', events: [], providerEventType: type };
    }
    const employeeId =
      asText(data.employeeId) ?? asText(payload.employeeId) ?? asText(payload.employee?.id) ?? asText(data.id);
    const requestId = asText(data.timeoffRequestId) ?? asText(payload.timeoffRequestId);
    const remoteId = shape.entity === 'employee' ? employeeId : requestId;
    if (!remoteId) {
      this.logger.warn('hibob.webhook.skipped', { type, reason: 'no employee or request id' });
      return { kind: 'events', events: [], providerEventType: type };
    }
    const changedFields = type.startsWith('table.entry.')
      ? [`table:${asText(data.tableId) ?? 'unknown'}`]
      : fieldIds(data.fieldUpdates ?? (payload as Record<string, unknown>).fieldUpdates);
    const triggeredAt = payload.triggeredAt ?? null;
    const previous = asText(data.previousRequestId);
    const identity = JSON.stringify([
      payload.companyId ?? null,
      type,
      remoteId,
      triggeredAt,
      changedFields,
      asText(data.effectiveDate) ?? asText(data.id),
      previous,
    ]);
    const event: ChangeEvent = {
      id: `${HIBOB}:webhook:${createHash('sha256').update(identity).digest('hex').slice(0, 32)}`,
      provider: HIBOB,
      entity: shape.entity,
      action: shape.action,
      entityId: hrkitId(HIBOB, remoteId),
      remoteId,
      employeeId: employeeId ? hrkitId(HIBOB, employeeId) : null,
      occurredAt: asIsoDateTime(triggeredAt),
      detectedAt: new Date(this.clock.now()).toISOString(),
      origin: 'webhook',
      changedFields,
      previousRemoteId: previous,
      providerEventType: type,
    };
    return { kind: 'events', events: [event satisfies ChangeEvent], providerEventType: type };
  }
}
