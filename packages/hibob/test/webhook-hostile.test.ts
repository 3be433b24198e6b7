import { ChangeEvent } from '@hrkit/core';
import { VirtualClock } from '@hrkit/core/testing';
import { describe, expect, it } from 'vitest';
import { HiBobWebhookHandler, signHiBobWebhook } from '../src/internal.js';

// Signed but hostile payloads (docs/security.md › Webhooks): the handler answers with valid events or none.
const SECRET = 'whsec-made-up-for-tests-7f3a';
const handler = new HiBobWebhookHandler(new VirtualClock(Date.parse('2026-03-02T09:00:00Z')));

describe('HiBob webhooks: event types named like Object.prototype members', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('treats type %j as unknown', (type) => {
    const body = JSON.stringify({ type, data: { employeeId: '3373576791477190995', timeoffRequestId: 32832853 } });
    const outcome = handler.handle({ body, headers: { 'Bob-Signature': signHiBobWebhook(body, SECRET) } }, SECRET);
    expect(outcome).toEqual({ kind: 'events', events: [], providerEventType: type });
    if (outcome.kind === 'events') for (const event of outcome.events) ChangeEvent.parse(event);
  });
});
