import { describe, expect, it } from 'vitest';
import { startBambooHrSandbox } from '../src/sandbox/index.js';
import { drain, NOW, sandboxFixture } from './helpers.js';

describe('BambooHR sandbox at scale', () => {
  it('is deterministic: same seed, same company', async () => {
    const [a, b] = await Promise.all([
      startBambooHrSandbox({ seed: 11, employees: 200, now: NOW }),
      startBambooHrSandbox({ seed: 11, employees: 200, now: NOW }),
    ]);
    try {
      expect(JSON.stringify([...a.company.employees.values()])).toBe(JSON.stringify([...b.company.employees.values()]));
      expect(a.connectionConfig().apiKey).toBe(b.connectionConfig().apiKey);
      expect(a.connectionConfig().apiKey).toMatch(/^[0-9a-f]{40}$/);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('generates 100,000 employees and streams all of them through the adapter', async () => {
    const started = performance.now();
    const fixture = await sandboxFixture({ employees: 100_000 });
    try {
      // About 1-3 s on an idle machine; the bound only guards against an order-of-magnitude regression on a busy CI.
      const generated = performance.now() - started;
      expect(generated).toBeLessThan(60_000);
      const types = new Set(
        [...fixture.sandbox.company.employees.values()].map((e) => e.employmentStatus.at(-1)?.employmentStatus),
      );
      expect(types).toEqual(
        new Set(['Full-Time', 'Part-Time', 'Contractor', 'Intern', 'Working Student', 'Terminated']),
      );
      const employees = await drain(
        fixture.connect(undefined, { timeoutMs: 120_000 }).employees.list({ includeInactive: true }),
      );
      expect(employees).toHaveLength(100_000);
      expect(employees.filter((e) => e.employmentStatus.value === 'terminated').length).toBeGreaterThan(8_000);
      expect(employees.filter((e) => e.manager !== null).length).toBe(99_999);
    } finally {
      await fixture.sandbox.close();
    }
  }, 180_000);
});
