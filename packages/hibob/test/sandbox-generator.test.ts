import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EMPLOYMENT_TYPE_FIELD_ID,
  EMPLOYMENT_TYPE_ITEMS,
  generateHiBobCompany,
  SANDBOX_RESTRICTABLE_CHECK_IDS,
  startHiBobSandbox,
} from '../src/sandbox/index.js';
import { lifecycleOn } from '../src/sandbox/state/lifecycle.js';
import { bobTimestamp } from '../src/sandbox/state/time.js';
import { call, NOW } from './sandbox-helpers.js';

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('generateHiBobCompany', () => {
  it('is deterministic: same seed identical JSON, different seed different', () => {
    const a = generateHiBobCompany({ seed: 11, employees: 200, now: NOW });
    const b = generateHiBobCompany({ seed: 11, employees: 200, now: NOW });
    const c = generateHiBobCompany({ seed: 12, employees: 200, now: NOW });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  it('refuses bad options with a ConfigurationError naming the option', () => {
    expect(() => generateHiBobCompany({ employees: 0, now: NOW })).toThrow(
      expect.objectContaining({ name: 'ConfigurationError', field: 'employees' }),
    );
    expect(() => generateHiBobCompany({ now: 'soon' })).toThrow(/"now" must be an ISO date-time, got "soon"/);
  });

  it('builds a realistic 10,000-person company', () => {
    const company = generateHiBobCompany({ seed: 3, employees: 10_000, now: NOW });
    const today = NOW.slice(0, 10);
    const employees = company.employees;
    expect(employees.length).toBe(10_000);
    expect(new Set(employees.map((e) => e.id)).size).toBe(10_000);
    expect(new Set(employees.map((e) => e.email)).size).toBe(10_000);
    // One CEO; every manager exists; no cycles (managers come earlier).
    expect(employees.filter((e) => e.managerId === null).map((e) => e.idInCompany)).toEqual([1]);
    const position = new Map(employees.map((e, i) => [e.id, i]));
    for (const [index, employee] of employees.entries()) {
      if (employee.managerId) expect(position.get(employee.managerId)!).toBeLessThan(index);
    }
    const lifecycles = new Map<string, number>();
    for (const employee of employees) {
      const status = lifecycleOn(employee, today);
      lifecycles.set(status, (lifecycles.get(status) ?? 0) + 1);
    }
    expect(lifecycles.get('terminated')).toBeGreaterThan(800);
    expect(lifecycles.get('hired')).toBeGreaterThan(150);
    expect(lifecycles.get('leave')).toBeGreaterThan(150);
    for (const leaver of employees.filter((e) => e.terminationDate))
      expect(leaver.terminationDate! > leaver.startDate).toBe(true);
    const types = new Set(employees.map((e) => e.custom[EMPLOYMENT_TYPE_FIELD_ID] ?? null));
    expect(types).toEqual(new Set([...Object.values(EMPLOYMENT_TYPE_ITEMS), null]));
    expect(new Set(employees.map((e) => e.payrollType)).size).toBe(4);
    expect(company.requests.length).toBeGreaterThan(8_000);
    expect(company.changes.every((change, i) => i === 0 || company.changes[i - 1]!.at <= change.at)).toBe(true);
  });

  it('starts a 100,000-person sandbox in seconds and answers the unpaginated search', async () => {
    const started = performance.now();
    const bob = await startHiBobSandbox({ seed: 5, employees: 100_000, now: NOW });
    try {
      const startup = performance.now() - started;
      expect(startup).toBeLessThan(20_000);
      const response = await call<{ employees: Array<{ id: string }> }>(
        bob.connectionConfig(),
        'POST',
        '/v1/people/search',
        {
          fields: ['root.id', 'work.department'],
          showInactive: true,
        },
      );
      expect(response.status).toBe(200);
      expect(response.body.employees.length).toBe(100_000);
    } finally {
      await bob.close();
    }
  }, 120_000);
});

describe('bobTimestamp', () => {
  it('prints microseconds and no zone, matching the UTC instant', () => {
    const at = Date.parse('2024-10-03T09:29:00.831Z');
    expect(bobTimestamp(at)).toMatch(/^2024-10-03T09:29:00\.831\d{3}$/);
    expect(bobTimestamp(Date.parse('1999-12-31T23:59:59.999Z')).slice(0, 23)).toBe('1999-12-31T23:59:59.999');
  });
});

describe('check ids', () => {
  it('exports the ids the adapter reports and a restricted user per id', async () => {
    expect(SANDBOX_RESTRICTABLE_CHECK_IDS).toEqual(
      expect.arrayContaining([
        'employees.list',
        'fields.work',
        'fields.employment',
        'customField.employmentType',
        'timeOff.whosOut',
        'timeOff.balances',
        'timeOff.requests',
        'timeOff.policies',
        'webhooks',
      ]),
    );
    const bob = await startHiBobSandbox({ seed: 1, employees: 10, now: NOW });
    try {
      const { config, expectedMissingCheck } = bob.control.restrictedConnectionFor('timeOff.balances');
      expect(expectedMissingCheck).toBe('timeOff.balances');
      const employee = bob.state.employees[0]!.id;
      expect(
        (await call(config, 'GET', `/v1/timeoff/employees/${employee}/balance?policyType=Holiday&date=2026-06-15`))
          .status,
      ).toBe(403);
      expect((await call(config, 'GET', '/v1/timeoff/whosout?from=2026-06-15&to=2026-06-15')).status).toBe(200);
    } finally {
      await bob.close();
    }
  });
});
