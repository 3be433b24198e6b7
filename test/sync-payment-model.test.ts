import { bamboohr } from '@hrkit/bamboohr';
import { startBambooHrSandbox } from '@hrkit/bamboohr/sandbox';
import { createHrKit, type Employee } from '@hrkit/core';
import { hibob } from '@hrkit/hibob';
import { startHiBobSandbox } from '@hrkit/hibob/sandbox';
import { MemorySyncStore, SyncEngine } from '@hrkit/sync';
import type { SandboxHandle } from '@hrkit/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** A full sync of each sandbox stores the new records (issue 16), and never a bank account or identifier. */
const cases = [
  {
    provider: 'hibob',
    start: () => startHiBobSandbox({ seed: 11, employees: 40, rateLimits: false }),
    fills: ['workLocation.address.countryCode', 'workLocation.timeZone', 'company', 'groups', 'termination'],
  },
  {
    provider: 'bamboohr',
    start: () => startBambooHrSandbox({ seed: 4, employees: 25, rateLimits: false }),
    fills: ['workLocation', 'groups', 'termination'],
  },
] as const;

function valueAt(employee: Employee, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], employee);
}

describe.each(cases)('a full sync of the $provider sandbox', ({ provider, start, fills }) => {
  let sandbox: SandboxHandle;
  beforeAll(async () => {
    sandbox = await start();
  });
  afterAll(() => sandbox.close());

  it('stores the new fields, and no financial data even on a connection that allows it', async () => {
    const connection = createHrKit({ providers: [hibob(), bamboohr()] }).connect(provider, sandbox.connectionConfig(), {
      rateLimits: false,
      includeFinancial: true,
    });
    const store = new MemorySyncStore();
    await new SyncEngine(store).sync(connection, { full: true });
    const employees = (await store.listRecords(provider, 'employee')).map((row) => row.data as Employee);
    expect(employees.length).toBeGreaterThan(0);
    for (const path of fills) {
      const filled = employees.filter((employee) => {
        const value = valueAt(employee, path);
        return value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
      });
      expect(filled.length, `${provider}: ${path} filled for someone`).toBeGreaterThan(0);
    }
    const stored = JSON.stringify(await store.listRecords(provider, 'employee', { includeDeleted: true }));
    expect(stored).not.toContain('"bankAccounts"');
    expect(stored).not.toContain('"identifiers"');
    expect(stored).not.toMatch(/"financial"|\/financial\//);
  });
});
