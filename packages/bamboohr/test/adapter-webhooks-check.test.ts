import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationError, RateLimitedError } from '@hrkit/core';
import { VirtualClock } from '@hrkit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drain, NOW, sandboxFixture } from './helpers.js';

interface Received {
  body: Buffer;
  headers: IncomingMessage['headers'];
}

async function receiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('BambooHR webhooks end to end', () => {
  let fixture: Awaited<ReturnType<typeof sandboxFixture>>;
  let hooks: Awaited<ReturnType<typeof receiver>>;
  beforeAll(async () => {
    fixture = await sandboxFixture();
    hooks = await receiver();
  });
  afterAll(async () => {
    await fixture.sandbox.close();
    await hooks.close();
  });

  it('delivers signed event-based webhooks on changes; the adapter verifies and parses them', async () => {
    const webhook = fixture.sandbox.control.registerWebhook({
      name: 'hrkit',
      url: hooks.url,
      events: ['employee.created', 'employee.updated', 'employee.deleted'],
      monitorFields: ['jobTitle', 'firstName'],
    });
    expect(webhook.privateKey).toMatch(/^[0-9a-f]{32}$/);
    const employee = [...fixture.sandbox.company.employees.values()][3]!;
    fixture.sandbox.control.updateEmployee(employee.id, { jobTitle: 'Head of Webhooks' });
    fixture.sandbox.control.updateEmployee(employee.id, { mobilePhone: '801-555-0000' }); // not monitored: no delivery
    const created = fixture.sandbox.control.addEmployee({ firstName: 'Hook', lastName: 'Test' });
    await fixture.sandbox.control.flushWebhooks();
    const connection = fixture.connect();
    const outcomes = hooks.received.map((delivery) =>
      connection.webhooks.handle(
        { body: delivery.body, headers: delivery.headers as Record<string, string> },
        webhook.privateKey,
      ),
    );
    const events = outcomes.flatMap((outcome) => (outcome.kind === 'events' ? outcome.events : []));
    expect(events.map((e) => [e.remoteId, e.action, e.providerEventType])).toEqual([
      [employee.id, 'updated', 'employee.updated'],
      [created.id, 'created', 'employee.created'],
      [created.id, 'updated', 'employee.updated'],
    ]);
    expect(events[0]?.changedFields).toEqual(['jobTitle']);
    expect(events[0]?.occurredAt).toBe(NOW);
    expect(hooks.received[0]?.headers['user-agent']).toContain('BambooHR-WebHooks');
    expect(() =>
      connection.webhooks.handle(
        { body: hooks.received[0]!.body, headers: hooks.received[0]!.headers as Record<string, string> },
        fixture.sandbox.webhooks.secret,
      ),
    ).toThrow(/signature/);
  });

  it('retries a failed delivery with the same signed bytes', async () => {
    let failures = 1;
    const seen: { body: string; signature: string | undefined }[] = [];
    const flaky = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({ body: Buffer.concat(chunks).toString(), signature: req.headers['x-bamboohr-signature'] as string });
        res.writeHead(failures-- > 0 ? 500 : 200).end();
      });
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/`;
      fixture.sandbox.control.registerWebhook({ name: 'flaky', url, events: ['employee.deleted'] });
      const doomed = [...fixture.sandbox.company.employees.values()].at(-1)!.id;
      fixture.sandbox.control.deleteEmployee(doomed);
      await fixture.sandbox.control.flushWebhooks();
      expect(seen).toHaveLength(2);
      expect(seen[1]).toEqual(seen[0]);
      expect(JSON.parse(seen[0]!.body)).toMatchObject({ type: 'employee.deleted', data: { employeeId: doomed } });
    } finally {
      await new Promise<void>((resolve) => flaky.close(() => resolve()));
    }
  });

  it('registers webhooks through the API too, refusing mixed event families', async () => {
    const { url } = fixture.sandbox;
    const headers = {
      authorization: `Basic ${Buffer.from(`${fixture.sandbox.connectionConfig().apiKey}:x`).toString('base64')}`,
      'content-type': 'application/json',
    };
    const bad = await fetch(`${url}/api/gateway.php/acme/v1/webhooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'x', url: hooks.url, events: ['employee.created', 'employee_with_fields.created'] }),
    });
    expect(bad.status).toBe(400);
    const good = await fetch(`${url}/api/gateway.php/acme/v1/webhooks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'legacy',
        url: hooks.url,
        monitorFields: ['firstName'],
        postFields: { firstName: 'First Name' },
      }),
    });
    expect(good.status).toBe(201);
    const body = (await good.json()) as { privateKey: string; events: string[] };
    expect(body.events).toEqual([
      'employee_with_fields.updated',
      'employee_with_fields.deleted',
      'employee_with_fields.created',
    ]);
    expect(fixture.sandbox.secrets()).toContain(body.privateKey);
  });
});

describe('BambooHR check() and failure handling', () => {
  let fixture: Awaited<ReturnType<typeof sandboxFixture>>;
  beforeAll(async () => {
    fixture = await sandboxFixture();
  });
  afterAll(() => fixture.sandbox.close());

  it('is all ok with a full-access key', async () => {
    const report = await fixture.connect().check();
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.status !== 'ok')).toEqual([]);
    const owner = fixture.sandbox.company.employees.get('1')!;
    expect(report.checks[0]?.summary).toContain(`access level of ${owner.firstName} ${owner.lastName} (employee 1)`);
    expect(report.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'auth',
        'employees.list',
        'fields.core',
        'fields.employment',
        'fields.sensitive',
        'directory',
        'webhooks',
      ]),
    );
  });

  it('names the fields a restricted key cannot see, the disabled directory, and the access-level fix', async () => {
    const { config, expectedMissingCheck } = fixture.sandbox.restrictedConnection();
    const report = await fixture.connect(config).check();
    const byId = new Map(report.checks.map((c) => [c.id, c]));
    const employment = byId.get(expectedMissingCheck)!;
    expect(employment.status).toBe('missing');
    expect(employment.missingFields).toEqual([
      'employmentHistoryStatus',
      'jobTitle',
      'department',
      'location',
      'division',
      'supervisorEId',
      'supervisorId',
      'supervisor',
    ]);
    expect(employment.fix?.steps[0]).toContain('Settings › Access Levels');
    expect(byId.get('fields.sensitive')?.status).toBe('missing');
    expect(byId.get('fields.core')?.status).toBe('ok');
    expect(byId.get('directory')?.status).toBe('missing');
    expect(byId.get('employees.history')?.status).toBe('missing');
    expect(report.ok).toBe(true); // employment fields are optional: the sync still runs, with unknown types
  });

  it('reports a refused key as a failed required check, and reads fail with AuthenticationError', async () => {
    const report = await fixture.connect(fixture.sandbox.badConnectionConfig()).check();
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ id: 'auth', status: 'error', severity: 'required' });
    const error = await drain(fixture.connect(fixture.sandbox.badConnectionConfig()).employees.list()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(String((error as Error).message)).toContain('API key not provided or invalid');
  });

  it('retries 503 and 429 honouring Retry-After, then succeeds (virtual clock: no real waiting)', async () => {
    const legacy = new VirtualClock(Date.parse(NOW));
    fixture.sandbox.control.throttleNext(1, { status: 503, retryAfterSeconds: 5 });
    expect((await drain(fixture.connect(undefined, { clock: legacy }).employees.list())).length).toBeGreaterThan(0);
    expect(legacy.sleeps).toEqual([5000]);
    const clock = new VirtualClock(Date.parse(NOW));
    fixture.sandbox.control.throttleNext(2, { status: 429, retryAfterSeconds: 3 });
    const employees = await drain(fixture.connect(undefined, { clock }).employees.list());
    expect(employees.length).toBeGreaterThan(0);
    expect(clock.sleeps).toEqual([3000, 3000]);
    fixture.sandbox.control.throttleNext(10, { status: 429, retryAfterSeconds: 1 });
    const error = await drain(
      fixture.connect(undefined, { clock: new VirtualClock(0), retryLimit: 2 }).employees.list(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    fixture.sandbox.control.throttleNext(0);
  });

  it('never puts a secret in errors, logs or the check report', async () => {
    const bad = fixture.sandbox.badConnectionConfig();
    const errors: unknown[] = [];
    await drain(fixture.connect(bad).employees.list()).catch((e: unknown) => errors.push(e));
    await fixture
      .connect()
      .employees.get('424242')
      .catch((e: unknown) => errors.push(e));
    const report = await fixture.connect(fixture.sandbox.restrictedConnection().config).check();
    await drain(fixture.connect().employees.list());
    const text = [
      ...errors.map((e) => `${String(e)} ${JSON.stringify(e)} ${(e as Error).stack}`),
      fixture.logger.text(),
      JSON.stringify(report),
    ].join('\n');
    expect(errors).toHaveLength(2);
    expect(fixture.logger.lines.length).toBeGreaterThan(0);
    for (const secret of fixture.sandbox.secrets()) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(`${secret}:x`).toString('base64'));
    }
  });
});
