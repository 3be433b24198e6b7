import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBambooHrSandbox } from '@hrkit/bamboohr/sandbox';
import type { ChangeEvent, Employee, TimeOffRequest } from '@hrkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteSyncStore } from '../packages/cli/src/index.js';
import { control, freePort } from '../packages/cli/test/e2e/control.js';
import { assertBuilt, jsonLines, RunningCli, runCli } from '../packages/cli/test/e2e/spawn-cli.js';

/**
 * End to end: the BUILT `hrkit` binary, spawned as a user would run it, against a provider sandbox started in
 * this process (127.0.0.1, ephemeral port). Credentials go through the environment, data changes through the
 * sandbox's HTTP control API, and assertions read the CLI's output and its SQLite store.
 */

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const line = (e: ChangeEvent) => `${e.entity} ${e.remoteId} ${e.action}`;

async function readStore(path: string, connectionId: string) {
  const store = new SqliteSyncStore(path);
  try {
    return {
      employees: await store.listRecords(connectionId, 'employee', { includeDeleted: true }),
      requests: await store.listRecords(connectionId, 'time_off_request', { includeDeleted: true }),
      events: (await store.listEvents(connectionId)).map((stored) => stored.event),
      state: await store.getState(connectionId),
    };
  } finally {
    await store.close();
  }
}

describe('hrkit end to end: BambooHR sandbox', () => {
  let sandbox: Awaited<ReturnType<typeof startBambooHrSandbox>>;
  let cwd: string;
  let env: Record<string, string>;
  let args: string[];

  beforeAll(async () => {
    assertBuilt();
    sandbox = await startBambooHrSandbox({ seed: 11, employees: 18, rateLimits: false });
    const config = sandbox.connectionConfig();
    env = { BAMBOOHR_COMPANY_DOMAIN: config.companyDomain, BAMBOOHR_API_KEY: config.apiKey };
    cwd = mkdtempSync(join(tmpdir(), 'hrkit-e2e-bamboohr-'));
    args = ['--base-url', sandbox.url, '--store', 'store.sqlite'];
  });
  afterAll(async () => {
    await sandbox?.close();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it('syncs, sees exactly the changes made through the control API, applies a webhook, and never prints the key', async () => {
    const first = await runCli(['sync', 'bamboohr', ...args, '--events', 'first.jsonl'], { cwd, env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^bamboohr: full sync finished/);
    const created = jsonLines<ChangeEvent>(readFileSync(join(cwd, 'first.jsonl'), 'utf8'));
    const allIds = sandbox.expected.employeeRemoteIds({ includeInactive: true });
    expect(
      created
        .filter((e) => e.entity === 'employee')
        .map((e) => e.remoteId)
        .sort(),
    ).toEqual([...allIds].sort());
    expect(new Set(created.map((e) => e.action))).toEqual(new Set(['created']));

    // Pick people whose change touches nobody else: no reports, no time off.
    const stored = await readStore(join(cwd, 'store.sqlite'), 'bamboohr');
    const employees = stored.employees.map((row) => row.data as Employee);
    const requests = stored.requests.map((row) => row.data as TimeOffRequest);
    const managers = new Set(employees.flatMap((e) => (e.manager ? [e.manager.remoteId] : [])));
    const absent = new Set(requests.map((r) => r.employee.remoteId));
    const quiet = employees
      .filter((e) => e.employmentStatus.value !== 'terminated' && !managers.has(e.remoteId) && !absent.has(e.remoteId))
      .map((e) => e.remoteId);
    expect(quiet.length).toBeGreaterThanOrEqual(3);
    const [promoted, leaver, removed] = quiet as [string, string, string];
    const pending = requests.find((r) => r.status.value === 'requested');
    const approvedBefore = requests.find((r) => r.status.value === 'approved');
    const statusTarget = pending ?? approvedBefore!;
    const typeId = sandbox.company.types[0]!.id;
    const today = Date.now();

    await control(sandbox.url, 'POST', `/employees/${promoted}`, { jobTitle: 'Chief Widget Officer' });
    await control(sandbox.url, 'POST', `/employees/${leaver}/terminate`, { date: isoDay(today) });
    await control(sandbox.url, 'DELETE', `/employees/${removed}`);
    const hire = (await control(sandbox.url, 'POST', '/employees', { firstName: 'Ada', lastName: 'Newhire' })) as {
      id: string;
    };
    const leave = (await control(sandbox.url, 'POST', '/time-off/requests', {
      employeeId: promoted,
      typeId,
      start: isoDay(today + 10 * DAY),
      end: isoDay(today + 11 * DAY),
      status: 'requested',
    })) as { id: string };
    await control(sandbox.url, 'POST', `/time-off/requests/${statusTarget.remoteId}/status`, {
      status: pending ? 'approved' : 'denied',
    });

    const second = await runCli(['sync', 'bamboohr', ...args, '--events', '-'], { cwd, env });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/^bamboohr: incremental sync finished/);
    const changes = jsonLines<ChangeEvent>(second.stdout);
    expect(changes.map(line).sort()).toEqual(
      [
        `employee ${promoted} updated`,
        `employee ${leaver} terminated`,
        `employee ${removed} deleted`,
        `employee ${hire.id} created`,
        `time_off_request ${leave.id} created`,
        `time_off_request ${statusTarget.remoteId} ${pending ? 'approved' : 'declined'}`,
      ].sort(),
    );
    expect(changes.find((e) => e.remoteId === promoted)?.changedFields).toContain('jobTitle');
    expect(changes.find((e) => e.remoteId === leaver)?.changedFields).toContain('employmentStatus.value');
    expect(second.stderr).toMatch(/terminated 1/);

    // A third run finds nothing: nothing changed.
    const third = await runCli(['sync', 'bamboohr', ...args, '--events', '-'], { cwd, env });
    expect([third.code, third.stdout]).toEqual([0, '']);

    // Webhooks: register the listener with the sandbox, change someone, and watch the listener apply it.
    const port = await freePort();
    const webhook = (await control(sandbox.url, 'POST', '/webhooks', {
      name: 'hrkit e2e',
      url: `http://127.0.0.1:${port}/`,
      events: ['employee_with_fields.updated'],
      monitorFields: ['jobTitle'],
    })) as { privateKey: string };
    const listener = new RunningCli(['webhooks', 'serve', 'bamboohr', ...args, '--port', String(port)], {
      cwd,
      env: { ...env, BAMBOOHR_WEBHOOK_SECRET: webhook.privateKey },
    });
    await listener.waitFor('stdout', /listening on http:\/\/127\.0\.0\.1:\d+\//);
    await control(sandbox.url, 'POST', `/employees/${promoted}`, { jobTitle: 'Webhook Wrangler' });
    await control(sandbox.url, 'POST', '/webhooks/flush');
    await listener.waitFor('stderr', new RegExp(`applied employee ${promoted} updated`));
    const stopped = await listener.stop();
    expect(stopped.code).toBe(0);
    const afterWebhook = await readStore(join(cwd, 'store.sqlite'), 'bamboohr');
    const promotedRow = afterWebhook.employees.find((row) => row.remoteId === promoted);
    expect((promotedRow?.data as Employee | undefined)?.jobTitle).toBe('Webhook Wrangler');
    const last = afterWebhook.events.at(-1)!;
    expect([last.remoteId, last.origin, last.action]).toEqual([promoted, 'webhook', 'updated']);
    // The next sync detects nothing new (the webhook already applied the change) and delivers the webhook's
    // event from the outbox: one delivery channel for both origins.
    const fourth = await runCli(['sync', 'bamboohr', ...args, '--events', '-'], { cwd, env });
    expect(fourth.stderr).toMatch(/events: 0 new, 1 delivered/);
    expect(jsonLines<ChangeEvent>(fourth.stdout).map((e) => `${line(e)} ${e.origin}`)).toEqual([
      `employee ${promoted} updated webhook`,
    ]);

    // No output of any run carries a secret.
    for (const run of [first, second, third, fourth, stopped])
      for (const secret of sandbox.secrets()) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('a run killed mid-sync (SIGKILL) and run again ends exactly like an uninterrupted run', async () => {
    const common = ['sync', 'bamboohr', '--base-url', sandbox.url, '--connection', 'acme', '--batch-size', '7'];
    const reference = await runCli([...common, '--store', 'reference.sqlite'], { cwd, env });
    expect(reference.code).toBe(0);
    const crashed = await runCli([...common, '--store', 'crashed.sqlite'], {
      cwd,
      env: { ...env, HRKIT_TEST_CRASH_AFTER_RECORDS: '17' },
    });
    expect(crashed.signal).toBe('SIGKILL');
    const partial = await readStore(join(cwd, 'crashed.sqlite'), 'acme');
    // Two batches of 7 committed; the third was open when the process died and left nothing behind.
    expect(partial.events.length).toBe(14);
    expect(partial.state.cursors).toEqual({});
    const resumed = await runCli([...common, '--store', 'crashed.sqlite'], { cwd, env });
    expect(resumed.code).toBe(0);

    const strip = async (path: string) => {
      const { employees, requests, events, state } = await readStore(join(cwd, path), 'acme');
      return {
        records: [...employees, ...requests].map(({ syncedAt: _, ...row }) => row),
        events: events.map(({ detectedAt: _, ...event }) => event),
        cursors: Object.keys(state.cursors),
      };
    };
    const expected = await strip('reference.sqlite');
    expect(expected.events.length).toBeGreaterThan(20);
    expect(await strip('crashed.sqlite')).toEqual(expected);
  });
});
