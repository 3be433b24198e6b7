import { ChangeEvent, WebhookVerificationError } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { BambooHrWebhooks, signBambooHrWebhook } from '../src/internal.js';
import { recorded } from './fixtures.js';

// The privateKey format BambooHR returns at webhook creation (the recorded one is a 32-hex placeholder).
const secret = (recorded('webhooks-create').response.body as { privateKey: string }).privateKey;
const NOW = Date.parse('2026-02-01T00:00:00Z');
const handler = new BambooHrWebhooks('bamboohr', () => NOW);
// 30 s before the handler's clock: inside the ±5 min freshness window.
const FRESH = String(NOW / 1000 - 30);

function deliver(body: string, key = secret, timestamp = FRESH) {
  return {
    body: Buffer.from(body),
    headers: {
      'content-type': 'application/json',
      'x-bamboohr-timestamp': timestamp,
      'x-bamboohr-signature': signBambooHrWebhook(body, timestamp, key),
    },
  };
}

describe('BambooHR webhooks', () => {
  const body = JSON.stringify({
    type: 'employee.updated',
    timestamp: '2026-01-31T18:42:00+0000',
    data: { companyId: '12345', employeeId: '67890', changedFields: ['firstName'] },
  });

  it('verifies HMAC-SHA256(privateKey, body ‖ timestamp) and parses an event-based delivery', () => {
    const outcome = handler.handle(deliver(body), secret);
    expect(outcome.kind).toBe('events');
    if (outcome.kind !== 'events') return;
    expect(outcome.providerEventType).toBe('employee.updated');
    const [event] = outcome.events.map((e) => ChangeEvent.parse(e));
    expect(event).toMatchObject({
      entity: 'employee',
      action: 'updated',
      remoteId: '67890',
      entityId: 'bamboohr:67890',
      occurredAt: '2026-01-31T18:42:00.000Z',
      origin: 'webhook',
      changedFields: ['firstName'],
    });
    // Deterministic id: the same delivery twice is the same change.
    expect(handler.handle(deliver(body), secret).kind === 'events' && event?.id).toBe(
      (handler.handle(deliver(body), secret) as { events: { id: string }[] }).events[0]?.id,
    );
  });

  it('accepts the signature with a sha256= prefix and in upper case', () => {
    const delivery = deliver(body);
    delivery.headers['x-bamboohr-signature'] = `sha256=${delivery.headers['x-bamboohr-signature'].toUpperCase()}`;
    expect(handler.handle(delivery, secret).kind).toBe('events');
  });

  it('rejects a wrong key, a tampered body, a changed timestamp and missing headers', () => {
    expect(() => handler.handle(deliver(body, 'another-key-entirely'), secret)).toThrow(WebhookVerificationError);
    const tampered = deliver(body);
    tampered.body = Buffer.from(body.replace('67890', '67891'));
    expect(() => handler.handle(tampered, secret)).toThrow(/signature does not match/);
    const retimed = deliver(body);
    retimed.headers['x-bamboohr-timestamp'] = String(Number(FRESH) + 1);
    expect(() => handler.handle(retimed, secret)).toThrow(WebhookVerificationError);
    try {
      handler.handle({ body, headers: {} }, secret);
      expect.unreachable();
    } catch (error) {
      expect((error as WebhookVerificationError).reason).toBe('missing_signature');
      expect(String(error)).not.toContain(secret);
    }
  });

  it('parses field-based (legacy) batches and form-encoded event deliveries', () => {
    const legacy = JSON.stringify({
      employees: [
        { id: '5', action: 'Updated', timestamp: '2026-01-31T18:42:00Z', changedFields: ['jobTitle'] },
        { id: '7', action: 'Deleted', timestamp: '2026-01-31T18:43:00Z' },
      ],
    });
    const outcome = handler.handle(deliver(legacy), secret);
    expect(outcome.kind === 'events' && outcome.events.map((e) => [e.remoteId, e.action])).toEqual([
      ['5', 'updated'],
      ['7', 'deleted'],
    ]);
    const form =
      'type=employee.created&timestamp=2026-01-31T18%3A42%3A00Z&data%5BcompanyId%5D=1&data%5BemployeeId%5D=42';
    const delivery = deliver(form);
    delivery.headers['content-type'] = 'application/x-www-form-urlencoded';
    const created = handler.handle(delivery, secret);
    expect(created.kind === 'events' && created.events[0]?.action).toBe('created');
    expect(created.kind === 'events' && created.events[0]?.remoteId).toBe('42');
  });

  it('acknowledges company events without employee changes, and refuses unreadable bodies', () => {
    const company = handler.handle(
      deliver(JSON.stringify({ type: 'company.updated', data: { companyId: '1' } })),
      secret,
    );
    expect(company).toEqual({ kind: 'events', events: [], providerEventType: 'company.updated' });
    expect(() => handler.handle(deliver('not json'), secret)).toThrow(/neither an event-based/);
  });
});
