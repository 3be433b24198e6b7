import { bamboohr, signBambooHrWebhook } from '@hrkit/bamboohr';
import {
  ChangeEvent,
  type Connection,
  createHrKit,
  HrKitError,
  type WebhookDelivery,
  WebhookVerificationError,
} from '@hrkit/core';
import { seededRandom, VirtualClock } from '@hrkit/core/testing';
import { acme, signAcmeBody } from '@hrkit/example-acme-hr';
import { hibob, signHiBobWebhook } from '@hrkit/hibob';
import { describe, expect, it } from 'vitest';

/**
 * Seeded fuzzing of every provider's webhook verify + parse, through the public `connection.webhooks.handle`
 * (docs/security.md › Webhooks). Three kinds of input per provider:
 *  - genuine deliveries, generated at random and signed with the right secret: every one must be accepted;
 *  - forgeries: genuine deliveries mutated after signing (bytes flipped, inserted, cut, digits moved between body and
 *    timestamp, headers dropped or replaced, timestamps made huge or odd): none may be accepted as events;
 *  - hostile but signed payloads (prototype keys, huge numbers, deep nesting, odd types): each must end in events that
 *    pass the strict model, or in a typed HrKitError — never another exception.
 * Fixed seeds and a fixed clock: the same inputs on every run, a few thousand per provider in well under a second.
 */

const NOW = Date.parse('2026-03-02T09:00:00.000Z');
const SECRET = 'fuzz-webhook-secret-0123456789abcdef';
const ROUNDS = 1000;

interface Provider {
  key: string;
  connect(): Connection;
  /** A random genuine delivery and the remote ids it must yield; `signedAs` identifies the signed content. */
  genuine(random: () => number): { delivery: WebhookDelivery; remoteIds: string[] };
  /** What the signature covers: two deliveries with the same value are the same signed message. */
  signedAs(delivery: WebhookDelivery): string;
  sign(body: string, headers: Record<string, string>): Record<string, string>;
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const int = (random: () => number, max: number) => Math.floor(random() * max);
const text = (body: WebhookDelivery['body']) => (typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
const headerOf = (delivery: WebhookDelivery, name: string) => {
  for (const [key, value] of Object.entries(delivery.headers))
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : (value as string | undefined);
  return undefined;
};

const options = { clock: new VirtualClock(NOW) };

const bambooProvider: Provider = {
  key: 'bamboohr',
  connect: () =>
    createHrKit({ providers: [bamboohr()] }).connect(
      'bamboohr',
      { companyDomain: 'acme', apiKey: 'key-fuzz-123' },
      options,
    ),
  genuine(random) {
    const id = String(1 + int(random, 99_999));
    const verb = pick(random, ['created', 'updated', 'deleted']);
    const fields = ['firstName', 'jobTitle', 'department', 'employmentHistoryStatus'].filter(() => random() < 0.5);
    const timestamp = String(Math.floor(NOW / 1000) - 290 + int(random, 580));
    const form = random() < 0.5;
    const body = form
      ? [
          `type=employee.${verb}`,
          'data%5BcompanyId%5D=12345',
          `data[employeeId]=${id}`,
          ...fields.map((field, index) => `data[changedFields][${index}]=${field}`),
        ].join('&')
      : JSON.stringify({
          type: `employee.${verb}`,
          timestamp: '2026-03-02T08:59:00+0000',
          data: { companyId: '12345', employeeId: id, changedFields: fields },
        });
    const headers = {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      'x-bamboohr-timestamp': timestamp,
    };
    return {
      delivery: { body: Buffer.from(body), headers: { ...headers, ...this.sign(body, headers) } },
      remoteIds: [id],
    };
  },
  signedAs: (delivery) => `${text(delivery.body)}\u0000${headerOf(delivery, 'x-bamboohr-timestamp')}`,
  sign: (body, headers) => ({
    'x-bamboohr-signature': signBambooHrWebhook(body, headers['x-bamboohr-timestamp'] ?? '', SECRET),
  }),
};

const hibobProvider: Provider = {
  key: 'hibob',
  connect: () =>
    createHrKit({ providers: [hibob()] }).connect('hibob', { serviceUserId: 'svc', token: 'token-fuzz-123' }, options),
  genuine(random) {
    const id = String(3_000_000_000_000_000_000n + BigInt(int(random, 1e9)));
    const type = pick(random, ['employee.created', 'employee.updated', 'employee.left', 'employee.deleted']);
    const body = JSON.stringify({
      companyId: 636_000 + int(random, 1000),
      type,
      triggeredBy: 'system',
      triggeredAt: '2026-03-02T08:59:00.000Z',
      version: 'v2',
      data: { employeeId: id, fieldUpdates: random() < 0.5 ? [{ fieldId: '/work/title' }] : [] },
    });
    return {
      delivery: { body: Buffer.from(body), headers: { 'content-type': 'application/json', ...this.sign(body, {}) } },
      remoteIds: [id],
    };
  },
  signedAs: (delivery) => text(delivery.body),
  sign: (body) => ({ 'bob-signature': signHiBobWebhook(body, SECRET) }),
};

const acmeProvider: Provider = {
  key: 'acme',
  connect: () => createHrKit({ providers: [acme()] }).connect('acme', { apiKey: 'acme-api-key-fuzz-0123' }, options),
  genuine(random) {
    const id = `emp_${int(random, 1e6)}`;
    const body = JSON.stringify({
      id: `evt_${int(random, 1e9)}`,
      event: pick(random, ['employee.created', 'employee.updated', 'employee.left']),
      emp_id: id,
      occurred_at: '2026-03-02T08:59:00Z',
    });
    return {
      delivery: { body: Buffer.from(body), headers: { 'content-type': 'application/json', ...this.sign(body, {}) } },
      remoteIds: [id],
    };
  },
  signedAs: (delivery) => text(delivery.body),
  sign: (body) => ({ 'acme-signature': signAcmeBody(body, SECRET) }),
};

/** Byte- and header-level mutations of a signed delivery, made after signing. */
function mutate(random: () => number, delivery: WebhookDelivery): WebhookDelivery {
  const body = Buffer.from(typeof delivery.body === 'string' ? Buffer.from(delivery.body) : delivery.body);
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(delivery.headers)) headers[key] = String(value);
  const timestampKey = Object.keys(headers).find((key) => key.toLowerCase().includes('timestamp'));
  const signatureKey = Object.keys(headers).find((key) => key.toLowerCase().includes('signature')) ?? 'x-signature';
  const kind = int(random, 11);
  let next: Buffer = body;
  if (kind === 0 && body.length > 0) {
    next = Buffer.from(body);
    const at = int(random, next.length);
    next[at] = (next[at] as number) ^ (1 << int(random, 8));
  } else if (kind === 1) {
    const at = int(random, body.length + 1);
    next = Buffer.concat([body.subarray(0, at), Buffer.from([int(random, 256)]), body.subarray(at)]);
  } else if (kind === 2 && body.length > 0) {
    const at = int(random, body.length);
    next = Buffer.concat([body.subarray(0, at), body.subarray(at + 1 + int(random, 4))]);
  } else if (kind === 3) next = body.subarray(0, int(random, body.length));
  else if (kind === 4 && timestampKey) {
    // The digit shift: move the first n timestamp digits onto the end of the body, or body digits onto the timestamp.
    const stamp = headers[timestampKey] ?? '';
    const n = 1 + int(random, 3);
    if (random() < 0.5) {
      next = Buffer.concat([body, Buffer.from(stamp.slice(0, n))]);
      headers[timestampKey] = stamp.slice(n);
    } else {
      const tail = body.subarray(body.length - n).toString('latin1');
      next = body.subarray(0, body.length - n);
      headers[timestampKey] = `${tail}${stamp}`;
    }
  } else if (kind === 5 && timestampKey)
    headers[timestampKey] = pick(random, ['1e17', '-1e17', '100000000000000000', '', ' ', '1.5', 'NaN', '0', '-1']);
  else if (kind === 6 && timestampKey)
    headers[timestampKey] = String(Math.floor(NOW / 1000) + pick(random, [-86_400 * 365, -3600, -301, 301, 86_400]));
  else if (kind === 7) delete headers[signatureKey];
  else if (kind === 8)
    headers[signatureKey] = pick(random, ['', 'sha256=', 'AAAA', `${headers[signatureKey]}00`, '0'.repeat(64)]);
  else if (kind === 9) next = Buffer.concat([body, body]);
  else next = Buffer.concat([Buffer.from(' '), body]);
  return { body: next, headers };
}

/** Signed hostile JSON / form payloads: the parser must answer with events or a typed error. */
function hostileBody(random: () => number, provider: string): string {
  const hostileValues = [
    1e17,
    -1e17,
    Number.MAX_SAFE_INTEGER,
    null,
    true,
    [],
    {},
    '',
    '..',
    '\u0000',
    'x'.repeat(5000),
    { __proto__: { polluted: 1 } },
  ];
  const value = () => pick(random, hostileValues);
  if (provider === 'bamboohr' && random() < 0.5)
    return pick(random, [
      '__proto__[polluted]=1',
      'constructor[prototype][polluted]=1',
      'type=employee.updated&data[employeeId]=5&data[changedFields][20000000]=x',
      `type=employee.updated&data[employeeId]=5&${'a['.repeat(50)}=1`,
      'type=employee.constructor&data[employeeId]=5',
      'type=employee.updated&data=1&data[employeeId]=5',
      `type=employee.updated&data[employeeId]=${encodeURIComponent('..')}`,
      '%E0%A4%A',
      'type=employee.updated&data[employeeId]=5&data[changedFields][]=a&data[changedFields][]=b',
    ]);
  const base: Record<string, unknown> =
    provider === 'hibob'
      ? {
          type: pick(random, ['employee.updated', 'timeoff.request.approved', 'constructor', '__proto__', 'toString']),
          triggeredAt: value(),
          data: { employeeId: value(), timeoffRequestId: value(), fieldUpdates: value() },
        }
      : provider === 'acme'
        ? {
            id: value(),
            event: pick(random, ['employee.updated', 'constructor']),
            emp_id: value(),
            occurred_at: value(),
          }
        : {
            type: pick(random, ['employee.updated', 'employee.toString', value()]),
            timestamp: value(),
            data: { employeeId: value(), changedFields: value() },
          };
  const json = JSON.stringify(base);
  return random() < 0.3 ? `{"__proto__":{"polluted":1},${json.slice(1)}` : json;
}

describe.each([bambooProvider, hibobProvider, acmeProvider])('webhook fuzzing: $key', (provider) => {
  it(`accepts ${ROUNDS} genuine deliveries, ${ROUNDS * 2} forgeries refused, hostile signed payloads typed`, () => {
    const random = seededRandom(0x5eed + provider.key.length);
    const connection = provider.connect();
    const tally = { genuineRejected: 0, forgeriesAccepted: 0, untyped: 0, invalidEvents: 0, hostile: 0 };
    const failures: string[] = [];
    const run = (delivery: WebhookDelivery) => {
      try {
        return { outcome: connection.webhooks.handle(delivery, SECRET) };
      } catch (error) {
        if (!(error instanceof HrKitError)) {
          tally.untyped++;
          failures.push(`untyped ${String(error)}`);
        }
        return { error };
      }
    };
    const checkEvents = (outcome: ReturnType<typeof connection.webhooks.handle>) => {
      if (outcome.kind !== 'events') return;
      for (const event of outcome.events)
        if (!ChangeEvent.safeParse(event).success) {
          tally.invalidEvents++;
          failures.push(`invalid event ${JSON.stringify(event).slice(0, 200)}`);
        }
    };

    for (let round = 0; round < ROUNDS; round++) {
      const { delivery, remoteIds } = provider.genuine(random);
      const genuine = run(delivery);
      const ids = genuine.outcome?.kind === 'events' ? genuine.outcome.events.map((event) => event.remoteId) : null;
      if (!ids || JSON.stringify(ids) !== JSON.stringify(remoteIds)) {
        tally.genuineRejected++;
        failures.push(`genuine rejected: ${String(genuine.error ?? JSON.stringify(ids))}`);
      } else checkEvents(genuine.outcome as ReturnType<typeof connection.webhooks.handle>);

      for (let copy = 0; copy < 2; copy++) {
        const forged = mutate(random, delivery);
        const result = run(forged);
        if (result.outcome?.kind === 'events' && provider.signedAs(forged) !== provider.signedAs(delivery)) {
          tally.forgeriesAccepted++;
          failures.push(`forgery accepted: ${text(forged.body).slice(0, 120)} ${JSON.stringify(forged.headers)}`);
        }
        if (result.outcome) checkEvents(result.outcome);
      }

      if (round % 3 === 0) {
        const body = hostileBody(random, provider.key);
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'x-bamboohr-timestamp': String(Math.floor(NOW / 1000)),
        };
        const result = run({ body, headers: { ...headers, ...provider.sign(body, headers) } });
        tally.hostile++;
        if (result.outcome) checkEvents(result.outcome);
        else expect(result.error).toBeInstanceOf(HrKitError);
      }
    }

    expect(({} as Record<string, unknown>).polluted, 'Object.prototype was polluted').toBeUndefined();
    expect(failures.slice(0, 5)).toEqual([]);
    expect(tally).toEqual({
      genuineRejected: 0,
      forgeriesAccepted: 0,
      untyped: 0,
      invalidEvents: 0,
      hostile: Math.ceil(ROUNDS / 3),
    });
  });

  it('refuses every forgery with a WebhookVerificationError naming the reason', () => {
    const random = seededRandom(7);
    const connection = provider.connect();
    const { delivery } = provider.genuine(random);
    const unsigned = { body: delivery.body, headers: { 'content-type': 'application/json' } };
    expect(() => connection.webhooks.handle(unsigned, SECRET)).toThrow(WebhookVerificationError);
  });
});
