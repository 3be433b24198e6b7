import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBambooHrSandbox } from '@hrkit/bamboohr/sandbox';
import type { ChangeEvent, Employee, TimeOffRequest } from '@hrkit/core';
import { startHiBobSandbox } from '@hrkit/hibob/sandbox';
import type { SandboxHandle } from '@hrkit/sandbox-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteSyncStore } from '@hrkit/sync/sqlite';
import { control, freePort } from '../packages/cli/test/e2e/control.js';
import { assertBuilt, jsonLines, RunningCli, runCli } from '../packages/cli/test/e2e/spawn-cli.js';

/**
 * End to end: the BUILT `hrkit` binary, spawned as a user would run it, against each provider's sandbox started in
 * this process (127.0.0.1, ephemeral port). Credentials go through the environment, data changes through the
 * sandbox's HTTP control API, and assertions read the CLI's output and its SQLite store.
 */

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const line = (e: ChangeEvent) => `${e.entity} ${e.remoteId} ${e.action}`;

/** People picked from the first sync whose change touches nobody else: no reports, no time off. */
interface Picks {
  promoted: string;
  leaver: string;
  removed: string;
  /** A request awaiting approval, if the company has one in the synced window. */
  pending: TimeOffRequest | null;
  /** Two job titles the company already uses (HiBob titles are a named list), neither the promoted one's. */
  titles: [string, string];
}

/** What differs between providers: starting the sandbox and the control API's vocabulary. */
interface Driver {
  provider: 'hibob' | 'bamboohr';
  /** The environment for a connection config of this provider. */
  envOf(config: Record<string, unknown>): Record<string, string>;
  /** `check` exit code for the sandbox's restricted credential: 4 when the missing check is `required`. */
  restrictedExit: 0 | 4;
  start(): Promise<{ sandbox: SandboxHandle; env: Record<string, string> }>;
  promote(url: string, sandbox: SandboxHandle, id: string, title: string): Promise<void>;
  terminate(url: string, id: string, date: string): Promise<void>;
  remove(url: string, id: string): Promise<void>;
  hire(url: string): Promise<string>;
  requestLeave(url: string, sandbox: SandboxHandle, employeeId: string, start: string, end: string): Promise<string>;
  approve(url: string, requestId: string): Promise<void>;
  /** Start the listener (via `listen(secret)`) and subscribe it to the sandbox's webhooks. */
  subscribe(url: string, port: number, listen: (secret: string) => Promise<RunningCli>): Promise<RunningCli>;
  /** The secret-bearing env var name. */
  webhookSecretEnv: string;
}

const hibobDriver: Driver = {
  provider: 'hibob',
  envOf: (config) => ({ HIBOB_SERVICE_USER_ID: String(config.serviceUserId), HIBOB_TOKEN: String(config.token) }),
  // Without Work fields there is no job title, department or manager: a required check.
  restrictedExit: 4,
  async start() {
    const sandbox = await startHiBobSandbox({ seed: 5, employees: 24, rateLimits: false });
    const config = sandbox.connectionConfig();
    return { sandbox, env: { HIBOB_SERVICE_USER_ID: config.serviceUserId, HIBOB_TOKEN: config.token } };
  },
  // Titles are a named list: the control API takes the item id of the label.
  promote: async (url, sandbox, id, title) => {
    const titles = (sandbox as Awaited<ReturnType<typeof startHiBobSandbox>>).state.data.namedLists.find(
      (list) => list.name === 'title',
    );
    const item = titles?.items.find((candidate) => candidate.name === title);
    if (!item) throw new Error(`no "${title}" in the sandbox's title list`);
    await control(url, 'POST', `/employees/${id}/fields`, { fields: { 'work.title': item.id } });
  },
  terminate: async (url, id, date) =>
    void (await control(url, 'POST', `/employees/${id}/terminate`, { terminationDate: date })),
  remove: async (url, id) => void (await control(url, 'DELETE', `/employees/${id}`)),
  hire: async (url) =>
    ((await control(url, 'POST', '/employees', { firstName: 'Ada', surname: 'Newhire' })) as { id: string }).id,
  requestLeave: async (url, _sandbox, employeeId, start, end) =>
    String(
      (
        (await control(url, 'POST', '/timeoff/requests', {
          employeeId,
          policyType: 'Holiday',
          type: 'days',
          startDate: start,
          endDate: end,
          status: 'pending',
        })) as { requestId: number }
      ).requestId,
    ),
  approve: async (url, requestId) => void (await control(url, 'POST', `/timeoff/requests/${requestId}/approve`)),
  // HiBob lets the admin see the secret; the listener must answer the ping before the webhook is saved.
  async subscribe(url, port, listen) {
    const secret = 'e2e-hibob-webhook-secret-0123456789';
    const listener = await listen(secret);
    await control(url, 'POST', '/webhooks', { url: `http://127.0.0.1:${port}/`, secret });
    return listener;
  },
  webhookSecretEnv: 'HIBOB_WEBHOOK_SECRET',
};

const bamboohrDriver: Driver = {
  provider: 'bamboohr',
  envOf: (config) => ({
    BAMBOOHR_COMPANY_DOMAIN: String(config.companyDomain),
    BAMBOOHR_API_KEY: String(config.apiKey),
  }),
  // Job and employment fields are optional for BambooHR's check: reported with the fix, but the sync can run.
  restrictedExit: 0,
  async start() {
    const sandbox = await startBambooHrSandbox({ seed: 11, employees: 18, rateLimits: false });
    const config = sandbox.connectionConfig();
    return { sandbox, env: { BAMBOOHR_COMPANY_DOMAIN: config.companyDomain, BAMBOOHR_API_KEY: config.apiKey } };
  },
  promote: async (url, _sandbox, id, title) =>
    void (await control(url, 'POST', `/employees/${id}`, { jobTitle: title })),
  terminate: async (url, id, date) => void (await control(url, 'POST', `/employees/${id}/terminate`, { date })),
  remove: async (url, id) => void (await control(url, 'DELETE', `/employees/${id}`)),
  hire: async (url) =>
    ((await control(url, 'POST', '/employees', { firstName: 'Ada', lastName: 'Newhire' })) as { id: string }).id,
  requestLeave: async (url, sandbox, employeeId, start, end) =>
    (
      (await control(url, 'POST', '/time-off/requests', {
        employeeId,
        typeId: (sandbox as Awaited<ReturnType<typeof startBambooHrSandbox>>).company.types[0]!.id,
        start,
        end,
        status: 'requested',
      })) as { id: string }
    ).id,
  approve: async (url, requestId) =>
    void (await control(url, 'POST', `/time-off/requests/${requestId}/status`, { status: 'approved' })),
  // BambooHR issues the private key when the webhook is created (shown once); then the listener starts with it.
  async subscribe(url, port, listen) {
    const webhook = (await control(url, 'POST', '/webhooks', {
      name: 'hrkit e2e',
      url: `http://127.0.0.1:${port}/`,
      events: ['employee_with_fields.updated'],
      monitorFields: ['jobTitle'],
    })) as { privateKey: string };
    return listen(webhook.privateKey);
  },
  webhookSecretEnv: 'BAMBOOHR_WEBHOOK_SECRET',
};

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

function pick(employees: Employee[], requests: TimeOffRequest[], awaiting: string): Picks {
  const managers = new Set(employees.flatMap((e) => (e.manager ? [e.manager.remoteId] : [])));
  const absent = new Set(requests.map((r) => r.employee.remoteId));
  const quiet = employees
    .filter((e) => e.employmentStatus.value === 'active' && !managers.has(e.remoteId) && !absent.has(e.remoteId))
    .map((e) => e.remoteId);
  expect(quiet.length).toBeGreaterThanOrEqual(3);
  const [promoted, leaver, removed] = quiet as [string, string, string];
  const current = employees.find((e) => e.remoteId === promoted)?.jobTitle;
  const titles = [
    ...new Set(employees.flatMap((e) => (e.jobTitle && e.jobTitle !== current ? [e.jobTitle] : []))),
  ].sort();
  expect(titles.length).toBeGreaterThanOrEqual(2);
  return {
    promoted,
    leaver,
    removed,
    pending: requests.find((r) => r.remoteId === awaiting) ?? null,
    titles: [titles[0]!, titles[1]!],
  };
}

describe.each([hibobDriver, bamboohrDriver])('hrkit end to end: $provider sandbox', (driver) => {
  const { provider } = driver;
  let sandbox: SandboxHandle;
  let cwd: string;
  let env: Record<string, string>;
  let args: string[];

  beforeAll(async () => {
    assertBuilt();
    ({ sandbox, env } = await driver.start());
    cwd = mkdtempSync(join(tmpdir(), `hrkit-e2e-${provider}-`));
    args = ['--base-url', sandbox.url, '--store', 'store.sqlite'];
  });
  afterAll(async () => {
    await sandbox?.close();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  it('syncs, sees exactly the changes made through the control API, applies a webhook, and never prints a secret', async () => {
    // A request awaiting approval, so that the approval path is always exercised.
    const [someone] = sandbox.expected.employeeRemoteIds({ includeInactive: false });
    const awaiting = await driver.requestLeave(
      sandbox.url,
      sandbox,
      someone!,
      isoDay(Date.now() + 20 * DAY),
      isoDay(Date.now() + 21 * DAY),
    );
    const first = await runCli(['sync', provider, ...args, '--events', 'first.jsonl'], { cwd, env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^${provider}: full sync finished`));
    const created = jsonLines<ChangeEvent>(readFileSync(join(cwd, 'first.jsonl'), 'utf8'));
    const allIds = sandbox.expected.employeeRemoteIds({ includeInactive: true });
    expect(
      created
        .filter((e) => e.entity === 'employee')
        .map((e) => e.remoteId)
        .sort(),
    ).toEqual([...allIds].sort());
    expect(created.some((e) => e.entity === 'time_off_request')).toBe(true);
    expect(new Set(created.map((e) => e.action))).toEqual(new Set(['created']));

    const stored = await readStore(join(cwd, 'store.sqlite'), provider);
    const picks = pick(
      stored.employees.map((row) => row.data as Employee),
      stored.requests.map((row) => row.data as TimeOffRequest),
      awaiting,
    );
    expect(picks.pending?.status.value).toBe('requested');
    const today = Date.now();
    await driver.promote(sandbox.url, sandbox, picks.promoted, picks.titles[0]);
    await driver.terminate(sandbox.url, picks.leaver, isoDay(today));
    await driver.remove(sandbox.url, picks.removed);
    const hired = await driver.hire(sandbox.url);
    const leave = await driver.requestLeave(
      sandbox.url,
      sandbox,
      picks.promoted,
      isoDay(today + 10 * DAY),
      isoDay(today + 11 * DAY),
    );
    if (picks.pending) await driver.approve(sandbox.url, picks.pending.remoteId);

    const second = await runCli(['sync', provider, ...args, '--events', '-'], { cwd, env });
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(new RegExp(`^${provider}: incremental sync finished`));
    const changes = jsonLines<ChangeEvent>(second.stdout);
    expect(changes.map(line).sort()).toEqual(
      [
        `employee ${picks.promoted} updated`,
        `employee ${picks.leaver} terminated`,
        `employee ${picks.removed} deleted`,
        `employee ${hired} created`,
        `time_off_request ${leave} created`,
        ...(picks.pending ? [`time_off_request ${picks.pending.remoteId} approved`] : []),
      ].sort(),
    );
    expect(changes.find((e) => e.remoteId === picks.promoted)?.changedFields).toContain('jobTitle');
    expect(changes.find((e) => e.remoteId === picks.leaver)?.changedFields).toContain('employmentStatus.value');
    expect(second.stderr).toMatch(/terminated 1/);

    // Nothing changed: a third run reports nothing.
    const third = await runCli(['sync', provider, ...args, '--events', '-'], { cwd, env });
    expect([third.code, third.stdout]).toEqual([0, '']);

    // Webhooks: subscribe the listener, change someone, and watch the listener apply the delivery.
    const port = await freePort();
    const listener = await driver.subscribe(sandbox.url, port, async (secret) => {
      const running = new RunningCli(['webhooks', 'serve', provider, ...args, '--port', String(port)], {
        cwd,
        env: { ...env, [driver.webhookSecretEnv]: secret },
      });
      await running.waitFor('stdout', /listening on http:\/\/127\.0\.0\.1:\d+\//);
      return running;
    });
    await driver.promote(sandbox.url, sandbox, picks.promoted, picks.titles[1]);
    await control(sandbox.url, 'POST', '/webhooks/flush');
    await listener.waitFor('stderr', new RegExp(`applied employee ${picks.promoted} updated`));
    const stopped = await listener.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).not.toMatch(/rejected|failed/);
    const afterWebhook = await readStore(join(cwd, 'store.sqlite'), provider);
    const promotedRow = afterWebhook.employees.find((row) => row.remoteId === picks.promoted);
    expect((promotedRow?.data as Employee | undefined)?.jobTitle).toBe(picks.titles[1]);
    const last = afterWebhook.events.at(-1);
    expect([last?.remoteId, last?.origin, last?.action]).toEqual([picks.promoted, 'webhook', 'updated']);

    // The next sync detects nothing new (the webhook already applied the change) and delivers the webhook's
    // event from the outbox: one delivery channel for both origins.
    const fourth = await runCli(['sync', provider, ...args, '--events', '-'], { cwd, env });
    expect(fourth.stderr).toMatch(/events: 0 new, 1 delivered/);
    expect(jsonLines<ChangeEvent>(fourth.stdout).map((e) => `${line(e)} ${e.origin}`)).toEqual([
      `employee ${picks.promoted} updated webhook`,
    ]);

    for (const run of [first, second, third, fourth, stopped])
      for (const secret of sandbox.secrets()) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('check reports a restricted credential with the fix (exit 4 when required), a refused one exits 3 without echoing it', async () => {
    const restricted = sandbox.restrictedConnection();
    const check = await runCli(['check', provider, '--base-url', sandbox.url], {
      cwd,
      env: driver.envOf(restricted.config),
    });
    expect(check.code).toBe(driver.restrictedExit);
    expect(check.stdout).toMatch(driver.restrictedExit === 4 ? /NOT OK/ : /: OK/);
    const severity = driver.restrictedExit === 4 ? 'required' : 'optional';
    expect(check.stdout).toMatch(
      new RegExp(`MISSING +${severity} +${restricted.expectedMissingCheck.replace('.', '\\.')}`),
    );
    expect(check.stdout).toMatch(/What the customer's admin must do:/);
    const ok = await runCli(['check', provider, '--base-url', sandbox.url, '--format', 'json'], { cwd, env });
    expect(ok.code).toBe(0);
    expect((JSON.parse(ok.stdout) as { ok: boolean }).ok).toBe(true);

    const refused = await runCli(['employees', provider, '--base-url', sandbox.url], {
      cwd,
      env: driver.envOf(sandbox.badConnectionConfig()),
    });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^error \(AUTHENTICATION\)/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    for (const run of [check, ok, refused])
      for (const secret of sandbox.secrets()) expect(run.stdout + run.stderr).not.toContain(secret);
  });

  it('a run killed mid-sync (SIGKILL) and run again ends exactly like an uninterrupted run', async () => {
    const common = ['sync', provider, '--base-url', sandbox.url, '--connection', 'acme', '--batch-size', '7'];
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
