import { startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { createScratchDatabase, type ScratchDatabase } from '@hrkit/store-postgres/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncAndDrain } from '../src/index.js';

let sandbox: Awaited<ReturnType<typeof startHiBobSandbox>>;
let database: ScratchDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  sandbox = await startHiBobSandbox({ seed: 3, employees: 20, rateLimits: false });
  database = await createScratchDatabase('consumer');
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
});
afterAll(async () => {
  await pool?.end();
  await sandbox?.close();
  await database?.drop();
});

const run = (full = false) => syncAndDrain({ hibob: sandbox.connectionConfig(), databaseUrl: database.url, full });
const people = async () =>
  (await pool.query('SELECT employee_id, job_title, status FROM app.people ORDER BY employee_id')).rows as {
    employee_id: string;
    job_title: string | null;
    status: string;
  }[];

describe('example: a consumer app syncing HiBob into PostgreSQL', () => {
  it('fills its directory from the drained events, then applies only what changed', async () => {
    const first = await run();
    const everyone = sandbox.expected.employeeRemoteIds({ includeInactive: true });
    expect(first.sync.counts.employees.created).toBe(everyone.length);
    expect(first.delivered).toBe(first.sync.newEvents);
    expect((await people()).map((row) => row.employee_id)).toEqual(everyone.map((id) => `hibob:${id}`).sort());
    const logged = await pool.query('SELECT count(*)::int AS n FROM app.audit_log');
    expect(logged.rows[0].n).toBe(first.delivered);

    // Nothing changed: nothing to deliver.
    expect((await run()).delivered).toBe(0);

    const [leaver] = sandbox.expected.employeeRemoteIds({ includeInactive: false });
    await fetch(`${sandbox.url}/_sandbox/employees/${leaver}/terminate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ terminationDate: '2026-05-31' }),
    });
    const changed = await run(true);
    expect(changed.delivered).toBe(1);
    expect((await people()).find((row) => row.employee_id === `hibob:${leaver}`)?.status).toBe('terminated');
    // The outbox is drained: every event is marked delivered in hrkit's schema.
    const pending = await pool.query('SELECT count(*)::int AS n FROM hrkit.events WHERE delivered_at IS NULL');
    expect(pending.rows[0].n).toBe(0);
  });
});
