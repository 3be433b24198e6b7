import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bamboohr } from '@hrkit/bamboohr';
import { type BambooHrSandbox, signedHeaders, startBambooHrSandbox } from '@hrkit/bamboohr/sandbox';
import { type ChangeEvent, type Connection, createHrKit, type Employee } from '@hrkit/core';
import { hibob, signHiBobWebhook } from '@hrkit/hibob';
import { startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { applyWebhook, MemorySyncStore, SyncEngine } from '@hrkit/sync';
import type { DeliveryAttempt } from '@hrkit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Webhook path = sync path (docs/sync.md). Two stores start from the same sync. Each change is made through the
 * sandbox's control API; one store receives the provider's real signed deliveries through applyWebhook, the other
 * syncs. Both must hold the same events — same ids, actions and changedFields (model paths) — and the webhook ones
 * carry the provider's event as provenance. A validly signed but false `deleted` deletes nothing.
 */

/** A local endpoint answering 200 to every delivery; the sandboxes log what they sent (body and headers). */
async function receiver(): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.writeHead(200).end());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const shape = (events: readonly ChangeEvent[]) =>
  events.map((e) => `${e.id} ${e.entity} ${e.remoteId} ${e.action} [${e.changedFields.join(',')}]`).sort();

interface Pair {
  connection: Connection;
  provider: string;
  webhookStore: MemorySyncStore;
  syncStore: MemorySyncStore;
  secret: string;
  log: () => DeliveryAttempt[];
  flush: () => Promise<void>;
}

/** Make a change, deliver what the provider sent to one store, sync the other; return both sides' new events. */
async function compare(pair: Pair, change: () => void | Promise<void>) {
  const sentBefore = pair.log().length;
  const webhookBefore = (await pair.webhookStore.listEvents(pair.provider)).length;
  const syncBefore = (await pair.syncStore.listEvents(pair.provider)).length;
  await change();
  await pair.flush();
  const delivered = new Map<number, DeliveryAttempt>();
  for (const attempt of pair.log().slice(sentBefore)) if (attempt.ok) delivered.set(attempt.deliveryId, attempt);
  const types: string[] = [];
  for (const attempt of [...delivered.values()].sort((a, b) => a.deliveryId - b.deliveryId)) {
    const outcome = pair.connection.webhooks.handle({ body: attempt.body, headers: attempt.headers }, pair.secret);
    if (outcome.kind === 'events') types.push(...outcome.events.map((e) => e.providerEventType ?? '?'));
    await applyWebhook(
      pair.webhookStore,
      pair.connection,
      { body: attempt.body, headers: attempt.headers },
      pair.secret,
    );
  }
  await new SyncEngine(pair.syncStore).sync(pair.connection);
  const byWebhook = (await pair.webhookStore.listEvents(pair.provider)).slice(webhookBefore).map((s) => s.event);
  const bySync = (await pair.syncStore.listEvents(pair.provider)).slice(syncBefore).map((s) => s.event);
  // Whatever the webhooks missed (none should be missed), a sync of the webhook store would find: it must find nothing.
  const catchUp = await new SyncEngine(pair.webhookStore).sync(pair.connection);
  return { byWebhook, bySync, types, catchUp: catchUp.newEvents };
}

async function startPair(connection: Connection, provider: string, pair: Omit<Pair, 'webhookStore' | 'syncStore'>) {
  const webhookStore = new MemorySyncStore();
  const syncStore = new MemorySyncStore();
  const now = Date.now();
  await new SyncEngine(webhookStore).sync(connection, { now: () => now });
  await new SyncEngine(syncStore).sync(connection, { now: () => now });
  expect(shape((await webhookStore.listEvents(provider)).map((s) => s.event))).toEqual(
    shape((await syncStore.listEvents(provider)).map((s) => s.event)),
  );
  return { ...pair, webhookStore, syncStore };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('HiBob: every webhook event type gives the events a sync gives', () => {
  let sandbox: Awaited<ReturnType<typeof startHiBobSandbox>>;
  let endpoint: { url: string; server: Server };
  let pair: Pair;
  const secret = 'hibob-webhook-secret-for-tests';
  beforeAll(async () => {
    sandbox = await startHiBobSandbox({ seed: 21, employees: 14, rateLimits: false });
    endpoint = await receiver();
    await sandbox.control.registerWebhook(endpoint.url, secret);
    const connection = createHrKit({ providers: [hibob()] }).connect('hibob', sandbox.connectionConfig(), {
      rateLimits: false,
    });
    pair = await startPair(connection, 'hibob', {
      connection,
      provider: 'hibob',
      secret,
      log: () => sandbox.control.webhookDeliveries(),
      flush: () => sandbox.control.flushWebhooks(),
    });
  });
  afterAll(async () => {
    await sandbox?.close();
    endpoint?.server.close();
  });
  const active = () => sandbox.expected.employeeRemoteIds({ includeInactive: false });

  it.each([
    {
      name: 'employee.created',
      change: () => void sandbox.control.addEmployee({ firstName: 'Ada', surname: 'Webhook' }),
      actions: ['created'],
    },
    {
      name: 'employee.updated + table.entry.created (category Direct Employee → Contractor)',
      change: () => {
        const id = active().find((candidate) => {
          const employee = sandbox.state.employee(candidate) as unknown as Record<string, unknown> | undefined;
          return JSON.stringify(employee ?? {}).includes('390118422');
        });
        sandbox.control.setEmploymentType(id ?? active()[1]!, 'Contractor');
      },
      actions: ['updated'],
      fields: ['employmentType.customerCategory.label'],
    },
    {
      name: 'employee.left (termination today)',
      change: () => sandbox.control.terminate(active()[2]!),
      actions: ['terminated'],
    },
    { name: 'employee.temporaryLeave', change: () => sandbox.control.startLeave(active()[3]!), actions: null },
    { name: 'employee.deleted', change: () => sandbox.control.deleteEmployee(active()[4]!), actions: null },
  ])('$name', async ({ change, actions, ...expected }) => {
    const { byWebhook, bySync, types, catchUp } = await compare(pair, change);
    expect(types.length).toBeGreaterThan(0);
    expect(shape(byWebhook)).toEqual(shape(bySync));
    expect(catchUp).toBe(0);
    if (actions) expect(byWebhook.map((e) => e.action)).toEqual(actions);
    if ('fields' in expected)
      expect(byWebhook[0]?.changedFields).toEqual(expect.arrayContaining(expected.fields as string[]));
    for (const event of byWebhook) {
      expect(event.origin).toBe('webhook');
      expect(types).toContain(event.providerEventType);
      expect(event.providerEventId).toEqual(expect.any(String));
    }
  });

  it('time off: requested → approved → cancelled, declined, deleted, each as a sync sees it', async () => {
    const employeeId = active()[5]!;
    let requestId = 0;
    const steps: [string, () => void, string][] = [
      [
        'timeoff.request.requested',
        () => {
          requestId = sandbox.control.createTimeOffRequest({
            employeeId,
            policyType: 'Holiday',
            type: 'days',
            startDate: day(20),
            endDate: day(21),
            status: 'pending',
          }).requestId;
        },
        'created',
      ],
      ['timeoff.request.approved', () => void sandbox.control.approveTimeOffRequest(requestId), 'approved'],
      ['timeoff.request.cancelled', () => void sandbox.control.cancelTimeOffRequest(requestId), 'cancelled'],
    ];
    for (const [type, change, action] of steps) {
      const { byWebhook, bySync, types, catchUp } = await compare(pair, change);
      expect(types).toContain(type);
      expect(shape(byWebhook)).toEqual(shape(bySync));
      expect(catchUp).toBe(0);
      expect(byWebhook.map((e) => [e.action, e.providerEventType])).toEqual([[action, type]]);
    }
    let other = 0;
    const more: [string, () => void][] = [
      [
        'timeoff.request.requested',
        () => {
          other = sandbox.control.createTimeOffRequest({
            employeeId,
            policyType: 'Holiday',
            type: 'days',
            startDate: day(40),
            endDate: day(40),
            status: 'pending',
          }).requestId;
        },
      ],
      ['timeoff.request.declined', () => void sandbox.control.declineTimeOffRequest(other)],
      ['timeoff.request.deleted', () => void sandbox.control.deleteTimeOffRequest(other)],
    ];
    const actions: string[] = [];
    for (const [type, change] of more) {
      const { byWebhook, bySync, types, catchUp } = await compare(pair, change);
      expect(types).toContain(type);
      expect(shape(byWebhook)).toEqual(shape(bySync));
      expect(catchUp).toBe(0);
      actions.push(...byWebhook.map((e) => e.action));
    }
    // HiBob's feed says `Canceled` for a declined request too: the sync asks the request itself, like the webhook.
    expect(actions).toEqual(['created', 'declined', 'deleted']);
  });

  it('a redelivery, and a delivery that carries no change, write nothing', async () => {
    const { byWebhook } = await compare(pair, () => sandbox.control.updateEmployee(active()[6]!, {}));
    expect(byWebhook).toEqual([]);
    const last = sandbox.control.webhookDeliveries().filter((attempt) => attempt.ok && attempt.body.includes('"type"'));
    const again = last[last.length - 1]!;
    const result = await applyWebhook(pair.webhookStore, pair.connection, again, secret);
    expect(result.received).toBe(1);
    expect(result.applied).toEqual([]);
  });

  it('a forged-but-validly-signed employee.deleted of a live employee deletes nothing', async () => {
    const live = active()[7]!;
    const body = JSON.stringify({
      companyId: 1,
      type: 'employee.deleted',
      triggeredAt: new Date().toISOString(),
      version: 'v2',
      data: { employeeId: live },
    });
    const result = await applyWebhook(
      pair.webhookStore,
      pair.connection,
      { body, headers: { 'bob-signature': signHiBobWebhook(body, secret) } },
      secret,
    );
    expect(result.applied).toEqual([]);
    expect((await pair.webhookStore.getRecord('hibob', 'employee', `hibob:${live}`))?.deleted).toBe(false);
  });
});

describe('BambooHR: every webhook event type gives the events a sync gives', () => {
  let sandbox: BambooHrSandbox;
  let endpoint: { url: string; server: Server };
  let pair: Pair;
  const keys: string[] = [];
  beforeAll(async () => {
    sandbox = await startBambooHrSandbox({ seed: 22, employees: 12, rateLimits: false });
    endpoint = await receiver();
    const monitorFields = ['firstName', 'lastName', 'jobTitle', 'department', 'employmentHistoryStatus'];
    keys.push(
      sandbox.control.registerWebhook({
        name: 'event based',
        url: endpoint.url,
        events: ['employee.created', 'employee.updated', 'employee.deleted'],
        monitorFields,
      }).privateKey,
    );
    const connection = createHrKit({ providers: [bamboohr()] }).connect('bamboohr', sandbox.connectionConfig(), {
      rateLimits: false,
    });
    pair = await startPair(connection, 'bamboohr', {
      connection,
      provider: 'bamboohr',
      secret: keys[0]!,
      log: () => sandbox.deliveries,
      flush: () => sandbox.control.flushWebhooks(),
    });
  });
  afterAll(async () => {
    await sandbox?.close();
    endpoint?.server.close();
  });
  const active = () => sandbox.expected.employeeRemoteIds({ includeInactive: false });

  it.each([
    {
      name: 'employee.created',
      change: () => void sandbox.control.addEmployee({ firstName: 'Bea', lastName: 'Webhook', hireDate: day(-1) }),
      actions: ['created'],
    },
    {
      name: 'employee.updated (job title)',
      change: () => void sandbox.control.updateEmployee(active()[1]!, { jobTitle: 'Chief Webhook Officer' }),
      actions: ['updated'],
      fields: ['jobTitle'],
    },
    {
      name: 'employee.updated (employment status → Contractor)',
      change: () => void sandbox.control.updateEmployee(active()[2]!, { employmentHistoryStatus: 'Contractor' }),
      actions: ['updated'],
      fields: ['employmentType.workerKind.value'],
    },
    {
      name: 'employee.updated (termination)',
      change: () => void sandbox.control.terminateEmployee(active()[3]!),
      actions: ['terminated'],
    },
    { name: 'employee.deleted', change: () => sandbox.control.deleteEmployee(active()[4]!), actions: null },
  ])('$name', async ({ change, actions, ...expected }) => {
    const { byWebhook, bySync, catchUp } = await compare(pair, change);
    expect(shape(byWebhook)).toEqual(shape(bySync));
    expect(catchUp).toBe(0);
    if (actions) expect(byWebhook.filter((e) => e.entity === 'employee').map((e) => e.action)).toEqual(actions);
    if ('fields' in expected)
      expect(byWebhook[0]?.changedFields).toEqual(expect.arrayContaining(expected.fields as string[]));
    for (const event of byWebhook) expect(event.providerEventType).toMatch(/^employee\./);
  });

  it('a forged-but-validly-signed employee.deleted of a live employee is confirmed with BambooHR, deleting nothing', async () => {
    const live = active()[5]!;
    const body = JSON.stringify({
      type: 'employee.deleted',
      timestamp: new Date().toISOString(),
      data: { employeeId: live },
    });
    const headers = {
      'content-type': 'application/json',
      ...signedHeaders(body, keys[0]!, String(Math.floor(Date.now() / 1000))),
    };
    const result = await applyWebhook(pair.webhookStore, pair.connection, { body, headers }, keys[0]!);
    expect(result.received).toBe(1);
    expect(result.applied).toEqual([]);
    const row = await pair.webhookStore.getRecord('bamboohr', 'employee', `bamboohr:${live}`);
    expect(row?.deleted).toBe(false);
    expect((row?.data as Employee | undefined)?.id).toBe(`bamboohr:${live}`);
  });
});
