import { WebhookVerificationError } from '@hrkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { BambooHrWebhooks, FormBodyError, parseForm, signBambooHrWebhook } from '../src/internal.js';

// Hostile deliveries (docs/security.md): every one is signed with the right key, so only the new checks can stop it.
const secret = '0123456789abcdef0123456789abcdef';
const NOW = Date.parse('2026-02-01T00:00:00Z');
const NOW_SECONDS = NOW / 1000;
const handler = new BambooHrWebhooks('bamboohr', () => NOW);

function signed(body: string, timestamp: string, contentType = 'application/x-www-form-urlencoded') {
  return {
    body: Buffer.from(body),
    headers: {
      'content-type': contentType,
      'x-bamboohr-timestamp': timestamp,
      'x-bamboohr-signature': signBambooHrWebhook(body, timestamp, secret),
    },
  };
}

function refusal(run: () => unknown): WebhookVerificationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return error as WebhookVerificationError;
  }
  throw new Error('the delivery was accepted');
}

afterEach(() => {
  // A failed pollution test must not leak into the next one.
  for (const key of ['polluted', 'x']) delete (Object.prototype as Record<string, unknown>)[key];
});

describe('BambooHR webhook verification: timestamps', () => {
  const genuine = 'type=employee.deleted&data[companyId]=1&data[employeeId]=4';
  const timestamp = String(NOW_SECONDS - 20);

  it('accepts the genuine delivery the forgeries below are made from', () => {
    const outcome = handler.handle(signed(genuine, timestamp), secret);
    expect(outcome.kind === 'events' && outcome.events.map((e) => [e.remoteId, e.action])).toEqual([['4', 'deleted']]);
  });

  it('refuses the digit-shifting forgery: timestamp digits moved onto the body keep the signature valid', () => {
    // body ‖ timestamp is the same byte string, so the HMAC still matches: employee 4 would become employee 417.
    const forged = signed(`${genuine}${timestamp.slice(0, 2)}`, timestamp.slice(2));
    expect(forged.headers['x-bamboohr-signature']).toBe(signed(genuine, timestamp).headers['x-bamboohr-signature']);
    expect(refusal(() => handler.handle(forged, secret)).reason).toBe('stale_timestamp');
  });

  it('refuses the reverse shift: body digits moved in front of the timestamp', () => {
    const intoTimestamp = signed(genuine.slice(0, -1), `4${timestamp}`);
    expect(refusal(() => handler.handle(intoTimestamp, secret)).reason).toBe('stale_timestamp');
    const zero = 'type=employee.deleted&data[companyId]=1&data[employeeId]=40';
    const leadingZero = signed(zero.slice(0, -1), `0${timestamp}`);
    expect(refusal(() => handler.handle(leadingZero, secret)).reason).toBe('malformed_timestamp');
  });

  it('refuses replays outside the ±5 minute window and accepts its edges', () => {
    for (const skew of [-301, 301, -86_400, -365 * 86_400])
      expect(refusal(() => handler.handle(signed(genuine, String(NOW_SECONDS + skew)), secret)).reason).toBe(
        'stale_timestamp',
      );
    for (const skew of [-300, 0, 300])
      expect(handler.handle(signed(genuine, String(NOW_SECONDS + skew)), secret).kind).toBe('events');
  });

  it('takes the window from the options and the clock from the injected time source', () => {
    const hour = new BambooHrWebhooks('bamboohr', () => NOW, { toleranceSeconds: 3600 });
    expect(hour.handle(signed(genuine, String(NOW_SECONDS - 3000)), secret).kind).toBe('events');
    const later = new BambooHrWebhooks('bamboohr', () => NOW + 3_600_000);
    expect(refusal(() => later.handle(signed(genuine, timestamp), secret)).reason).toBe('stale_timestamp');
    expect(() => new BambooHrWebhooks('bamboohr', () => NOW, { toleranceSeconds: 0 })).toThrow(/toleranceSeconds/);
  });

  it.each([
    '1769903980.5',
    '1.76990398e9',
    ' 1769903980',
    '+1769903980',
    '-1769903980',
    '0x697e9c3c',
    '',
    '2026-02-01T00:00:00Z',
    '1e17',
    '-1e17',
    '100000000000000000',
    '-100000000000000000',
    'NaN',
    'Infinity',
  ])('refuses the non-integer or out-of-range timestamp %j with a typed error', (value) => {
    const error = refusal(() => handler.handle(signed(genuine, value), secret));
    expect(error.reason).toBe('malformed_timestamp');
    expect(error).not.toBeInstanceOf(RangeError);
  });

  it('reads a payload timestamp of ±1e17 as unknown instead of throwing RangeError', () => {
    for (const value of [1e17, -1e17]) {
      const body = JSON.stringify({ type: 'employee.updated', timestamp: value, data: { employeeId: '5' } });
      const outcome = handler.handle(signed(body, timestamp, 'application/json'), secret);
      expect(outcome.kind === 'events' && outcome.events[0]?.occurredAt).toBeNull();
    }
  });
});

describe('BambooHR webhook verification: one reading of the signed bytes', () => {
  const timestamp = String(NOW_SECONDS);

  it('reads a signed form body as a form whatever Content-Type claims, and signed JSON as JSON', () => {
    const form = 'type=employee.updated&data[employeeId]=5&data[changedFields][0]=firstName';
    const json = JSON.stringify({ type: 'employee.updated', data: { employeeId: '5', changedFields: ['firstName'] } });
    const readings = [
      handler.handle(signed(form, timestamp, 'application/json'), secret),
      handler.handle(signed(form, timestamp, 'application/x-www-form-urlencoded'), secret),
      handler.handle(signed(json, timestamp, 'application/x-www-form-urlencoded'), secret),
      handler.handle(signed(json, timestamp, 'text/plain'), secret),
    ].map((outcome) => outcome.kind === 'events' && outcome.events.map((e) => [e.remoteId, e.changedFields]));
    for (const reading of readings) expect(reading).toEqual([['5', ['firstName']]]);
  });

  it('refuses bodies larger than the limit before computing anything', () => {
    const small = new BambooHrWebhooks('bamboohr', () => NOW, { maxBodyBytes: 100 });
    const body = `type=employee.updated&data[employeeId]=5&pad=${'a'.repeat(100)}`;
    const error = refusal(() => small.handle(signed(body, timestamp), secret));
    expect(error.reason).toBe('malformed_body');
    expect(error.message).toMatch(/larger than 100 bytes/);
  });

  it('does not let a verb named like an Object.prototype member become an action', () => {
    for (const body of ['type=employee.constructor&data[employeeId]=5', 'type=employee.toString&data[employeeId]=5']) {
      const outcome = handler.handle(signed(body, timestamp), secret);
      expect(outcome).toEqual({ kind: 'events', events: [], providerEventType: body.slice(5, body.indexOf('&')) });
    }
    const legacy = JSON.stringify({ employees: [{ id: '5', action: 'constructor' }] });
    const outcome = handler.handle(signed(legacy, timestamp), secret);
    expect(outcome.kind === 'events' && outcome.events[0]?.action).toBe('updated');
  });
});

describe('BambooHR form-encoded parser', () => {
  const timestamp = String(NOW_SECONDS);

  it.each([
    '__proto__[polluted]=1',
    'constructor[prototype][polluted]=1',
    'type=employee.updated&data[__proto__][polluted]=1',
    'type=employee.updated&data[employeeId]=5&data[constructor][prototype][polluted]=1',
  ])('keeps %s away from Object.prototype and refuses it with a typed error', (body) => {
    expect(() => parseForm(body)).toThrow(FormBodyError);
    const error = refusal(() => handler.handle(signed(body, timestamp), secret));
    expect(error.reason).toBe('malformed_body');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parses into null-prototype objects', () => {
    const parsed = parseForm('type=employee.updated&data[employeeId]=5') as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBeNull();
    expect(Object.getPrototypeOf(parsed.data)).toBeNull();
  });

  it('refuses a 72-byte body with index 20000000 without allocating the array', () => {
    const body = 'type=employee.updated&data[employeeId]=5&data[changedFields][20000000]=x';
    expect(Buffer.byteLength(body)).toBeLessThan(80);
    expect(() => parseForm(body)).toThrow(/index above 10000/);
    expect(refusal(() => handler.handle(signed(body, timestamp), secret)).reason).toBe('malformed_body');
  });

  it('keeps lists dense and ordered, appends with [], and refuses deep nesting and value/group clashes', () => {
    expect(parseForm('a[2]=z&a[0]=x&b[]=1&b[]=2')).toEqual(
      Object.assign(Object.create(null), { a: ['x', 'z'], b: ['1', '2'] }),
    );
    expect(() => parseForm(`a${'[b]'.repeat(9)}=1`)).toThrow(/nested deeper/);
    expect(() => parseForm('a=1&a[b]=2')).toThrow(/both a value and a group/);
    expect(() => parseForm('a[b]=2&a=1')).toThrow(/both a value and a group/);
    expect(() => parseForm('a[007]=1')).toThrow(/leading zeros/);
    expect(() => parseForm('a]b=1')).toThrow(FormBodyError);
  });
});
