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

  it('has stored a delivery in the inbox by the time it answers 202', async () => {
    h = cliHarness(HIBOB_LIKE);
    h.company.addEmployee('1');
    const server = h.start(['webhooks', 'serve', 'fake', '--store', 's.sqlite', '--port', '0'], {
      FAKE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
    const url = (
      await until(() => server.output().stdout.match(/listening on (http:\/\/\S+)/), 'the listening line')
    )[1]!;
    const delivery = signedDelivery({ type: 'employee.created', employeeId: '1' });
    const response = await fetch(url, { method: 'POST', body: delivery.body, headers: delivery.headers });
    expect([response.status, await response.json()]).toEqual([202, { ok: true, stored: 1, duplicates: 0 }]);
    // Read through another connection to the file, as a restarted process would.
    const store = new SqliteSyncStore(`${h.cwd}/s.sqlite`);
    try {
      expect((await store.listInbox('fake')).map((item) => item.eventId)).toEqual(['fake-delivery-employee.created-1']);
    } finally {
      await store.close();
    }
    await until(() => server.output().stderr.includes('applied employee 1 created'), 'the applied line');
    expect((await server.stop()).code).toBe(EXIT.OK);
  });

  it('hrkit serve (the fleet ingress) takes the same --max-inbox-depth and --retry-after, checked the same way', async () => {
    h = cliHarness(HIBOB_LIKE);
    for (const command of [['serve'], ['webhooks', 'serve', 'fake']]) {
      const zero = await h.run([...command, '--max-inbox-depth', '0']);
      expect([zero.code, zero.stderr]).toEqual([
        EXIT.USAGE,
        'error: --max-inbox-depth must be a whole number of at least 1 (got "0")\n',
      ]);
      const word = await h.run([...command, '--retry-after', 'soon']);
      expect([word.code, word.stderr]).toEqual([
        EXIT.USAGE,
        'error: --retry-after must be a whole number (got "soon")\n',
      ]);
    }
  });

  it('answers 503 with Retry-After past --max-inbox-depth, and stores nothing', async () => {
    h = cliHarness(HIBOB_LIKE);
    // Two deliveries an earlier process acknowledged that cannot be applied yet (a time-off event naming no
    // employee fails its read): they stay pending, waiting for their retry, and fill the inbox.
    const prefill = new SqliteSyncStore(`${h.cwd}/s.sqlite`);
    const stuck = (n: number) => ({
      id: `stuck-${n}`,
      provider: 'fake',
      entity: 'time_off_request' as const,
      action: 'requested' as const,
      entityId: `fake:r${n}`,
      remoteId: `r${n}`,
      employeeId: null,
      occurredAt: null,
      detectedAt: '2026-06-01T09:00:00.000Z',
      origin: 'webhook' as const,
      changedFields: [],
      previousRemoteId: null,
      providerEventType: 'timeoff.requested',
    });
    await prefill.transaction((unit) =>
      unit.enqueueDelivery('fake', {
        bodyHash: 'earlier',
        receivedAt: '2026-06-01T09:00:00.000Z',
        events: [stuck(1), stuck(2)],
      }),
    );
    await prefill.close();
    const server = h.start(
      [
        'webhooks',
        'serve',
        'fake',
        '--store',
        's.sqlite',
        '--port',
        '0',
        '--max-inbox-depth',
        '2',
        '--retry-after',
        '7',
      ],
      { FAKE_WEBHOOK_SECRET: WEBHOOK_SECRET },
    );
    const url = (
      await until(() => server.output().stdout.match(/listening on (http:\/\/\S+)/), 'the listening line')
    )[1]!;
    await until(() => server.output().stderr.match(/failed to apply 1 .*\n.*failed to apply 1 /), 'two failures');
    const delivery = signedDelivery({ type: 'employee.updated', employeeId: '1' });
    const response = await fetch(url, { method: 'POST', body: delivery.body, headers: delivery.headers });
    expect([response.status, response.headers.get('retry-after')]).toEqual([503, '7']);
    // The ping is still answered: it stores nothing.
    expect((await fetch(url, { method: 'POST', ...signedDelivery({ type: 'ping', employeeId: '' }) })).status).toBe(
      200,
    );
    const stopped = await server.stop();
    expect(stopped.code).toBe(EXIT.OK);
    expect(stopped.stderr).toContain('failed to apply 1 delivered event(s) for one record (Error); retrying at');
    expect(stopped.stderr).toMatch(/inbox: stopped; 2 pending for the next start/);
    const store = new SqliteSyncStore(`${h.cwd}/s.sqlite`);
    try {
      const shown = await h.run(['webhooks', 'inbox', 'fake', '--store', 's.sqlite']);
      expect([shown.code, JSON.parse(shown.stdout)]).toEqual([
        EXIT.OK,
        { connectionId: 'fake', pending: 2, dead: 0, oldestPendingAt: '2026-06-01T09:00:00.000Z', deadItems: [] },
      ]);
      // Still pending (a slow run may have retried them once more: attempts is at least 1).
      const items = await store.listInbox('fake');
      expect(items.map((item) => [item.eventId, item.status, item.attempts >= 1])).toEqual([
        ['stuck-1', 'pending', true],
        ['stuck-2', 'pending', true],
      ]);
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
