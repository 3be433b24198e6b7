import { afterEach, describe, expect, it } from 'vitest';
import { SqliteSyncStore } from '@hrkit/sync/sqlite';
import { EXIT } from '../src/index.js';
import { cliHarness } from './cli-harness.js';
import { HIBOB_LIKE, signedDelivery, WEBHOOK_SECRET } from '@hrkit/sync/testing';

/** Resolves once `read()` matches, re-checking whenever the event loop turns (no timers, no sleeps). */
async function until<T>(read: () => T | null | undefined, what: string): Promise<T> {
  for (let turn = 0; turn < 1_000_000; turn += 1) {
    const value = read();
    if (value) return value;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never saw ${what}`);
}

describe('hrkit webhooks serve (in-process, fake provider)', () => {
  let h: ReturnType<typeof cliHarness>;
  afterEach(() => h.cleanup());

  it('answers the ping, 202s verified deliveries before applying them, and 401s forged ones', async () => {
    h = cliHarness(HIBOB_LIKE);
    h.company.addEmployee('1');
    expect((await h.run(['sync', 'fake', '--store', 's.sqlite'])).code).toBe(EXIT.OK);
    h.company.updateEmployee('1', (e) => ({ ...e, jobTitle: 'Webhook Wrangler' }));

    const server = h.start(['webhooks', 'serve', 'fake', '--store', 's.sqlite', '--port', '0'], {
      FAKE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    const url = (
      await until(() => server.output().stdout.match(/listening on (http:\/\/\S+)/), 'the listening line')
    )[1]!;
    const post = (delivery: { body: string; headers: Record<string, string> }) =>
      fetch(url, { method: 'POST', body: delivery.body, headers: delivery.headers });

    expect((await post(signedDelivery({ type: 'ping', employeeId: '' }))).status).toBe(200);
    const forged = await post(signedDelivery({ type: 'employee.updated', employeeId: '1' }, 'wrong-secret-value'));
    expect([forged.status, await forged.json()]).toEqual([401, { error: 'bad_signature' }]);
    expect((await fetch(url)).status).toBe(405);
    const accepted = await post(signedDelivery({ type: 'employee.updated', employeeId: '1', fields: ['work.title'] }));
    expect(accepted.status).toBe(202);
    await until(() => server.output().stderr.includes('applied employee 1 updated'), 'the applied line');

    const stopped = await server.stop();
    expect(stopped.code).toBe(EXIT.OK);
    expect(stopped.stdout + stopped.stderr).not.toContain(WEBHOOK_SECRET);
    const store = new SqliteSyncStore(`${h.cwd}/s.sqlite`);
    try {
      const events = (await store.listEvents('fake')).map((e) => e.event);
      expect(events.map((e) => `${e.remoteId} ${e.action} ${e.origin}`)).toEqual([
        '1 created sync',
        '1 updated webhook',
      ]);
      const row = await store.getRecord('fake', 'employee', 'fake:1');
      expect((row?.data as { jobTitle?: string } | undefined)?.jobTitle).toBe('Webhook Wrangler');
    } finally {
      await store.close();
    }
  });

  it('refuses to start without a webhook secret (exit 2, says where to put it)', async () => {
    h = cliHarness(HIBOB_LIKE);
    const result = await h.run(['webhooks', 'serve', 'fake', '--store', 's.sqlite']);
    expect(result.code).toBe(EXIT.USAGE);
    expect(result.stderr).toMatch(/webhook secret is required: --secret, \$FAKE_WEBHOOK_SECRET/);
  });
});

describe('hrkit webhooks serve --sandbox (HiBob)', () => {
  let h: ReturnType<typeof cliHarness>;
  afterEach(() => h.cleanup());

  it('subscribes itself to the sandbox, so a change made through the control API is applied to the store', async () => {
    h = cliHarness(HIBOB_LIKE);
    const args = ['--sandbox', '--employees', '6', '--seed', '2', '--store', 's.sqlite'];
    expect((await h.run(['sync', 'hibob', ...args])).code).toBe(EXIT.OK);
    const server = h.start(['webhooks', 'serve', 'hibob', ...args]);
    const sandboxUrl = (
      await until(() => server.output().stderr.match(/sandbox: (http:\/\/\S+) .*subscribed/), 'the subscription line')
    )[1]!;
    const store = new SqliteSyncStore(`${h.cwd}/s.sqlite`);
    try {
      const [someone] = await store.listRecords('hibob-sandbox', 'employee');
      const response = await fetch(`${sandboxUrl}/_sandbox/employees/${someone!.remoteId}/terminate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({}),
      });
      expect(response.status).toBe(200);
      await fetch(`${sandboxUrl}/_sandbox/webhooks/flush`, { method: 'POST' });
      await until(() => server.output().stderr.includes(`applied employee ${someone!.remoteId}`), 'the applied line');
      expect((await server.stop()).code).toBe(EXIT.OK);
      const row = await store.getRecord('hibob-sandbox', 'employee', someone!.id);
      expect((row?.data as { terminationDate?: string | null } | undefined)?.terminationDate).not.toBeNull();
    } finally {
      await store.close();
    }
  });
});

describe('hrkit sandbox', () => {
  let h: ReturnType<typeof cliHarness>;
  afterEach(() => h.cleanup());

  it('prints the URL and the sandbox-issued credentials, saying why they are printed', async () => {
    h = cliHarness(HIBOB_LIKE);
    const result = await h.run(['sandbox', 'hibob', '--employees', '5', '--seed', '3']);
    expect(result.code).toBe(EXIT.OK);
    expect(result.stdout).toMatch(/^HiBob sandbox listening on http:\/\/127\.0\.0\.1:\d+/);
    expect(result.stdout).toMatch(/printed because they are sandbox-only/);
    expect(result.stdout).toMatch(/HIBOB_SERVICE_USER_ID=\S+/);
    expect(result.stdout).toMatch(/HIBOB_TOKEN=\S+/);
  });
});
