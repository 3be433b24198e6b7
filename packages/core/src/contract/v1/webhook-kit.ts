import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from '../../errors/errors.js';
import type { WebhookDelivery } from './webhooks.js';

/** A header of a delivery, whatever its case; the first value when repeated. */
export function deliveryHeader(delivery: WebhookDelivery, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(delivery.headers))
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : (value as string | undefined);
  return undefined;
}

/** Equal strings, compared in constant time (a signature or a static token). */
export function constantTimeEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Hex HMAC-SHA256 of the raw body bytes, as most providers sign. */
export function hmacSha256Hex(body: string | Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Check a delivery's proof header against the expected value (computed over the raw bytes, never re-serialized
 * JSON), then parse the body. Missing header, mismatch and non-JSON body are WebhookVerificationErrors.
 */
export function verifiedJson(
  delivery: WebhookDelivery,
  proof: { provider: string; header: string; expected: string },
): unknown {
  const given = deliveryHeader(delivery, proof.header);
  if (!given)
    throw new WebhookVerificationError('missing_signature', `${proof.provider}: no ${proof.header} header`, {
      provider: proof.provider,
    });
  if (!constantTimeEqual(proof.expected, given))
    throw new WebhookVerificationError('bad_signature', `${proof.provider}: the ${proof.header} does not match`, {
      provider: proof.provider,
    });
  const text = typeof delivery.body === 'string' ? delivery.body : new TextDecoder().decode(delivery.body);
  try {
    return JSON.parse(text);
  } catch {
    throw new WebhookVerificationError('malformed_body', `${proof.provider}: the verified body is not JSON`, {
      provider: proof.provider,
    });
  }
}
