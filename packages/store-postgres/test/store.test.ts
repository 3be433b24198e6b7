import { inspect } from 'node:util';
import { ConfigurationError, TransportError } from '@hrkit/core';
import type { StoredRecord } from '@hrkit/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresSyncStore, STORE_SCHEMA_VERSION } from '../src/index.js';
import { createScratchDatabase, type ScratchDatabase } from '../src/testing.js';

let database: ScratchDatabase;
beforeAll(async () => {
  database = await createScratchDatabase('store');
});
afterAll(() => database?.drop());

let schemas = 0;
const freshSchema = () => `case_${++schemas}`;
const open = (schema: string, extra: Partial<Parameters<typeof PostgresSyncStore.open>[0]> = {}) =>
  PostgresSyncStore.open({ connectionString: database.url, schema, ...extra });

function row(id: string, version = 1): StoredRecord {
  return {
    entity: 'employee',
    id,
    remoteId: id,
    employeeId: id,
    fingerprint: `fp-${version}`,
    version,
    data: {},
    deleted: false,
    syncedAt: '2026-06-01T00:00:00.000Z',
  };
}

/** Resolves with what `hold` gets, and lets the test decide when the transaction may finish. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** Wait (by polling the server, not the clock) until some session is blocked on an advisory lock. */
async function someoneWaitsOnAdvisoryLock(pool: pg.Pool): Promise<void> {
  for (let attempt = 0; attempt < 2_000; attempt += 1) {
    const { rows } = await pool.query(
      "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'",
    );
    if (rows.length > 0) return;
  }
  throw new Error('no session ever waited on the advisory lock');
}

describe('PostgreSQL store: migrations', () => {
  it('migrates a new schema once even when many processes open it at the same moment', async () => {
    const schema = freshSchema();
    const stores = await Promise.all(Array.from({ length: 6 }, () => open(schema, { poolOptions: { max: 1 } })));
    try {
      const { rows } = await stores[0]!.pool.query(`SELECT version FROM "${schema}".schema_migrations`);
      // One row per migration, each applied once.
      expect(rows).toEqual(Array.from({ length: STORE_SCHEMA_VERSION }, (_, index) => ({ version: index + 1 })));
      await stores[0]!.transaction((unit) => unit.putRecord('a', row('1')));
      expect(await stores[5]!.listLiveIds('a', 'employee')).toEqual(['1']);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('refuses a schema written by a newer version, naming the package to upgrade', async () => {
    const schema = freshSchema();
    const store = await open(schema);
    await store.pool.query(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES (99, 'future')`);
    await store.close();
    await expect(open(schema)).rejects.toThrow(/store version 99, newer .*upgrade @hrkit\/store-postgres/);
  });

  it('rejects a schema name that is not a plain identifier, with a ConfigurationError naming the field', async () => {
    const attempt = open('public; DROP TABLE x');
    await expect(attempt).rejects.toBeInstanceOf(ConfigurationError);
    await expect(attempt).rejects.toMatchObject({ field: 'schema' });
    await expect(PostgresSyncStore.open({ schema: 'ok' })).rejects.toMatchObject({ field: 'connectionString' });
  });
});

describe('PostgreSQL store: per-connection locking across stores (separate pools, as separate processes)', () => {
  it("makes a second store's unit of work on the same connection wait, while other connections go on", async () => {
    const schema = freshSchema();
    const [first, second, third] = await Promise.all([open(schema), open(schema), open(schema)]);
    try {
      const release = gate();
      const holding = gate();
      const order: string[] = [];
      const firstUnit = first!.transaction(async (unit) => {
        await unit.putRecord('a', row('1'));
        holding.open();
        await release.opened;
        order.push('first commits');
      });
      await holding.opened;
      const secondUnit = second!.transaction(async (unit) => {
        // Blocks here until the first commits, then reads its row.
        const seen = await unit.getRecord('a', 'employee', '1');
        order.push('second reads');
        return seen;
      });
      await someoneWaitsOnAdvisoryLock(third!.pool);
      // Connection b is not blocked by a's lock.
      await third!.transaction((unit) => unit.putRecord('b', row('1')));
      order.push('b committed');
      release.open();
      expect(await secondUnit).toEqual(row('1'));
      await firstUnit;
      expect(order).toEqual(['b committed', 'first commits', 'second reads']);
    } finally {
      await Promise.all([first, second, third].map((store) => store?.close()));
    }
  });

  it('loses no update when two stores read-modify-write the same record concurrently', async () => {
    const schema = freshSchema();
    const stores = await Promise.all([open(schema), open(schema)]);
    try {
      await stores[0]!.transaction((unit) => unit.putRecord('a', row('1')));
      const bump = (store: PostgresSyncStore) =>
        store.transaction(async (unit) => {
          const current = await unit.getRecord('a', 'employee', '1');
          await unit.putRecord('a', row('1', (current?.version ?? 0) + 1));
        });
      await Promise.all(Array.from({ length: 20 }, (_, i) => bump(stores[i % 2]!)));
      expect((await stores[1]!.getRecord('a', 'employee', '1'))?.version).toBe(21);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});

describe('PostgreSQL store: planner statistics', () => {
  it('analyzes its tables while a sync fills them, so batch reads keep using one index descent per id', async () => {
    const schema = freshSchema();
    const store = await open(schema);
    const lastAnalyze = async () =>
      (
        await store.pool.query(
          "SELECT last_analyze FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'records'",
          [schema],
        )
      ).rows[0]?.last_analyze ?? null;
    try {
      await store.transaction(async (unit) => {
        for (let i = 0; i < 999; i += 1) await unit.putRecord('a', row(`r${i}`));
      });
      expect(await lastAnalyze()).toBeNull();
      await store.transaction((unit) => unit.putRecord('a', row('r999')));
      expect(await lastAnalyze()).not.toBeNull();
      const { rows } = await store.pool.query(
        `EXPLAIN SELECT id FROM "${schema}".records WHERE connection_id = 'a' AND entity = 'employee' AND id = ANY($1::text[])`,
        [['r1', 'r2', 'r3']],
      );
      expect(rows.map((line) => line['QUERY PLAN']).join('\n')).toMatch(/Index Cond: .*id = ANY/);
    } finally {
      await store.close();
    }
  });
});

describe('PostgreSQL store: options', () => {
  it('passes statement_timeout, idle-in-transaction timeout and pool options to every session', async () => {
    const store = await open(freshSchema(), {
      statementTimeoutMs: 1234,
      idleInTransactionTimeoutMs: 5678,
      poolOptions: { application_name: 'hrkit-test', max: 2 },
    });
    try {
      const { rows } = await store.pool.query(
        "SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle, current_setting('application_name') AS app",
      );
      expect(rows[0]).toEqual({ statement: '1234ms', idle: '5678ms', app: 'hrkit-test' });
      expect(store.pool.options.max).toBe(2);
      // A statement over the limit fails instead of hanging.
      await expect(store.pool.query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
    } finally {
      await store.close();
    }
  });

  it('passes TLS options through to the driver (this server has TLS off, so requiring it fails)', async () => {
    await expect(open(freshSchema(), { ssl: { rejectUnauthorized: true } })).rejects.toThrow(/does not support SSL/);
  });

  it('uses an application-owned pool and leaves it open on close', async () => {
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    try {
      const store = await PostgresSyncStore.open({ pool, schema: freshSchema() });
      await store.transaction((unit) => unit.putRecord('a', row('1')));
      await store.close();
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });
});

describe('PostgreSQL store: secrets', () => {
  const secret = 'S3cret-Pa55word';

  it('never shows the connection string password in errors, inspected or serialized', async () => {
    // Port 1: nothing listens; the driver's error must not carry the password either.
    const url = `postgres://hrkit:${secret}@127.0.0.1:1/db?sslpassword=${secret}x`;
    const error = await PostgresSyncStore.open({ connectionString: url, schema: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).message).toContain('postgres://hrkit:***@127.0.0.1:1/db');
    for (const text of [String(error), inspect(error, { depth: 10 }), JSON.stringify(error), (error as Error).stack])
      expect(text).not.toContain(secret);
  });

  it('masks the password wherever a driver error repeats it (here the server quotes a bad value back)', async () => {
    const store = await open(freshSchema(), {
      connectionString: database.url.replace('postgres@', `postgres:${secret}@`),
    });
    try {
      const error = await store
        .transaction((unit) => unit.putRecord('a', { ...row('1'), version: secret as unknown as number }))
        .catch((e: unknown) => e);
      expect(String(error)).toMatch(/invalid input syntax for type integer: "\[REDACTED\]"/);
      for (const text of [String(error), inspect(error), (error as Error).stack]) expect(text).not.toContain(secret);
      // Errors of the caller's own unit of work pass through untouched.
      await expect(
        store.transaction(async () => {
          throw new Error(`app error ${secret}`);
        }),
      ).rejects.toThrow(`app error ${secret}`);
    } finally {
      await store.close();
    }
  });
});
