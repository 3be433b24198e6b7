import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangeEvent, Employee } from '@hrkit/core';
import { startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { PostgresSyncStore } from '@hrkit/store-postgres';
import { createScratchDatabase, type ScratchDatabase } from '@hrkit/store-postgres/testing';
import type { StoredRecord, SyncStore } from '@hrkit/sync';
import { SqliteSyncStore } from '@hrkit/sync/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, freePort } from '../packages/cli/test/e2e/control.js';
import { assertBuilt, jsonLines, RunningCli, runCli } from '../packages/cli/test/e2e/spawn-cli.js';

/**
 * `hrkit sync --store postgres://…`: the BUILT binary against the HiBob sandbox (127.0.0.1, ephemeral port), into a
 * database created for this run. It must store exactly what the SQLite store does, and never print the password.
 */
const PASSWORD = 'pg-e2e-Secret-9f3k';

let sandbox: Awaited<ReturnType<typeof startHiBobSandbox>>;
let database: ScratchDatabase;
let cwd: string;
let env: Record<string, string>;
let storeUrl: string;

beforeAll(async () => {
  assertBuilt();
  sandbox = await startHiBobSandbox({ seed: 9, employees: 30, rateLimits: false });
  const config = sandbox.connectionConfig();
  env = { HIBOB_SERVICE_USER_ID: config.serviceUserId, HIBOB_TOKEN: config.token };
  database = await createScratchDatabase('cli');
  // Trust auth ignores the password; it is there to prove it never reaches the output.
  const url = new URL(database.url);
  url.password = PASSWORD;
  url.searchParams.set('schema', 'cli_e2e');
  storeUrl = url.toString();
  cwd = mkdtempSync(join(tmpdir(), 'hrkit-cli-pg-'));
});
afterAll(async () => {
  await sandbox?.close();
  await database?.drop();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

const sync = (store: string, extra: string[] = []) =>
  runCli(['sync', 'hibob', '--base-url', sandbox.url, '--store', store, '--events', '-', ...extra], { cwd, env });

/** Records as both stores must hold them (the write time differs between two runs). */
async function records(store: SyncStore) {
  const strip = ({ syncedAt: _, ...rest }: StoredRecord) => rest;
  try {
    return {
      employees: (await store.listRecords('hibob', 'employee', { includeDeleted: true })).map(strip),
      requests: (await store.listRecords('hibob', 'time_off_request', { includeDeleted: true })).map(strip),
    };
  } finally {
    await store.close();
  }
}

describe('hrkit sync --store postgres://', () => {
  it('syncs the HiBob sandbox into PostgreSQL exactly as into SQLite, then only the changes', async () => {
    const first = await sync(storeUrl);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^hibob: full sync finished/);
    const events = jsonLines<ChangeEvent>(first.stdout);
    expect(events.filter((e) => e.entity === 'employee' && e.action === 'created')).toHaveLength(
      sandbox.expected.employeeRemoteIds({ includeInactive: true }).length,
    );

    const sqlite = await sync('store.sqlite');
    expect(sqlite.code, sqlite.stderr).toBe(0);
    expect(jsonLines<ChangeEvent>(sqlite.stdout).map((e) => e.id)).toEqual(events.map((e) => e.id));
    const postgres = await PostgresSyncStore.open({ connectionString: database.url, schema: 'cli_e2e' });
    expect(await records(postgres)).toEqual(await records(new SqliteSyncStore(join(cwd, 'store.sqlite'))));

    const quiet = await sync(storeUrl);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stdout).toBe('');

    const [leaver] = sandbox.expected.employeeRemoteIds({ includeInactive: false });
    await control(sandbox.url, 'POST', `/employees/${leaver}/terminate`, { terminationDate: '2026-05-31' });
    const changed = await sync(storeUrl, ['--full']);
    expect(changed.code, changed.stderr).toBe(0);
    expect(jsonLines<ChangeEvent>(changed.stdout).map((e) => `${e.remoteId} ${e.action}`)).toEqual([
      `${leaver} terminated`,
    ]);
    for (const run of [first, quiet, changed]) expect(run.stdout + run.stderr).not.toContain(PASSWORD);
  });

  it('hrkit webhooks serve --store postgres:// applies a delivery to the PostgreSQL store', async () => {
    const port = await freePort();
    const secret = 'pg-e2e-hibob-webhook-secret-0123456789';
    const listener = new RunningCli(
      ['webhooks', 'serve', 'hibob', '--base-url', sandbox.url, '--store', storeUrl, '--port', String(port)],
      { cwd, env: { ...env, HIBOB_WEBHOOK_SECRET: secret } },
    );
    await listener.waitFor('stdout', /listening on http:\/\/127\.0\.0\.1:\d+\//);
    await control(sandbox.url, 'POST', '/webhooks', { url: `http://127.0.0.1:${port}/`, secret });

    // Promote someone still employed to a title they do not have (titles are a named list in HiBob).
    const store = await PostgresSyncStore.open({ connectionString: database.url, schema: 'cli_e2e' });
    const [, someone] = sandbox.expected.employeeRemoteIds({ includeInactive: false });
    const before = (await store.getRecord('hibob', 'employee', `hibob:${someone}`))?.data as Employee;
    const titles = sandbox.state.data.namedLists.find((list) => list.name === 'title');
    const title = titles?.items.find((item) => item.name !== before.jobTitle);
    if (!title) throw new Error('the sandbox has no other title');
    await control(sandbox.url, 'POST', `/employees/${someone}/fields`, { fields: { 'work.title': title.id } });
    await control(sandbox.url, 'POST', '/webhooks/flush');
    await listener.waitFor('stderr', new RegExp(`applied employee ${someone} updated`));
    const stopped = await listener.stop();
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).not.toMatch(/rejected|failed/);
    expect(stopped.stdout + stopped.stderr).not.toContain(PASSWORD);
    try {
      const after = (await store.getRecord('hibob', 'employee', `hibob:${someone}`))?.data as Employee;
      expect(after.jobTitle).toBe(title.name);
      const last = (await store.listEvents('hibob')).at(-1)?.event;
      expect([last?.remoteId, last?.origin, last?.action]).toEqual([someone, 'webhook', 'updated']);
    } finally {
      await store.close();
    }
  });

  it('fails with a clear message and exit code when the server is unreachable, never printing the password', async () => {
    const run = await sync(`postgres://hrkit:${PASSWORD}@127.0.0.1:1/nowhere`);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('PostgreSQL at postgres://hrkit:***@127.0.0.1:1/nowhere is unreachable');
    expect(run.stderr).not.toContain(PASSWORD);
  });
});
