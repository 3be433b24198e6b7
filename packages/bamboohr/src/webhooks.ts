import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  type ChangeAction,
  type ChangeEvent,
  ConfigurationError,
  hrkitId,
  parseJsonLossless,
  type WebhookDelivery,
  type WebhookHandlerV1,
  type WebhookOutcome,
  WebhookVerificationError,
} from '@hrkit/core';
import { instant, text } from './mapping/values.js';
import { RawEventWebhook, RawFieldWebhook } from './raw/webhook-event.js';
import { FormBodyError, parseForm } from './raw/webhook-form.js';

export { FormBodyError, parseForm } from './raw/webhook-form.js';

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

// A Map, not an object literal: a verb like `constructor` must not find Object.prototype's members.
const ACTIONS: ReadonlyMap<string, ChangeAction> = new Map([
  ['created', 'created'],
  ['inserted', 'created'],
  ['updated', 'updated'],
  ['deleted', 'deleted'],
]);

/** Bounds of what a BambooHR delivery may be; every one is checked before the body is read. See docs/security.md. */
export interface BambooHrWebhookOptions {
  /** How far `X-BambooHR-Timestamp` may be from the clock, either way, in seconds. Default 300 (±5 minutes). */
  toleranceSeconds?: number;
  /** Largest body accepted, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
}

export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;
export const DEFAULT_WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The documented timestamp form: Unix epoch seconds as a plain decimal integer — no sign, no leading zero, no
 * exponent, at most 12 digits. The canonical form matters for more than tidiness: the signature covers
 * `body ‖ timestamp` with nothing between them, so digits can be moved from one to the other without changing the
 * signed bytes. A canonical timestamp inside the freshness window has exactly one possible length (10 digits until
 * the year 2286), so only one split of the signed bytes into body and timestamp can pass both checks.
 */
const EPOCH_SECONDS = /^[1-9][0-9]{0,11}$/;

/** Verifies and parses BambooHR deliveries: event-based (`employee.*`) and field-based (`employees[]`) payloads. */
export class BambooHrWebhooks implements WebhookHandlerV1 {
  private readonly toleranceMs: number;
  private readonly maxBodyBytes: number;

  constructor(
    private readonly provider: string,
    private readonly now: () => number,
    options: BambooHrWebhookOptions = {},
  ) {
    const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
    const maxBody = options.maxBodyBytes ?? DEFAULT_WEBHOOK_MAX_BODY_BYTES;
    if (!(Number.isFinite(tolerance) && tolerance > 0))
      throw new ConfigurationError(`webhook toleranceSeconds must be a positive number (got ${tolerance})`, {
        field: 'webhooks.toleranceSeconds',
        provider,
      });
    if (!(Number.isInteger(maxBody) && maxBody > 0))
      throw new ConfigurationError(`webhook maxBodyBytes must be a positive whole number (got ${maxBody})`, {
        field: 'webhooks.maxBodyBytes',
        provider,
      });
    this.toleranceMs = tolerance * 1000;
    this.maxBodyBytes = maxBody;
  }

  handle(delivery: WebhookDelivery, secret: string): WebhookOutcome {
    const bytes = typeof delivery.body === 'string' ? Buffer.from(delivery.body, 'utf8') : delivery.body;
    if (bytes.byteLength > this.maxBodyBytes)
      throw this.refused('malformed_body', `body is larger than ${this.maxBodyBytes} bytes`);
    this.verify(bytes, delivery.headers, secret);
    return this.parse(this.read(bytes));
  }

  private verify(bytes: Uint8Array, headers: WebhookDelivery['headers'], secret: string): void {
    const signature = header(headers, SIGNATURE_HEADER);
    const timestamp = header(headers, TIMESTAMP_HEADER);
    if (!signature || timestamp === undefined)
      throw this.refused(
        'missing_signature',
        `delivery lacks the ${signature ? TIMESTAMP_HEADER : SIGNATURE_HEADER} header`,
      );
    if (!EPOCH_SECONDS.test(timestamp))
      throw this.refused(
        'malformed_timestamp',
        `${TIMESTAMP_HEADER} must be Unix epoch seconds as a plain integer (got ${JSON.stringify(timestamp.slice(0, 24))})`,
      );
    const skewMs = Number(timestamp) * 1000 - this.now();
    if (Math.abs(skewMs) > this.toleranceMs)
      throw this.refused(
        'stale_timestamp',
        `${TIMESTAMP_HEADER} is ${Math.round(Math.abs(skewMs) / 1000)} s ${skewMs < 0 ? 'old' : 'in the future'}; deliveries are accepted within ±${this.toleranceMs / 1000} s (a replay, or a clock out of sync)`,
      );
    const expected = Buffer.from(signBambooHrWebhook(bytes, timestamp, secret), 'hex');
    // Tolerate a `sha256=` prefix some relays add; BambooHR itself sends bare hex.
    const hex = signature.trim().replace(/^sha256=/i, '');
    const given = /^[0-9a-f]+$/i.test(hex) ? Buffer.from(hex, 'hex') : Buffer.alloc(0);
    const same = given.length === expected.length && timingSafeEqual(given, expected);
    if (!same)
      throw this.refused(
        'bad_signature',
        `signature does not match (${SIGNATURE_HEADER} must be hex HMAC-SHA256 of body + timestamp with the webhook's private key)`,
      );
  }

  /**
   * One canonical reading of the signed bytes, whatever the (unsigned) Content-Type header says: a body that starts
   * with `{` is JSON, anything else is form-encoded. A relay or an attacker cannot make hrkit read signed JSON as a
   * form or the reverse by changing a header the signature does not cover.
   */
  private read(bytes: Uint8Array): unknown {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw this.refused('malformed_body', 'body is not UTF-8 text');
    }
    if (text.trimStart().startsWith('{')) return parseJson(text);
    try {
      return parseForm(text);
    } catch (error) {
      if (error instanceof FormBodyError)
        throw this.refused('malformed_body', `form-encoded body refused: ${error.message}`);
      throw error;
    }
  }

  private refused(reason: WebhookVerificationError['reason'], problem: string): WebhookVerificationError {
    return new WebhookVerificationError(reason, `BambooHR webhook ${problem}`, { provider: this.provider });
  }

  private parse(payload: unknown): WebhookOutcome {
    const event = RawEventWebhook.safeParse(payload);
    if (event.success) {
      const [entity, verb] = event.data.type.split('.');
      const employeeId = text(event.data.data?.employeeId);
      const action = ACTIONS.get(verb ?? '');
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
            ACTIONS.get(text(entry.action)?.toLowerCase() ?? '') ?? 'updated',
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
