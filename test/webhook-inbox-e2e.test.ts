import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Employee } from '@hrkit/core';
import { bobSignature, startHiBobSandbox } from '@hrkit/hibob/sandbox';
import type { SyncStore } from '@hrkit/sync';
import { PostgresSyncStore } from '@hrkit/store-postgres';
import { createScratchDatabase, type ScratchDatabase } from '@hrkit/store-postgres/testing';
import { SqliteSyncStore } from '@hrkit/sync/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, freePort } from '../packages/cli/test/e2e/control.js';
import { assertBuilt, RunningCli, runCli } from '../packages/cli/test/e2e/spawn-cli.js';

/**
 * The durability promise of `hrkit webhooks serve` (docs/sync.md, "Webhook inbox"): a delivery answered 2xx is
 * applied even if the listener is SIGKILLed right after, exactly once. The built CLI runs as a child process
 * against a HiBob sandbox in this process; the test is the provider sending a burst of signed deliveries.
 */

const SECRET = 'e2e-inbox-webhook-secret-0123456789';
const EMPLOYEES = 30;
const PER_EMPLOYEE = 10;
/** Deliveries in flight at once, as a provider's sender pool would. */
const CONCURRENCY = 4;
/** SIGKILL once this many deliveries were acknowledged: mid-burst, with the applier behind (50 reads/min). */
const KILL_AFTER_ACKS = 150;

type Sandbox = Awaited<ReturnType<typeof startHiBobSandbox>>;

/** Where the listener keeps its inbox: `--store` for the CLI, and how the test opens the same store. */
interface StoreUnderTest {
  name: string;
  /** Create it (once per test file); returns the `--store` value. */
  create(cwd: string): Promise<string>;
  open(location: string): Promise<SyncStore>;
  drop(): Promise<void>;
}

const STORES: StoreUnderTest[] = [
  {
    name: 'SQLite',
    create: async (cwd) => join(cwd, 'store.sqlite'),
    open: async (location) => new SqliteSyncStore(location),
    drop: async () => {},
  },
  ((): StoreUnderTest => {
    let database: ScratchDatabase | null = null;
    return {
      name: 'PostgreSQL',
      create: async () => {
        database = await createScratchDatabase('inbox_e2e');
        return database.url;
      },
      open: (location) => PostgresSyncStore.open({ connectionString: location }),
      drop: async () => database?.drop(),
    };
  })(),
];

describe.each(STORES)(
  'hrkit webhooks serve ($name): SIGKILL in the middle of a burst of 300 HiBob deliveries',
  (kind) => {
    let sandbox: Sandbox;
    let cwd: string;
    let env: Record<string, string>;
    let location: string;
    const args = (store: string) => ['--base-url', sandbox.url, '--store', store];

    beforeAll(async () => {
      assertBuilt();
      sandbox = await startHiBobSandbox({ seed: 7, employees: EMPLOYEES, rateLimits: false });
      const config = sandbox.connectionConfig();
      env = { HIBOB_SERVICE_USER_ID: config.serviceUserId, HIBOB_TOKEN: config.token, HIBOB_WEBHOOK_SECRET: SECRET };
      cwd = mkdtempSync(join(tmpdir(), 'hrkit-inbox-e2e-'));
      location = await kind.create(cwd);
    });
    afterAll(async () => {
      await sandbox?.close();
      await kind.drop();
      if (cwd) rmSync(cwd, { recursive: true, force: true });
    });

    it('applies every acknowledged delivery after a restart, exactly once, and every such record is current', async () => {
      expect((await runCli(['sync', 'hibob', ...args(location)], { cwd, env })).code).toBe(0);
      const ids = sandbox.expected.employeeRemoteIds({ includeInactive: true }).slice(0, EMPLOYEES);
      // Every employee really changes at the provider (a new title), so a lost delivery leaves a stale record.
      const titles = sandbox.state.data.namedLists.find((list) => list.name === 'title')?.items ?? [];
      expect(titles.length).toBeGreaterThanOrEqual(2);
      const byId = new Map<string, string>();
      for (const [index, id] of ids.entries()) {
        const current = (await storedEmployee(await kind.open(location), id))?.jobTitle;
        const next = titles.find((item, at) => item.name !== current && at >= index % titles.length) ?? titles[0];
        await control(sandbox.url, 'POST', `/employees/${id}/fields`, { fields: { 'work.title': next?.id } });
        byId.set(id, next?.name ?? '');
      }

      // Ten deliveries per employee, employee after employee, each with its own event (triggeredAt).
      const deliveries = ids.flatMap((id, e) =>
        Array.from({ length: PER_EMPLOYEE }, (_, n) => {
          const body = JSON.stringify({
            companyId: sandbox.state.data.companyId,
            type: 'employee.updated',
            triggeredBy: 'e2e',
            triggeredAt: new Date(Date.UTC(2026, 5, 1, 9, e, n)).toISOString(),
            version: 'v2',
            data: { employeeId: id, fieldUpdates: [{ fieldId: 'work.title' }] },
          });
          return {
            id,
            body,
            headers: { 'content-type': 'application/json', 'bob-signature': bobSignature(body, SECRET) },
          };
        }),
      );
      expect(deliveries).toHaveLength(300);

      const port = await freePort();
      const url = `http://127.0.0.1:${port}/`;
      const serve = () =>
        new RunningCli(['webhooks', 'serve', 'hibob', ...args(location), '--port', String(port)], { cwd, env });
      const first = serve();
      await first.waitFor('stdout', /listening on/);

      const acknowledged: typeof deliveries = [];
      let next = 0;
      let killed: Promise<unknown> | null = null;
      const sender = async () => {
        while (!killed && next < deliveries.length) {
          const delivery = deliveries[next++]!;
          try {
            const response = await fetch(url, { method: 'POST', body: delivery.body, headers: delivery.headers });
            if (response.status === 202) acknowledged.push(delivery);
            else expect.fail(`delivery answered ${response.status}`);
          } catch {
            // The listener is gone: not acknowledged, so the provider keeps it for a retry.
          }
          if (acknowledged.length >= KILL_AFTER_ACKS && !killed) killed = first.kill('SIGKILL');
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, sender));
      const crash = await (killed as Promise<{ signal: string | null }> | null);
      expect(crash?.signal).toBe('SIGKILL');
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      expect(acknowledged.length).toBeLessThan(deliveries.length);

      // The restarted listener resumes from the inbox before any new delivery arrives.
      const second = serve();
      await second.waitFor('stderr', /inbox: idle \(0 pending, 0 dead\)/);
      // Providers retry what they think failed: a second copy of acknowledged deliveries is stored once, applied never.
      for (const delivery of acknowledged.slice(0, 20)) {
        const response = await fetch(url, { method: 'POST', body: delivery.body, headers: delivery.headers });
        expect([response.status, await response.json()]).toEqual([202, { ok: true, stored: 0, duplicates: 1 }]);
      }
      const stopped = await second.stop();
      expect(stopped.code).toBe(0);
      expect(stopped.stdout + stopped.stderr + crash).not.toContain(SECRET);

      // Every employee with an acknowledged delivery is current: the same as a fresh full read of the provider.
      const acknowledgedIds = [...new Set(acknowledged.map((delivery) => delivery.id))];
      expect((await runCli(['sync', 'hibob', ...args(join(cwd, 'reference.sqlite'))], { cwd, env })).code).toBe(0);
      const stale: string[] = [];
      for (const id of acknowledgedIds) {
        const applied = await storedEmployee(await kind.open(location), id);
        const reference = await storedEmployee(new SqliteSyncStore(join(cwd, 'reference.sqlite')), id);
        if (applied?.jobTitle !== byId.get(id) || !isDeepStrictEqual(applied, reference)) stale.push(id);
      }
      expect(stale).toEqual([]);

      const store = await kind.open(location);
      try {
        // Each acknowledged body is in the inbox and applied; nothing is left behind.
        const items = await store.listInbox('hibob');
        const status = new Map(items.map((item) => [item.bodyHash, item.status]));
        const notApplied = acknowledged.filter((d) => status.get(sha256(d.body)) !== 'applied');
        expect(notApplied).toEqual([]);
        expect(await store.inboxDepth('hibob')).toEqual({ pending: 0, dead: 0, oldestPendingAt: null });
        // Exactly once: one title change per employee, so one webhook event per employee, never two. (A delivery
        // committed but killed before its 202 reached the sender is applied too: stored, merely not acknowledged.)
        const events = (await store.listEvents('hibob')).map((stored) => stored.event);
        const webhookIds = events.filter((event) => event.origin === 'webhook').map((event) => event.remoteId);
        expect(webhookIds.length).toBe(new Set(webhookIds).size);
        expect(acknowledgedIds.filter((id) => !webhookIds.includes(id))).toEqual([]);
        expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
      } finally {
        await store.close();
      }
    });
  },
);

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Read one employee row, then close the store. */
async function storedEmployee(store: SyncStore, remoteId: string): Promise<Employee | null> {
  try {
    return ((await store.getRecord('hibob', 'employee', `hibob:${remoteId}`))?.data as Employee | undefined) ?? null;
  } finally {
    await store.close();
  }
}
