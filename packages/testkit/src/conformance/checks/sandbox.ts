import { expect } from 'vitest';
import type { ConformanceContext } from '../context.js';

/**
 * The sandbox handle itself is usable, so later failures point at the adapter, not at a half-written sandbox:
 * loopback URL, a base URL on it, ground truth with leavers as a superset, secrets to look for, distinct credentials.
 */
export async function sandboxHandleIsUsable(context: ConformanceContext): Promise<void> {
  const { sandbox } = context;
  const url = new URL(sandbox.url);
  expect(['127.0.0.1', 'localhost', '[::1]'], 'sandbox.url must be a loopback address').toContain(url.hostname);
  expect(sandbox.provider, 'sandbox.provider names another provider').toBe(context.key);
  const baseUrl = sandbox.connectionConfig().baseUrl;
  expect(typeof baseUrl, 'connectionConfig() must carry baseUrl (never the real provider)').toBe('string');
  expect(new URL(String(baseUrl)).origin, 'connectionConfig().baseUrl must be on sandbox.url').toBe(url.origin);
  const active = context.expectedEmployeeIds(false);
  const all = context.expectedEmployeeIds(true);
  expect(active.length, 'expected.employeeRemoteIds({ includeInactive: false }) is empty').toBeGreaterThan(0);
  expect(all.length, 'the company has no leavers: generate some so includeInactive is tested').toBeGreaterThan(
    active.length,
  );
  expect(
    active.filter((id) => !all.includes(id)),
    'active employees missing from the includeInactive ground truth',
  ).toEqual([]);
  expect(sandbox.secrets().filter((secret) => secret.length >= 4).length, 'secrets() is empty').toBeGreaterThan(0);
  const configs = [sandbox.connectionConfig(), sandbox.badConnectionConfig(), sandbox.restrictedConnection().config];
  expect(
    new Set(configs.map((config) => JSON.stringify(config))).size,
    'full, bad and restricted configs must differ',
  ).toBe(3);
}
