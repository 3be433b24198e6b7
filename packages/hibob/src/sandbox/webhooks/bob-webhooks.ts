import { createHmac } from 'node:crypto';
import {
  ControlError,
  type DeliveryAttempt,
  PARTNER_RETRY_SCHEDULE_MS,
  type WebhookEndpoint,
  type WebhookSender,
} from '@hrkit/sandbox-kit';
import type { CompanyEvent, CompanyState } from '../state/company-state.js';
import { bobTimestamp } from '../state/time.js';

/** HiBob's documented partner schedule: 1, 10, 20, 40, 80, 160 minutes, then dropped. */
export const HIBOB_PARTNER_RETRY_SCHEDULE_MS = PARTNER_RETRY_SCHEDULE_MS;

/** `Bob-Signature`: base64 HMAC-SHA512 of the raw body bytes, keyed by the webhook secret (UTF-8). */
export function bobSignature(rawBody: Buffer | string, secret: string): string {
  return createHmac('sha512', Buffer.from(secret, 'utf8')).update(rawBody).digest('base64');
}

export function signBobDelivery(rawBody: Buffer, secret: string): Record<string, string> {
  return { 'Bob-Signature': bobSignature(rawBody, secret) };
}

/** The v2 envelope, same for every event (hibob-api.md §7). */
export function bobEnvelope(state: CompanyState, event: CompanyEvent): string {
  return JSON.stringify({
    companyId: state.data.companyId,
    type: event.type,
    triggeredBy: event.triggeredBy,
    triggeredAt: bobTimestamp(state.now()),
    version: 'v2',
    data: event.data,
  });
}

/** Webhook endpoints of the company: ping on registration, then every company event, signed and queued. */
export class BobWebhooks {
  private secretCounter = 0;

  constructor(
    state: CompanyState,
    readonly sender: WebhookSender,
    private readonly newSecret: () => string,
  ) {
    state.onEvent((event) => {
      if (this.sender.endpoints().length > 0)
        this.sender.enqueue(bobEnvelope(state, event), { contentType: 'application/json' });
    });
  }

  /**
   * Registers an endpoint after HiBob's connection test: POST `Ping test` (text), and if that fails
   * `{"text":"Ping test"}`; the endpoint must answer 2xx or it is not set up.
   */
  async register(url: string, secret?: string): Promise<{ endpoint: WebhookEndpoint; ping: DeliveryAttempt[] }> {
    const chosenSecret = secret ?? this.newSecret();
    this.secretCounter++;
    const candidate = { id: `webhook_${this.secretCounter}`, url, secret: chosenSecret };
    const ping: DeliveryAttempt[] = [await this.sender.sendOnce(candidate, 'Ping test', 'text/plain')];
    if (!ping[0]!.ok)
      ping.push(await this.sender.sendOnce(candidate, JSON.stringify({ text: 'Ping test' }), 'application/json'));
    if (!ping.some((attempt) => attempt.ok)) {
      const last = ping[ping.length - 1]!;
      throw new ControlError(
        400,
        `webhook endpoint ${url} did not answer the ping with 2xx (${last.status ?? last.error})`,
      );
    }
    return { endpoint: this.sender.register(candidate), ping };
  }

  secrets(): string[] {
    return this.sender.endpoints().map((endpoint) => endpoint.secret);
  }
}
