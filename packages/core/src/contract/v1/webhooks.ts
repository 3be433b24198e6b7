import type { ChangeEvent } from '../../model/change-event.js';

/** A delivery exactly as it arrived: the raw body bytes (never re-serialized JSON) and the headers. */
export interface WebhookDelivery {
  body: Uint8Array | string;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

export type WebhookOutcome =
  /** The provider's connection test: answer 2xx, do nothing else. */
  { kind: 'ping' } | { kind: 'events'; events: ChangeEvent[]; providerEventType: string | null };

export interface WebhookHandlerV1 {
  /**
   * Verify the signature over the raw bytes (constant time) and parse the delivery.
   * Throws WebhookVerificationError on a missing, wrong or malformed signature.
   */
  handle(delivery: WebhookDelivery, secret: string): WebhookOutcome;
}
