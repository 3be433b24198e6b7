import { connect } from 'node:net';
import type { SyncStore } from '@hrkit/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningIngress, startIngress } from '../src/index.js';
import { cleanRedisPrefix, eventually } from './harness.js';
import { type Sandboxes, snapshot, startSandboxes, startTestFleet, type TestFleet } from './fleet-harness.js';

let fleet: TestFleet | undefined;
let sandboxes: Sandboxes | undefined;
let ingress: RunningIngress | undefined;
afterEach(async () => {
  await ingress?.close();
  await fleet?.close();
  await sandboxes?.close();
  fleet = undefined;
  sandboxes = undefined;
  ingress = undefined;
});

const HOUR = 3_600_000;

describe('webhook ingress, freshness and silence', () => {
  it('verifies, keeps in the inbox, answers 2xx, applies; a webhook that stops is detected and polled; resumes', async () => {
    sandboxes = await startSandboxes({ hibob: 1, bamboohr: 0, employees: 15 });
    const sandbox = sandboxes.hibob[0]!;
    fleet = await startTestFleet(1);
    const secret = 'whsec-acme-0123456789';
    await fleet.registry.add({
      id: 'acme',
      provider: 'hibob',
      tenant: 'Acme',
      credentials: sandbox.control.createServiceUser({ name: 'acme' }),
      webhookSecret: secret,
    });
    ingress = await startIngress({
      registry: fleet.registry,
      store: fleet.store,
      queues: fleet.queues,
      metrics: fleet.metrics,
    });
    await fleet.queues.enqueueSync('acme');
    await eventually('first sync', async () => (await fleet!.registry.get('acme')).lastSyncAt);

    // Health and readiness.
    expect((await fetch(`${ingress.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${ingress.url}/readyz`)).json()).toEqual({ ready: true });

    // Unsigned or wrongly signed: refused, nothing stored. Unknown connection: 404.
    const forged = await fetch(`${ingress.url}/webhooks/hibob/acme`, { method: 'POST', body: '{"type":"x"}' });
    expect(forged.status).toBe(401);
    expect((await fetch(`${ingress.url}/webhooks/hibob/nobody`, { method: 'POST', body: '{}' })).status).toBe(404);
    expect(await fleet.store.inboxDepth('acme')).toEqual({ pending: 0, dead: 0, oldestPendingAt: null });

    // The provider's webhook points at the ingress: registration pings, then a change is delivered and applied.
    const { endpoint } = await sandbox.control.registerWebhook(`${ingress.url}/webhooks/hibob/acme`, secret);
    const employee = sandbox.state.employees[3]!;
    sandbox.control.updateEmployee(employee.id, { 'root.firstName': 'Webhooked' });
    await sandbox.control.flushWebhooks();
    expect(sandbox.control.webhookDeliveries().every((attempt) => attempt.status === 200)).toBe(true);
    const applied = await eventually('delivery applied', async () => {
      const connection = await fleet!.registry.get('acme');
      return connection.lastAppliedDeliveryAt !== null && connection;
    });
    expect(applied.webhook.silent).toBe(false);
    const stored = await fleet.stores[0]!.getRecord('acme', 'employee', `hibob:${employee.id}`);
    expect(JSON.stringify(stored?.data)).toContain('Webhooked');
    const events = await fleet.stores[0]!.listEvents('acme');
    expect(events.at(-1)?.event.origin).toBe('webhook');

    // The webhook stops (the customer's admin deleted it); changes keep happening at the provider.
    expect(sandbox.control.unregisterWebhook(endpoint.id)).toBe(true);
    sandbox.control.updateEmployee(employee.id, { 'root.firstName': 'Unannounced' });
    // Two hours later by the fleet's clock, the next sync finds a change no delivery announced.
    fleet.clockOffset.ms = 2 * HOUR;
    await fleet.queues.enqueueSync('acme');
    const silent = await eventually('webhook marked silent', async () => {
      const connection = await fleet!.registry.get('acme');
      return connection.webhook.silent && connection;
    });
    expect(silent.webhook.silentReason).toMatch(
      /found \d+ change\(s\) that no webhook announced \(last delivery \d+ s ago\)/,
    );
    expect(
      JSON.stringify((await fleet.stores[0]!.getRecord('acme', 'employee', `hibob:${employee.id}`))?.data),
    ).toContain('Unannounced');
    // Polled more often: due after silentEveryMs (2 min) instead of incrementalEveryMs (15 min).
    const lastSync = silent.lastSyncAt!;
    expect((await fleet.scheduler.tick(lastSync + 3 * 60_000)).syncs).toEqual(['acme']);
    expect(await fleet.metrics.text()).toContain('hrkit_fleet_webhook_silent{connection="acme",provider="hibob"} 1');

    // Deliveries resume: the webhook is no longer silent and the normal schedule returns.
    await eventually('the polled sync ran', async () => (await fleet!.registry.get('acme')).lastSyncAt! > lastSync);
    await sandbox.control.registerWebhook(`${ingress.url}/webhooks/hibob/acme`, secret);
    sandbox.control.updateEmployee(employee.id, { 'root.firstName': 'Announced' });
    await sandbox.control.flushWebhooks();
    const resumed = await eventually('silence over', async () => {
      const connection = await fleet!.registry.get('acme');
      return !connection.webhook.silent && connection;
    });
    expect(resumed.webhook.silentReason).toBeNull();
    expect((await fleet.scheduler.tick(resumed.lastSyncAt! + 3 * 60_000)).syncs).toEqual([]);
    expect((await snapshot(fleet.stores[0]!, 'acme')).records.length).toBeGreaterThan(15);
  });

  it('a delivery is durable before its 2xx: with Redis unreachable it is still accepted and applied later', async () => {
    sandboxes = await startSandboxes({ hibob: 1, bamboohr: 0, employees: 10 });
    const sandbox = sandboxes.hibob[0]!;
    fleet = await startTestFleet(0);
    const secret = 'whsec-durable-0123456789';
    await fleet.registry.add({
      id: 'acme',
      provider: 'hibob',
      tenant: 'Acme',
      credentials: sandbox.control.createServiceUser({ name: 'acme' }),
      webhookSecret: secret,
    });
    // Ingress whose queue points at a Redis that is not there.
    const { FleetQueues } = await import('../src/index.js');
    const deadQueues = FleetQueues.open({ redisUrl: 'redis://127.0.0.1:1', prefix: fleet.prefix });
    ingress = await startIngress({
      registry: fleet.registry,
      store: fleet.store,
      queues: deadQueues,
      metrics: fleet.metrics,
    });
    await sandbox.control.registerWebhook(`${ingress.url}/webhooks/hibob/acme`, secret);
    const employeeId = sandbox.state.employees[0]!.id;
    sandbox.control.updateEmployee(employeeId, { 'root.firstName': 'Durable' });
    await sandbox.control.flushWebhooks();
    expect(sandbox.control.webhookDeliveries().map((attempt) => attempt.status)).toEqual([200, 200]);
    expect((await fetch(`${ingress.url}/readyz`)).status).toBe(503);
    const [pending] = await fleet.store.listInbox('acme', { status: 'pending' });
    expect(pending?.event).toMatchObject({ entity: 'employee', entityId: `hibob:${employeeId}`, action: 'updated' });
    await ingress.close();
    ingress = undefined;
    deadQueues.redis.disconnect();
    // Redis is back (the real one): the scheduler enqueues the connection's inbox, a worker applies it.
    expect((await fleet.scheduler.tick(Date.now())).applies).toEqual(['acme']);
    await fleet.startWorkers(1);
    await eventually('applied', async () => (await fleet!.store.inboxDepth('acme')).pending === 0);
    const stored = await fleet.store.getRecord('acme', 'employee', `hibob:${employeeId}`);
    expect(JSON.stringify(stored?.data)).toContain('Durable');
  });

  it('the delivery is in the store inbox when its 2xx is sent; Redis flushed before it is applied: the rebuilt job applies it once', async () => {
    sandboxes = await startSandboxes({ hibob: 1, bamboohr: 0, employees: 10 });
    const sandbox = sandboxes.hibob[0]!;
    fleet = await startTestFleet(1);
    const secret = 'whsec-flushed-0123456789';
    await fleet.registry.add({
      id: 'acme',
      provider: 'hibob',
      tenant: 'Acme',
      credentials: sandbox.control.createServiceUser({ name: 'acme' }),
      webhookSecret: secret,
    });
    await fleet.queues.enqueueSync('acme');
    await eventually('first sync', async () => (await fleet!.registry.get('acme')).lastSyncAt);
    // No worker from here on until Redis has lost the apply job.
    await Promise.all(fleet.workers.splice(0).map((worker) => worker.close()));
    ingress = await startIngress({
      registry: fleet.registry,
      store: fleet.store,
      queues: fleet.queues,
      metrics: fleet.metrics,
    });
    await sandbox.control.registerWebhook(`${ingress.url}/webhooks/hibob/acme`, secret);
    const employeeId = sandbox.state.employees[4]!.id;
    sandbox.control.updateEmployee(employeeId, { 'root.firstName': 'Flushed' });
    await sandbox.control.flushWebhooks();
    expect(sandbox.control.webhookDeliveries().map((attempt) => attempt.status)).toEqual([200, 200]);
    // Acknowledged, so durable in the store's inbox (nothing has applied it: no worker runs).
    expect(await fleet.store.inboxDepth('acme')).toMatchObject({ pending: 1, dead: 0 });
    await eventually('its apply job queued', async () => (await fleet!.queues.depth()).apply.waiting === 1);
    expect(await fleet.metrics.text()).toContain(
      'hrkit_fleet_inbox_items{connection="acme",provider="hibob",status="pending"} 1',
    );
    // One drain per connection waits, however many deliveries arrive.
    expect(await fleet.queues.enqueueApply('acme')).toBe(false);
    expect((await fleet.queues.depth()).apply.waiting).toBe(1);

    await cleanRedisPrefix(fleet.prefix);
    expect((await fleet.queues.depth()).apply.waiting).toBe(0);
    // The scheduler rebuilds from the store's inbox; a new worker applies the delivery.
    expect((await fleet.scheduler.tick(Date.now())).applies).toEqual(['acme']);
    await fleet.startWorkers(1);
    await eventually('the inbox drained', async () => (await fleet!.store.inboxDepth('acme')).pending === 0);
    const record = await fleet.store.getRecord('acme', 'employee', `hibob:${employeeId}`);
    expect(JSON.stringify(record?.data)).toContain('Flushed');
    const announced = (await fleet.store.listEvents('acme')).filter(
      (stored) => stored.event.origin === 'webhook' && stored.event.entityId === `hibob:${employeeId}`,
    );
    expect(announced).toHaveLength(1);
    expect((await fleet.registry.get('acme')).lastAppliedDeliveryAt).not.toBeNull();
    // Nothing left to rebuild.
    expect((await fleet.scheduler.tick(Date.now())).applies).toEqual([]);

    // A week later (the workers' clock), the next drain prunes the applied item: its dedupe window is over.
    const [first] = await fleet.store.listInbox('acme', { status: 'applied' });
    expect(first).toBeDefined();
    fleet.clockOffset.ms = 8 * 24 * HOUR;
    sandbox.control.updateEmployee(employeeId, { 'root.firstName': 'Later' });
    await sandbox.control.flushWebhooks();
    await eventually('the later delivery applied', async () => {
      const applied = await fleet!.store.listInbox('acme', { status: 'applied' });
      return applied.length === 1 && applied[0]!.eventId !== first!.eventId;
    });
  });

  it('BambooHR: a delivery signed with the webhook private key is verified with that connection secret and applied', async () => {
    sandboxes = await startSandboxes({ hibob: 0, bamboohr: 1, employees: 10 });
    const sandbox = sandboxes.bamboohr[0]!;
    fleet = await startTestFleet(1);
    ingress = await startIngress({
      registry: fleet.registry,
      store: fleet.store,
      queues: fleet.queues,
      metrics: fleet.metrics,
    });
    const webhook = sandbox.control.registerWebhook({
      name: 'fleet',
      url: `${ingress.url}/webhooks/bamboohr/globex`,
      events: ['employee.updated'],
      monitorFields: ['jobTitle'],
    });
    await fleet.registry.add({
      id: 'globex',
      provider: 'bamboohr',
      tenant: 'Globex',
      credentials: sandbox.connectionConfig(),
      webhookSecret: webhook.privateKey,
    });
    await fleet.queues.enqueueSync('globex');
    await eventually('first sync', async () => (await fleet!.registry.get('globex')).lastSyncAt);
    const employee = [...sandbox.company.employees.values()][2]!;
    sandbox.control.updateEmployee(employee.id, { jobTitle: 'Head of Fleet' });
    await sandbox.control.flushWebhooks();
    expect(sandbox.deliveries.map((attempt) => attempt.status)).toEqual([200]);
    await eventually('applied', async () => (await fleet!.registry.get('globex')).lastAppliedDeliveryAt);
    const stored = await fleet.stores[0]!.getRecord('globex', 'employee', `bamboohr:${employee.id}`);
    expect(JSON.stringify(stored?.data)).toContain('Head of Fleet');
  });
});

describe('ingress shutdown', () => {
  it('a request still in flight at the deadline is cut off; nothing from it is stored', async () => {
    fleet = await startTestFleet(0);
    await fleet.registry.add({
      id: 'acme',
      provider: 'hibob',
      tenant: 'Acme',
      credentials: { serviceUserId: 'SERVICE-1', token: 'unused', baseUrl: 'http://127.0.0.1:1' },
      webhookSecret: 'whsec-acme-0123456789',
    });
    const running = await startIngress({
      registry: fleet.registry,
      store: fleet.store,
      queues: fleet.queues,
      metrics: fleet.metrics,
    });
    // A provider that sends its headers and never its body. `Expect: 100-continue` makes the server say when the
    // request reached its handler (it answers 100 Continue first), so the test knows it is in flight.
    const socket = connect(running.port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {});
    const continued = new Promise<void>((resolve) =>
      socket.on('data', (chunk: Buffer) => {
        if (chunk.toString().startsWith('HTTP/1.1 100')) resolve();
      }),
    );
    socket.write(
      'POST /webhooks/hibob/acme HTTP/1.1\r\nHost: ingress\r\nContent-Type: application/json\r\n' +
        'Content-Length: 64\r\nExpect: 100-continue\r\n\r\n{"type":',
    );
    await continued;
    expect(await running.close({ deadlineMs: 100 })).toBe('cut off');
    await closed;
    expect(await fleet.store.inboxDepth('acme')).toMatchObject({ pending: 0 });
  });

  it('/readyz answers 503 while the store does not answer (it may be another database than the registry)', async () => {
    fleet = await startTestFleet(0);
    const failing = {
      inboxDepth: () => Promise.reject(new Error('store unreachable')),
    } as unknown as SyncStore;
    const running = await startIngress({
      registry: fleet.registry,
      store: failing,
      queues: fleet.queues,
      metrics: fleet.metrics,
    });
    try {
      const answer = await fetch(`${running.url}/readyz`);
      expect(answer.status).toBe(503);
      expect(await answer.json()).toEqual({ ready: false, reason: 'store unreachable' });
    } finally {
      await running.close();
    }
  });
});
