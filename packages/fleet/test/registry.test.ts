import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConnectionRegistry, DEFAULT_SCHEDULE, type FleetConnection, KeyRing, syncDue } from '../src/index.js';
import { createTestDatabase, KEY_A, KEY_B, keys, type TestDatabase } from './harness.js';

const TOKEN = 'tok-VERY-SECRET-0001';
let database: TestDatabase;
let registry: ConnectionRegistry;

beforeEach(async () => {
  database = await createTestDatabase();
  registry = await ConnectionRegistry.open({ databaseUrl: database.url, keys: keys(KEY_A) });
});
afterEach(async () => {
  await registry.close();
  await database.drop();
});

const addAcme = () =>
  registry.add({
    id: 'acme',
    provider: 'hibob',
    tenant: 'Acme Inc',
    credentials: { serviceUserId: 'SERVICE-1', token: TOKEN, baseUrl: 'http://127.0.0.1:1' },
    webhookSecret: 'whsec-ALSO-SECRET',
  });

async function rawRows(): Promise<string> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query('SELECT * FROM fleet_connections');
  await client.end();
  return JSON.stringify(rows);
}

describe('the connection registry', () => {
  it('keeps credentials and webhook secrets sealed at rest and opens them for a worker', async () => {
    const added = await addAcme();
    expect(added).toMatchObject({ id: 'acme', health: 'healthy', keyId: 'k1', webhook: { configured: true } });
    expect(JSON.stringify(added)).not.toContain(TOKEN);
    const stored = await rawRows();
    expect(stored).not.toContain(TOKEN);
    expect(stored).not.toContain('ALSO-SECRET');
    expect(await registry.secretsOf('acme')).toEqual({
      credentials: { serviceUserId: 'SERVICE-1', token: TOKEN, baseUrl: 'http://127.0.0.1:1' },
      webhookSecret: 'whsec-ALSO-SECRET',
    });
  });

  it('applies its migrations once when several processes open the same database at once', async () => {
    const others = await Promise.all(
      [1, 2, 3].map(() => ConnectionRegistry.open({ databaseUrl: database.url, keys: keys(KEY_A) })),
    );
    await Promise.all(others.map((other) => other.close()));
    const { rows } = await registry.pool.query('SELECT version FROM fleet_migrations');
    expect(rows).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('rotate-key re-seals every row under the new key; the old key can then go', async () => {
    await addAcme();
    await registry.close();
    registry = await ConnectionRegistry.open({ databaseUrl: database.url, keys: new KeyRing([KEY_B, KEY_A]) });
    expect(await registry.rotateKeys()).toBe(1);
    expect(await registry.rotateKeys()).toBe(0);
    await registry.close();
    registry = await ConnectionRegistry.open({ databaseUrl: database.url, keys: new KeyRing([KEY_B]) });
    expect((await registry.get('acme')).keyId).toBe('k2');
    expect((await registry.secretsOf('acme')).credentials.token).toBe(TOKEN);
  });

  it('pauses at the first 401, at the second 403 in a row, and a new credential lifts the pause', async () => {
    await addAcme();
    expect(await registry.recordFailure('acme', { at: 1, reason: 'timeout', authFailure: null })).toBe('failing');
    expect(await registry.recordFailure('acme', { at: 2, reason: 'forbidden', authFailure: 403 })).toBe('failing');
    expect(await registry.recordFailure('acme', { at: 3, reason: 'forbidden again', authFailure: 403 })).toBe('paused');
    await registry.resume('acme');
    expect(await registry.recordFailure('acme', { at: 4, reason: 'credential refused (401)', authFailure: 401 })).toBe(
      'paused',
    );
    expect(await registry.get('acme')).toMatchObject({ health: 'paused', healthReason: 'credential refused (401)' });
    // A job that started before the pause and then succeeds must not lift it.
    await registry.recordSyncSuccess('acme', { at: 5, full: false, changes: 0, warnings: [], silentReason: null });
    expect((await registry.get('acme')).health).toBe('paused');
    await registry.updateCredentials('acme', { serviceUserId: 'SERVICE-1', token: 'new', baseUrl: 'http://x' });
    expect(await registry.get('acme')).toMatchObject({ health: 'healthy', healthReason: null, authFailures: 0 });
  });

  it('refuses ids that cannot be job ids, and duplicates', async () => {
    await addAcme();
    await expect(addAcme()).rejects.toThrow(/already exists/);
    await expect(registry.add({ id: 'a:b', provider: 'hibob', tenant: 't', credentials: {} })).rejects.toThrow(
      /must be 1-128 letters/,
    );
  });
});

describe('what is due', () => {
  const base: FleetConnection = {
    id: 'c',
    provider: 'hibob',
    tenant: 't',
    keyId: 'k1',
    schedule: DEFAULT_SCHEDULE,
    health: 'healthy',
    healthReason: null,
    authFailures: 0,
    lastSyncAt: null,
    lastFullSyncAt: null,
    lastSyncErrorAt: null,
    lastSyncChanges: null,
    lastDeliveryAt: null,
    lastAppliedDeliveryAt: null,
    webhook: { configured: true, silent: false, silentReason: null },
  };
  const hour = 3_600_000;
  const t0 = Date.parse('2026-11-30T00:00:00Z');

  it('a first sync is full; then incremental every interval, full every fullEveryMs', () => {
    expect(syncDue(base, t0)).toEqual({ due: true, full: true, reason: 'first sync' });
    const synced = { ...base, lastSyncAt: t0, lastFullSyncAt: t0 };
    expect(syncDue(synced, t0 + 60_000)).toEqual({ due: false });
    expect(syncDue(synced, t0 + DEFAULT_SCHEDULE.incrementalEveryMs)).toMatchObject({ due: true, full: false });
    expect(syncDue(synced, t0 + 24 * hour)).toMatchObject({ due: true, full: true, reason: 'full reconciliation' });
  });

  it('a silent webhook is polled more often; a paused connection never; a failing one waits an interval', () => {
    const synced = { ...base, lastSyncAt: t0, lastFullSyncAt: t0 };
    const silent = { ...synced, webhook: { configured: true, silent: true, silentReason: 'x' } };
    expect(syncDue(synced, t0 + DEFAULT_SCHEDULE.silentEveryMs)).toEqual({ due: false });
    expect(syncDue(silent, t0 + DEFAULT_SCHEDULE.silentEveryMs)).toMatchObject({
      due: true,
      reason: 'webhook silent: polled more often',
    });
    expect(syncDue({ ...base, health: 'paused' }, t0)).toEqual({ due: false });
    const failing = { ...synced, health: 'failing' as const, lastSyncErrorAt: t0 + 20 * 60_000 };
    expect(syncDue(failing, t0 + 21 * 60_000)).toEqual({ due: false });
    expect(syncDue(failing, t0 + 36 * 60_000)).toMatchObject({ due: true });
  });
});
