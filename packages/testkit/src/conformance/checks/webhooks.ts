import { ChangeEvent, type Connection, WebhookVerificationError } from '@hrkit/core';
import { expect } from 'vitest';
import type { ConformanceContext } from '../context.js';
import { describeError } from './assertions.js';

/** Header names that carry no signature: what is left of a delivery once its signature is removed. */
const UNSIGNED_HEADERS = new Set(['content-type', 'content-length', 'user-agent', 'host', 'accept']);

/**
 * The sample delivery is accepted and parses into valid change events; a tampered body, a wrong secret and a missing
 * signature are each refused with WebhookVerificationError.
 */
export async function webhooksVerify(context: ConformanceContext): Promise<void> {
  const webhooks = context.sandbox.webhooks;
  expect(webhooks, 'the adapter declares webhooks, so its sandbox must offer webhooks.sampleDelivery()').toBeDefined();
  if (!webhooks) return;
  const connection = context.connect();
  const sample = webhooks.sampleDelivery();

  const outcome = connection.webhooks.handle(sample, webhooks.secret);
  if (outcome.kind === 'events') {
    expect(outcome.events.length, 'a signed sample delivery produced no events').toBeGreaterThan(0);
    for (const event of outcome.events) {
      expect(ChangeEvent.safeParse(event).success, `invalid change event ${JSON.stringify(event)}`).toBe(true);
      expect(event.provider).toBe(context.key);
      expect(event.origin).toBe('webhook');
    }
  }
  // Raw bytes, not re-serialized JSON: the same delivery as a Uint8Array verifies too.
  expect(
    connection.webhooks.handle({ ...sample, body: new TextEncoder().encode(sample.body) }, webhooks.secret).kind,
  ).toBe(outcome.kind);

  if (webhooks.authenticatesBody !== false)
    await expectRefused(
      context,
      connection,
      { ...sample, body: tamper(sample.body) },
      webhooks.secret,
      'a tampered body',
    );
  await expectRefused(context, connection, sample, `${webhooks.secret}-wrong`, 'a wrong secret');
  const unsigned = Object.fromEntries(
    Object.entries(sample.headers).filter(([name]) => UNSIGNED_HEADERS.has(name.toLowerCase())),
  );
  await expectRefused(
    context,
    connection,
    { body: sample.body, headers: unsigned },
    webhooks.secret,
    'a missing signature',
  );
}

async function expectRefused(
  context: ConformanceContext,
  connection: Connection,
  delivery: { body: string; headers: Record<string, string> },
  secret: string,
  what: string,
) {
  const error = await context.failureOf(() => connection.webhooks.handle(delivery, secret));
  expect(error, `a delivery with ${what} was not refused: ${describeError(error)}`).toBeInstanceOf(
    WebhookVerificationError,
  );
}

/** Change one character in the middle of the body (keeping it the same length). */
function tamper(body: string): string {
  const middle = Math.floor(body.length / 2);
  const replacement = body[middle] === 'x' ? 'y' : 'x';
  return `${body.slice(0, middle)}${replacement}${body.slice(middle + 1)}`;
}
