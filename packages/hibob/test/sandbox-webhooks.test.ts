import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMPLOYMENT_TYPE_FIELD_ID, EMPLOYMENT_TYPE_ITEMS, type HiBobSandbox } from '../src/sandbox/index.js';
import { call, sandbox } from './sandbox-helpers.js';

interface Received {
  raw: Buffer;
  headers: Record<string, string | string[] | undefined>;
}

const servers: Server[] = [];
async function receiver(statuses: number[] = []): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  let index = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ raw: Buffer.concat(chunks), headers: req.headers });
      res.statusCode = statuses[index++] ?? 200;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bob`, received };
}

/** What a receiver does: HMAC-SHA512 over the raw bytes, base64, constant-time compare. */
function verify(raw: Buffer, signature: unknown, secret: string): boolean {
  const expected = createHmac('sha512', secret).update(raw).digest();
  const given = Buffer.from(String(signature), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let bob: HiBobSandbox;
beforeAll(async () => {
  bob = await sandbox({ webhookRetryScheduleMs: [1, 2, 4] });
});
afterAll(() => bob.close());
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise<void>((resolve) => server.close(() => resolve()));
});

const control = (method: string, path: string, body?: unknown) =>
  call<Record<string, unknown>>(bob.connectionConfig(), method, `/_sandbox${path}`, body);

describe('webhooks', () => {
  it('pings on registration, then delivers signed v2 envelopes for control-API changes', async () => {
    const target = await receiver();
    const registered = await control('POST', '/webhooks', { url: target.url, secret: 'test-secret-1' });
    expect(registered.status).toBe(200);
    expect(registered.body.ping).toEqual([200]);
    expect(target.received[0]!.raw.toString()).toBe('Ping test');

    const employee = bob.state.employees[2]!;
    const update = await control('POST', `/employees/${employee.id}/fields`, {
      fields: { [EMPLOYMENT_TYPE_FIELD_ID]: 'Contractor' },
    });
    expect(update.body).toEqual({ fieldUpdates: [EMPLOYMENT_TYPE_FIELD_ID] });
    await control('POST', '/webhooks/flush');
    const delivery = target.received[1]!;
    expect(verify(delivery.raw, delivery.headers['bob-signature'], 'test-secret-1')).toBe(true);
    expect(verify(delivery.raw, delivery.headers['bob-signature'], 'wrong')).toBe(false);
    const envelope = JSON.parse(delivery.raw.toString());
    expect(envelope).toEqual({
      companyId: bob.state.data.companyId,
      type: 'employee.updated',
      triggeredBy: 'system',
      triggeredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/),
      version: 'v2',
      data: { employeeId: employee.id, fieldUpdates: [EMPLOYMENT_TYPE_FIELD_ID] },
    });
    expect(typeof envelope.companyId).toBe('number');
    // The change is visible to the API at once.
    const read = await call<Record<string, Record<string, string>>>(
      bob.connectionConfig(),
      'POST',
      `/v1/people/${employee.id}`,
      {
        fields: [EMPLOYMENT_TYPE_FIELD_ID],
      },
    );
    expect(read.body.category_1720508362305!.field_1720508394580).toBe(EMPLOYMENT_TYPE_ITEMS.Contractor);
    const removed = await control('DELETE', `/webhooks/${registered.body.id}`);
    expect(removed.body).toEqual({ ok: true });
    expect(bob.webhookSender.endpoints()).toEqual([]);
  });

  it('retries a failing receiver and keeps event order; time-off events carry edit-chain ids', async () => {
    for (const endpoint of bob.webhookSender.endpoints()) bob.webhookSender.unregister(endpoint.id);
    // ping OK, then two failures before the first event is accepted.
    const target = await receiver([200, 500, 503]);
    await bob.control.registerWebhook(target.url, 'retry-secret');
    const person = bob.state.employees.find((e) => e.terminationDate === null && e.startDate < '2026-01-01')!;
    const created = (
      await control('POST', '/timeoff/requests', {
        employeeId: person.id,
        policyType: 'Holiday',
        type: 'days',
        startDate: '2026-08-03',
        endDate: '2026-08-04',
      })
    ).body as { requestId: number; status: string };
    expect(created.status).toBe('pending');
    await control('POST', `/timeoff/requests/${created.requestId}/approve`);
    const edited = (await control('POST', `/timeoff/requests/${created.requestId}/edit`, { endDate: '2026-08-05' }))
      .body as { requestId: number };
    await control('POST', `/timeoff/requests/${edited.requestId}/cancel`);
    await bob.control.flushWebhooks();

    const events = target.received
      .slice(1)
      .map((r) => JSON.parse(r.raw.toString()) as { type: string; data: Record<string, unknown> });
    // First event was attempted three times (500, 503, 200), then everything else once, in order.
    expect(events.map((e) => e.type)).toEqual([
      'timeoff.request.requested',
      'timeoff.request.requested',
      'timeoff.request.requested',
      'timeoff.request.approved',
      'timeoff.request.updated',
      'timeoff.request.cancelled',
    ]);
    expect(events[4]!.data).toEqual({
      timeoffRequestId: edited.requestId,
      employeeId: person.id,
      getApi: `${bob.url}/v1/timeoff/employees/${person.id}/requests/${edited.requestId}`,
      originalRequestId: created.requestId,
      previousRequestId: created.requestId,
    });
    const attempts = bob.control
      .webhookDeliveries()
      .filter((a) => a.url === target.url)
      .map((a) => a.status);
    // The ping (200) comes first in the log.
    expect(attempts).toEqual([200, 500, 503, 200, 200, 200, 200]);
  });

  it('refuses an endpoint that fails the ping (text and JSON forms)', async () => {
    const target = await receiver([500, 500]);
    const response = await control('POST', '/webhooks', { url: target.url });
    expect(response.status).toBe(400);
    expect(target.received.map((r) => r.raw.toString())).toEqual(['Ping test', '{"text":"Ping test"}']);
  });

  it('employee lifecycle changes emit created/updated/left/table events, and search agrees', async () => {
    for (const endpoint of bob.webhookSender.endpoints()) bob.webhookSender.unregister(endpoint.id);
    const target = await receiver();
    await bob.control.registerWebhook(target.url, 'lifecycle-secret');
    const added = (
      await control('POST', '/employees', {
        firstName: 'Ada',
        surname: 'Quill',
        startDate: '2026-06-01',
        employmentType: 'EOR',
        department: '209192161',
      })
    ).body as {
      id: string;
    };
    expect(added.id).toMatch(/^[1-9]\d{18}$/);
    await control('POST', `/employees/${added.id}/terminate`, { terminationDate: '2026-06-15' });
    await bob.control.flushWebhooks();
    const types = target.received.slice(1).map((r) => JSON.parse(r.raw.toString()).type);
    expect(types).toEqual([
      'employee.created',
      'table.entry.created',
      'employee.updated',
      'employee.left',
      'employee.inactivated',
    ]);
    const table = target.received
      .slice(1)
      .map((r) => JSON.parse(r.raw.toString()))
      .find((e) => e.type === 'table.entry.created');
    expect(table.data).toEqual({ employeeId: added.id, tableId: 'lifecycle', effectiveDate: '2026-06-15' });
    const active = await call<{ employees: Array<{ id: string }> }>(
      bob.connectionConfig(),
      'POST',
      '/v1/people/search',
      { fields: ['root.id'] },
    );
    expect(active.body.employees.some((e) => e.id === added.id)).toBe(false);
    const all = await call<{ employees: Array<{ id: string; internal: { status: string } }> }>(
      bob.connectionConfig(),
      'POST',
      '/v1/people/search',
      {
        fields: ['root.id', 'internal.status'],
        showInactive: true,
      },
    );
    expect(all.body.employees.find((e) => e.id === added.id)!.internal.status).toBe('Inactive');
  });

  it('a hired person starting sends joined/activated; a deletion sends deleted and the person disappears', async () => {
    for (const endpoint of bob.webhookSender.endpoints()) bob.webhookSender.unregister(endpoint.id);
    const target = await receiver();
    await bob.control.registerWebhook(target.url, 'joined-secret');
    const hired = bob.state.employees.find((e) => e.startDate > '2026-06-15')!;
    const before = await call<{ employees: Array<{ id: string }> }>(
      bob.connectionConfig(),
      'POST',
      '/v1/people/search',
      { fields: ['root.id'] },
    );
    expect(before.body.employees.some((e) => e.id === hired.id)).toBe(false);
    await control('POST', `/employees/${hired.id}/start`, {});
    const after = await call<{ employees: Array<{ id: string; internal: { lifecycleStatus: string } }> }>(
      bob.connectionConfig(),
      'POST',
      '/v1/people/search',
      {
        fields: ['root.id', 'internal.lifecycleStatus'],
      },
    );
    expect(after.body.employees.find((e) => e.id === hired.id)!.internal.lifecycleStatus).toBe('employed');
    await control('DELETE', `/employees/${hired.id}`);
    await bob.control.flushWebhooks();
    const events = target.received
      .slice(1)
      .map((r) => JSON.parse(r.raw.toString()) as { type: string; data: { employeeId: string } });
    expect(events.map((e) => e.type)).toEqual([
      'table.entry.updated',
      'employee.updated',
      'employee.joined',
      'employee.activated',
      'employee.deleted',
    ]);
    expect(events.every((e) => e.data.employeeId === hired.id)).toBe(true);
    expect((await call(bob.connectionConfig(), 'POST', `/v1/people/${hired.id}`, {})).status).toBe(404);
  });

  it('sampleDelivery is signed with the advertised secret', () => {
    const sample = bob.webhooks.sampleDelivery();
    expect(verify(Buffer.from(sample.body), sample.headers['Bob-Signature'], bob.webhooks.secret)).toBe(true);
    expect(bob.secrets()).toContain(bob.webhooks.secret);
    expect(bob.secrets()).toContain(bob.connectionConfig().token);
  });
});

describe('control API over HTTP', () => {
  it('reports state, creates service users and validates input with {error}', async () => {
    const state = await control('GET', '/state');
    expect(state.body).toMatchObject({ today: '2026-06-15', companyId: bob.state.data.companyId });
    const user = await control('POST', '/service-users', { categories: ['root'], features: ['people'] });
    expect(user.body).toMatchObject({ baseUrl: bob.url });
    const bad = await control('POST', `/employees/${bob.state.employees[0]!.id}/fields`, {
      fields: { 'work.nope': 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ error: 'unknown field id "work.nope" (see GET /v1/company/people/fields)' });
    expect((await control('POST', '/employees/123/terminate', {})).status).toBe(404);
  });
});
