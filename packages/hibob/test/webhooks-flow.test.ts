import { type ChangeEvent, WebhookVerificationError } from '@hrkit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalServer } from './helpers/local-server.js';
import { collect, connect, useSandbox } from './helpers/sandbox.js';

const sandbox = useSandbox({ employees: 20, seed: 9 });
const WEBHOOK_SECRET = 'whsec-flow-test-0123456789';

describe('webhooks end to end: the sandbox delivers, the adapter verifies and parses', async () => {
  const received: ChangeEvent[] = [];
  const rejected: string[] = [];
  let pings = 0;
  let secret = WEBHOOK_SECRET;
  const ready = (async () => {
    const box = await sandbox();
    const { bob, connector, logger } = connect({ ...box.connectionConfig(), webhookSecret: WEBHOOK_SECRET });
    const receiver = await startLocalServer((request, response) => {
      try {
        const outcome = bob.webhooks.handle({ body: Buffer.from(request.body), headers: request.headers }, secret);
        if (outcome.kind === 'ping') pings++;
        else received.push(...outcome.events);
        response.writeHead(200).end();
      } catch (error) {
        rejected.push((error as WebhookVerificationError).reason);
        response.writeHead(401).end();
      }
    });
    await box.control.registerWebhook(receiver.url, WEBHOOK_SECRET);
    return { box, bob, connector, logger, receiver };
  })();
  afterAll(async () => (await ready).receiver.close());

  it('answers the ping and turns employee and time-off changes into events with deterministic ids', async () => {
    const { box, bob, logger } = await ready;
    expect(pings).toBe(1);
    const [first, second] = await collect(bob.employees.list());
    const label = first!.employmentType.customerCategory?.label === 'EOR' ? 'Contractor' : 'EOR';
    box.control.setEmploymentType(first!.remoteId, label);
    box.control.terminate(second!.remoteId, { terminationDate: box.state.today() });
    const request = box.control.createTimeOffRequest({
      employeeId: first!.remoteId,
      policyType: 'Sick',
      type: 'days',
      startDate: '2026-03-20',
      endDate: '2026-03-20',
      status: 'approved',
    } as never);
    const edited = box.control.editTimeOffRequest(request.requestId, { endDate: '2026-03-21' });
    await box.control.flushWebhooks();

    const updated = received.find(
      (event) => event.providerEventType === 'employee.updated' && event.remoteId === first!.remoteId,
    );
    expect(updated?.changedFields).toContain('category_1720508362305.field_1720508394580');
    // The event carries ids only: the record is fetched the way the sync does (docs/sync.md), with a read.
    const target = await bob.employees.get(updated!.remoteId);
    expect(target.employmentType.workerKind.value).toBe(label === 'EOR' ? 'eor_worker' : 'contractor');

    expect(
      received.some((event) => event.remoteId === second!.remoteId && ['terminated', 'updated'].includes(event.action)),
    ).toBe(true);
    const requested = received.find(
      (event) => event.entity === 'time_off_request' && event.remoteId === String(request.requestId),
    );
    expect(requested?.employeeId).toBe(`hibob:${first!.remoteId}`);
    const update = received.find((event) => event.providerEventType === 'timeoff.request.updated');
    expect(update).toMatchObject({ remoteId: String(edited.requestId), previousRemoteId: String(request.requestId) });
    const fetched = await bob.timeOff.request(first!.remoteId, update!.remoteId);
    expect(fetched.end?.date).toBe('2026-03-21');

    const ids = received.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rejected).toEqual([]);
    for (const secretValue of [...box.secrets(), WEBHOOK_SECRET]) expect(logger.text()).not.toContain(secretValue);
  });

  it('rejects deliveries signed with another secret (and the sandbox retries them)', async () => {
    const { box } = await ready;
    secret = 'whsec-not-the-one-configured';
    const [employee] = box.state.employees;
    box.control.updateEmployee(employee!.id, { 'root.firstName': 'Renamed' });
    await box.control.flushWebhooks();
    expect(rejected.length).toBeGreaterThan(0);
    expect(new Set(rejected)).toEqual(new Set(['bad_signature']));
    secret = WEBHOOK_SECRET;
  });
});
