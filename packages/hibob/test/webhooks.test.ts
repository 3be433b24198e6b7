import { ChangeEvent, createHrKit, WebhookVerificationError } from '@hrkit/core';
import { MemoryLogger, VirtualClock } from '@hrkit/core/testing';
import { describe, expect, it } from 'vitest';
import { HiBobWebhookHandler, hibob, signHiBobWebhook, verifyHiBobSignature } from '../src/internal.js';

const SECRET = 'whsec-made-up-for-tests-7f3a';
const handler = new HiBobWebhookHandler(new VirtualClock(Date.parse('2026-03-02T09:00:00Z')));

function deliver(body: string, headers: Record<string, string> = { 'Bob-Signature': signHiBobWebhook(body, SECRET) }) {
  return handler.handle({ body, headers }, SECRET);
}

function events(body: unknown): ChangeEvent[] {
  const outcome = deliver(JSON.stringify(body));
  if (outcome.kind !== 'events') throw new Error('expected events');
  return outcome.events.map((event) => ChangeEvent.parse(event));
}

const V2_TIMEOFF = {
  companyId: 637323,
  type: 'timeoff.request.requested',
  triggeredBy: '3419283646526259215',
  triggeredAt: '2024-10-03T09:29:00.831502',
  version: 'v2',
  data: {
    timeoffRequestId: 32832853,
    employeeId: '3373576791477190995',
    getApi: 'https://api.hibob.com/v1/timeoff/employees/3373576791477190995/requests/32832853',
  },
};

describe('Bob-Signature (pitfall 12)', () => {
  it('is base64 HMAC-SHA512 of the raw bytes, verified in constant time', () => {
    const body = '{"a":1}';
    const signature = signHiBobWebhook(body, SECRET);
    expect(Buffer.from(signature, 'base64')).toHaveLength(64);
    expect(verifyHiBobSignature(body, signature, SECRET)).toBe(true);
    expect(verifyHiBobSignature(Buffer.from(body), signature, SECRET)).toBe(true);
    expect(verifyHiBobSignature('{"a": 1}', signature, SECRET)).toBe(false); // re-serialized JSON is not the same bytes
    expect(verifyHiBobSignature(body, signature, 'other-secret')).toBe(false);
    expect(verifyHiBobSignature(body, 'c2hvcnQ=', SECRET)).toBe(false); // wrong length never reaches timingSafeEqual
  });

  it('rejects missing, wrong and malformed deliveries with typed reasons', () => {
    const body = JSON.stringify(V2_TIMEOFF);
    const reason = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(WebhookVerificationError);
        expect((error as Error).message).not.toContain(SECRET);
        return (error as WebhookVerificationError).reason;
      }
      return 'accepted';
    };
    expect(reason(() => deliver(body, {}))).toBe('missing_signature');
    expect(reason(() => deliver(body, { 'bob-signature': signHiBobWebhook(`${body} `, SECRET) }))).toBe(
      'bad_signature',
    );
    expect(reason(() => deliver('not json', { 'bob-signature': signHiBobWebhook('not json', SECRET) }))).toBe(
      'malformed_body',
    );
    expect(reason(() => deliver(body, { 'BOB-SIGNATURE': signHiBobWebhook(body, SECRET) }))).toBe('accepted');
  });

  it('answers the connection test in both forms', () => {
    expect(deliver('Ping test')).toEqual({ kind: 'ping' });
    expect(deliver('{"text":"Ping test"}')).toEqual({ kind: 'ping' });
    expect(deliver('Ping test', {})).toEqual({ kind: 'ping' }); // unsigned ping: harmless, Bob needs a 2xx
  });
});

describe('event parsing', () => {
  it('parses a v2 time-off event with a deterministic id', () => {
    const [event] = events(V2_TIMEOFF);
    expect(event).toMatchObject({
      provider: 'hibob',
      entity: 'time_off_request',
      action: 'requested',
      entityId: 'hibob:32832853',
      remoteId: '32832853',
      employeeId: 'hibob:3373576791477190995',
      occurredAt: '2024-10-03T09:29:00.831502Z',
      origin: 'webhook',
      providerEventType: 'timeoff.request.requested',
    });
    expect(events(V2_TIMEOFF)[0]?.id).toBe(event?.id);
    expect(events({ ...V2_TIMEOFF, triggeredAt: '2024-10-03T09:30:00' })[0]?.id).not.toBe(event?.id);
  });

  it('keeps the edit chain of a hard update', () => {
    const [event] = events({
      ...V2_TIMEOFF,
      type: 'timeoff.request.updated',
      data: {
        ...V2_TIMEOFF.data,
        timeoffRequestId: 32832999,
        originalRequestId: 32832853,
        previousRequestId: 32832853,
      },
    });
    expect(event).toMatchObject({ action: 'updated', remoteId: '32832999', previousRemoteId: '32832853' });
  });

  it.each([
    ['employee.created', 'created'],
    ['employee.updated', 'updated'],
    ['employee.deleted', 'deleted'],
    ['employee.left', 'terminated'],
    ['employee.inactivated', 'updated'],
    ['table.entry.updated', 'updated'],
  ])('maps %s to %s', (type, action) => {
    const [event] = events({ ...V2_TIMEOFF, type, data: { employeeId: '3373576791477190995', tableId: 'work' } });
    expect(event).toMatchObject({ entity: 'employee', action, remoteId: '3373576791477190995' });
  });

  it('reads fieldUpdates as strings or objects', () => {
    const asStrings = events({
      ...V2_TIMEOFF,
      type: 'employee.updated',
      data: { employeeId: '1', fieldUpdates: ['work.title', 'root.email'] },
    });
    const asObjects = events({
      ...V2_TIMEOFF,
      type: 'employee.updated',
      data: { employeeId: '1', fieldUpdates: [{ fieldId: 'work.title', oldValue: 'a' }, { id: 'root.email' }] },
    });
    expect(asStrings[0]?.changedFields).toEqual(['work.title', 'root.email']);
    expect(asObjects[0]?.changedFields).toEqual(['work.title', 'root.email']);
  });

  it('parses legacy v1 bodies', () => {
    const [timeOff] = events({
      timeoffRequestId: 24588163,
      employeeId: '3332883916968166175',
      event: 'timeoff.request.approved',
      getApi: 'x',
    });
    expect(timeOff).toMatchObject({
      action: 'approved',
      remoteId: '24588163',
      employeeId: 'hibob:3332883916968166175',
    });
    const [employee] = events({
      type: 'employee.updated',
      employee: { id: '3332883916968166175', displayName: 'X' },
      data: { fieldUpdates: ['work.site'] },
    });
    expect(employee).toMatchObject({
      entity: 'employee',
      remoteId: '3332883916968166175',
      changedFields: ['work.site'],
    });
  });

  it('tolerates unknown event types with no events and a logged skip', () => {
    const logger = new MemoryLogger();
    const quiet = new HiBobWebhookHandler(new VirtualClock(0), logger);
    const body = JSON.stringify({ ...V2_TIMEOFF, type: 'task.completed' });
    const outcome = quiet.handle({ body, headers: { 'bob-signature': signHiBobWebhook(body, SECRET) } }, SECRET);
    expect(outcome).toEqual({ kind: 'events', events: [], providerEventType: 'task.completed' });
    expect(logger.text()).toContain('hibob.webhook.skipped');
  });

  it('is reachable through the connection, which redacts the secret', () => {
    const bob = createHrKit({ providers: [hibob()] }).connect('hibob', {
      serviceUserId: 'SU-1',
      token: 'token-token-1',
    });
    const body = JSON.stringify(V2_TIMEOFF);
    const outcome = bob.webhooks.handle(
      { body: new TextEncoder().encode(body), headers: { 'bob-signature': signHiBobWebhook(body, SECRET) } },
      SECRET,
    );
    expect(outcome.kind).toBe('events');
  });
});
