import type { HiBobSandbox } from '@hrkit/hibob/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { startIngress } from '../src/index.js';
import { eventually } from './harness.js';
import { type Sandboxes, startSandboxes, startTestFleet, type TestFleet } from './fleet-harness.js';

let fleet: TestFleet | undefined;
let sandboxes: Sandboxes | undefined;
afterEach(async () => {
  await fleet?.close();
  await sandboxes?.close();
  fleet = undefined;
  sandboxes = undefined;
});

/** The provider revokes a service user (an admin deleted it): its token answers 401 from now on. */
function revoke(sandbox: HiBobSandbox, serviceUserId: string) {
  const control = sandbox.control as unknown as { deps: { auth: { remove(id: string): boolean } } };
  expect(control.deps.auth.remove(serviceUserId)).toBe(true);
}

describe('connection health', () => {
  it('a credential turned invalid: paused after the first 401, no request after it, resumed by a new credential', async () => {
    sandboxes = await startSandboxes({ hibob: 1, bamboohr: 0, employees: 15 });
    const sandbox = sandboxes.hibob[0]!;
    fleet = await startTestFleet(2);
    const credentials = sandbox.control.createServiceUser({ name: 'acme' });
    await fleet.registry.add({ id: 'acme', provider: 'hibob', tenant: 'Acme', credentials });
    const budget = fleet.workers[0]!.budgetOf('hibob', credentials);

    await fleet.queues.enqueueSync('acme');
    await eventually('first sync', async () => (await fleet!.registry.get('acme')).lastSyncAt);
    const sentWhileValid = fleet.requests.get(budget)!;
    expect(sentWhileValid).toBeGreaterThan(0);

    revoke(sandbox, credentials.serviceUserId);
    await fleet.queues.enqueueSync('acme', true);
    const paused = await eventually('paused', async () => {
      const connection = await fleet!.registry.get('acme');
      return connection.health === 'paused' && connection;
    });
    expect(paused.healthReason).toMatch(/^credential refused \(401\)/);
    expect(paused.healthReason).not.toContain(credentials.token);
    expect(fleet.requests.get(budget)).toBe(sentWhileValid + 1);
    expect(fleet.jobs.filter((job) => job.outcome === 'paused')).toHaveLength(1);

    // Nothing is scheduled for it, and a job that is enqueued anyway sends nothing.
    expect((await fleet.scheduler.tick(Date.now() + 7 * 86_400_000)).syncs).toEqual([]);
    await fleet.queues.enqueueSync('acme', true);
    await eventually('the stray job skipped', async () => fleet!.jobs.some((job) => job.outcome === 'skipped'));
    expect(fleet.requests.get(budget)).toBe(sentWhileValid + 1);

    // The operator updates the credential: healthy again, synced on the next tick.
    const renewed = sandbox.control.createServiceUser({ name: 'acme renewed' });
    await fleet.registry.updateCredentials('acme', renewed);
    const before = (await fleet.registry.get('acme')).lastSyncAt!;
    expect((await fleet.scheduler.tick(Date.now() + 86_400_000)).syncs).toEqual(['acme']);
    await eventually('synced with the new credential', async () => {
      const connection = await fleet!.registry.get('acme');
      return connection.lastSyncAt! > before && connection.health === 'healthy';
    });
  });

  it('a delivery whose record read answers 401: the connection pauses, the drain stops, the delivery waits in the inbox', async () => {
    sandboxes = await startSandboxes({ hibob: 1, bamboohr: 0, employees: 10 });
    const sandbox = sandboxes.hibob[0]!;
    fleet = await startTestFleet(1);
    const secret = 'whsec-revoked-0123456789';
    const credentials = sandbox.control.createServiceUser({ name: 'acme' });
    await fleet.registry.add({ id: 'acme', provider: 'hibob', tenant: 'Acme', credentials, webhookSecret: secret });
    const budget = fleet.workers[0]!.budgetOf('hibob', credentials);
    await fleet.queues.enqueueSync('acme');
    await eventually('first sync', async () => (await fleet!.registry.get('acme')).lastSyncAt);
    const ingress = await startIngress({
      registry: fleet.registry,
      store: fleet.store,
      queues: fleet.queues,
      metrics: fleet.metrics,
    });
    try {
      await sandbox.control.registerWebhook(`${ingress.url}/webhooks/hibob/acme`, secret);
      revoke(sandbox, credentials.serviceUserId);
      const sentWhileValid = fleet.requests.get(budget)!;
      // Two employees change: two records in the inbox, and the first read is refused.
      for (const employee of sandbox.state.employees.slice(0, 2))
        sandbox.control.updateEmployee(employee.id, { 'root.firstName': 'Refused' });
      await sandbox.control.flushWebhooks();
      const paused = await eventually('paused', async () => {
        const connection = await fleet!.registry.get('acme');
        return connection.health === 'paused' && connection;
      });
      expect(paused.healthReason).toMatch(/^webhook delivery not applied, credential refused \(401\): /);
      expect(paused.healthReason).not.toContain(credentials.token);
      await eventually('the drain ended', async () => fleet!.jobs.some((job) => job.outcome === 'paused'));
      // One refused request, not one per record; both deliveries wait for the credential to be fixed.
      expect(fleet.requests.get(budget)).toBe(sentWhileValid + 1);
      expect(await fleet.store.inboxDepth('acme')).toMatchObject({ pending: 2, dead: 0 });
      expect((await fleet.scheduler.tick(Date.now())).applies).toEqual([]);
    } finally {
      await ingress.close();
    }
  });

  it('a failing sync is retried by BullMQ and recorded as failing with its reason; success makes it healthy', async () => {
    sandboxes = await startSandboxes({ hibob: 0, bamboohr: 1, employees: 10 });
    const sandbox = sandboxes.bamboohr[0]!;
    fleet = await startTestFleet(0);
    await fleet.startWorkers(1, { httpRetryLimit: 0 });
    // Port 1 on localhost refuses connections: a transport failure, retryable.
    await fleet.registry.add({
      id: 'down',
      provider: 'bamboohr',
      tenant: 'Down',
      credentials: { ...sandbox.connectionConfig(), baseUrl: 'http://127.0.0.1:1' },
    });
    await fleet.queues.enqueueSync('down');
    const failing = await eventually('failing', async () => {
      const connection = await fleet!.registry.get('down');
      return connection.health === 'failing' && connection;
    });
    expect(failing.healthReason).toMatch(/TRANSPORT/);
    await eventually(
      'attempts exhausted',
      async () => fleet!.jobs.filter((job) => job.outcome === 'failed').length >= 3,
    );
    await fleet.registry.updateCredentials('down', sandbox.connectionConfig());
    await fleet.queues.enqueueSync('down');
    await eventually('healthy', async () => (await fleet!.registry.get('down')).health === 'healthy');
  });

  it('a missing optional permission: synced, degraded, and the reason names the permission to grant', async () => {
    sandboxes = await startSandboxes({ hibob: 1, bamboohr: 0, employees: 10 });
    fleet = await startTestFleet(1);
    const credentials = sandboxes.hibob[0]!.control.createServiceUser({ name: 'no time off', features: ['people'] });
    await fleet.registry.add({ id: 'partial', provider: 'hibob', tenant: 'Partial', credentials });
    await fleet.queues.enqueueSync('partial');
    const degraded = await eventually('synced', async () => {
      const connection = await fleet!.registry.get('partial');
      return connection.lastSyncAt !== null && connection;
    });
    expect(degraded.health).toBe('degraded');
    expect(degraded.healthReason).toMatch(/time off not synced: .*\(grant "/);
    expect((await fleet.scheduler.tick(degraded.lastSyncAt! + 16 * 60_000)).syncs).toEqual(['partial']);
  });
});
