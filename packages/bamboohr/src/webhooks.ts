import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  type ChangeAction,
  type ChangeEvent,
  hrkitId,
  parseJsonLossless,
  type WebhookDelivery,
  type WebhookHandlerV1,
  type WebhookOutcome,
  WebhookVerificationError,
} from '@hrkit/core';
import { instant, text } from './mapping/values.js';
import { RawEventWebhook, RawFieldWebhook } from './raw/webhook.js';

export const SIGNATURE_HEADER = 'x-bamboohr-signature';
export const TIMESTAMP_HEADER = 'x-bamboohr-timestamp';

/** BambooHR's signature: hex HMAC-SHA256 keyed with the webhook's privateKey over raw body bytes ‖ timestamp. */
export function signBambooHrWebhook(body: Uint8Array | string, timestamp: string, privateKey: string): string {
  return createHmac('sha256', privateKey).update(body).update(timestamp).digest('hex');
}

function header(headers: WebhookDelivery['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return Array.isArray(value) ? value[0] : (value as string | undefined);
  }
  return undefined;
}

const ACTIONS: Readonly<Record<string, ChangeAction>> = {
  created: 'created',
  inserted: 'created',
  updated: 'updated',
  deleted: 'deleted',
};

/** Verifies and parses BambooHR deliveries: event-based (`employee.*`) and field-based (`employees[]`) payloads. */
export class BambooHrWebhooks implements WebhookHandlerV1 {
  constructor(
    private readonly provider: string,
    private readonly now: () => number,
  ) {}

  handle(delivery: WebhookDelivery, secret: string): WebhookOutcome {
    this.verify(delivery, secret);
    const text = typeof delivery.body === 'string' ? delivery.body : Buffer.from(delivery.body).toString('utf8');
    const contentType = header(delivery.headers, 'content-type') ?? '';
    const payload = contentType.includes('form-urlencoded') ? parseForm(text) : parseJson(text);
    return this.parse(payload);
  }

  private verify(delivery: WebhookDelivery, secret: string): void {
    const signature = header(delivery.headers, SIGNATURE_HEADER);
    const timestamp = header(delivery.headers, TIMESTAMP_HEADER);
    if (!signature || timestamp === undefined)
      throw new WebhookVerificationError(
        'missing_signature',
        `BambooHR webhook delivery lacks the ${signature ? TIMESTAMP_HEADER : SIGNATURE_HEADER} header`,
        { provider: this.provider },
      );
    const expected = Buffer.from(signBambooHrWebhook(delivery.body, timestamp, secret), 'hex');
    // Tolerate a `sha256=` prefix some relays add; BambooHR itself sends bare hex.
    const hex = signature.trim().replace(/^sha256=/i, '');
    const given = /^[0-9a-f]+$/i.test(hex) ? Buffer.from(hex, 'hex') : Buffer.alloc(0);
    const same = given.length === expected.length && timingSafeEqual(given, expected);
    if (!same)
      throw new WebhookVerificationError(
        'bad_signature',
        `BambooHR webhook signature does not match (${SIGNATURE_HEADER} must be hex HMAC-SHA256 of body + timestamp with the webhook's private key)`,
        { provider: this.provider },
      );
  }

  private parse(payload: unknown): WebhookOutcome {
    const event = RawEventWebhook.safeParse(payload);
    if (event.success) {
      const [entity, verb] = event.data.type.split('.');
      const employeeId = text(event.data.data?.employeeId);
      const action = ACTIONS[verb ?? ''];
      // company.* events concern the account, not a person: acknowledged, nothing to sync.
      if (!entity?.startsWith('employee') || !employeeId || !action)
        return { kind: 'events', events: [], providerEventType: event.data.type };
      return {
        kind: 'events',
        providerEventType: event.data.type,
        events: [
          this.event(employeeId, action, event.data.timestamp, event.data.data?.changedFields ?? [], event.data.type),
        ],
      };
    }
    const fields = RawFieldWebhook.safeParse(payload);
    if (fields.success)
      return {
        kind: 'events',
        providerEventType: null,
        events: fields.data.employees.map((entry) =>
          this.event(
            entry.id,
            ACTIONS[text(entry.action)?.toLowerCase() ?? ''] ?? 'updated',
            entry.timestamp,
            entry.changedFields ?? [],
            entry.action ? `employee_with_fields.${entry.action.toLowerCase()}` : null,
          ),
        ),
      };
    throw new WebhookVerificationError(
      'malformed_body',
      'BambooHR webhook body is neither an event-based ({type, data}) nor a field-based ({employees}) payload',
      { provider: this.provider },
    );
  }

  private event(
    remoteId: string,
    action: ChangeAction,
    timestamp: string | number | null | undefined,
    changedFields: readonly string[],
    providerEventType: string | null,
  ): ChangeEvent {
    const occurredAt = instant(timestamp ?? null);
    const id = createHash('sha256')
      .update([this.provider, remoteId, action, occurredAt ?? '', [...changedFields].sort().join(',')].join('|'))
      .digest('hex')
      .slice(0, 32);
    const employeeId = hrkitId(this.provider, remoteId);
    return {
      id,
      provider: this.provider,
      entity: 'employee',
      action,
      entityId: employeeId,
      remoteId,
      employeeId,
      occurredAt,
      detectedAt: new Date(this.now()).toISOString(),
      origin: 'webhook',
      changedFields: [...changedFields],
      previousRemoteId: null,
      providerEventType,
    };
  }
}

function parseJson(text: string): unknown {
  try {
    return parseJsonLossless(text);
  } catch {
    return undefined;
  }
}

/** `type=employee.updated&data[employeeId]=5&data[changedFields][0]=firstName` → nested object. */
export function parseForm(text: string): unknown {
  const result: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.split(/[[\]]+/).filter(Boolean);
    let target: Record<string, unknown> = result;
    for (const [index, part] of path.entries()) {
      if (index === path.length - 1) {
        target[part] = value;
        break;
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1] ?? '');
      target[part] ??= nextIsIndex ? [] : {};
      target = target[part] as Record<string, unknown>;
    }
  }
  return result;
}
