import 'reflect-metadata';
import { ConfigurationError, createHrKit, PermissionError } from '@hrkit/core';
import { MemoryLogger } from '@hrkit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hibob } from '../src/internal.js';
import { type HiBobCompensationOptions, type PayPermissionIssue } from '../src/internal.js';
import { CATEGORY_IDS, type HiBobSandbox, startHiBobSandbox } from '../src/sandbox/index.js';
import {
  generatePayData,
  PAY_EXTENSION_NAME,
  type PayExtensionData,
  SENSITIVE_PAY_ROUTE_NAMES,
} from '../src/sandbox/pay/index.js';
import { collect, collectUntilError } from './pay-helpers.js';

const NOW = '2026-11-20T10:00:00.000Z';

/** The pay extension inside the full HiBob sandbox, read through the real hibob() connector. */
describe('pay in the HiBob sandbox', () => {
  let sandbox: HiBobSandbox;
  beforeAll(async () => {
    sandbox = await startHiBobSandbox({ seed: 21, employees: 450, now: NOW, rateLimits: false });
  });
  afterAll(() => sandbox.close());

  const kit = createHrKit({ providers: [hibob()] });
  const sensitiveCount = () =>
    Object.entries(sandbox.control.rateLimitCounters().requestsByEndpoint)
      .filter(([endpoint]) => SENSITIVE_PAY_ROUTE_NAMES.has(endpoint))
      .reduce((sum, [, count]) => sum + count, 0);
  const bulkCount = () => sandbox.control.rateLimitCounters().requestsByEndpoint['hibob.salaries.bulk'] ?? 0;
  /** The same data the extension serves, rebuilt from its seed: ground truth for completeness. */
  const truth = () => {
    const stored = sandbox.state.data.ext[PAY_EXTENSION_NAME] as PayExtensionData;
    return generatePayData({
      seed: stored.seed,
      employeeIds: sandbox.state.employees.map((employee) => employee.id),
      payrollHiddenIds: stored.payrollHiddenIds,
      today: sandbox.state.today(),
      startDateOf: (id) => sandbox.state.employee(id)?.startDate,
    });
  };

  it('sends no salary or attendance request unless the consumer opts in, check() included', async () => {
    const before = sensitiveCount();
    const conn = kit.connect('hibob', sandbox.connectionConfig(), { rateLimits: false, logger: new MemoryLogger() });
    expect(() => conn.compensation.list()).toThrow(ConfigurationError);
    expect(() => conn.attendance.list({ from: '2026-11-01', to: '2026-11-20' })).toThrow(ConfigurationError);
    const report = await conn.check();
    expect(report.checks.filter((c) => c.id === 'compensation' || c.id === 'attendance').map((c) => c.status)).toEqual([
      'skipped',
      'skipped',
    ]);
    expect(sensitiveCount()).toBe(before);
  });

  it('reads every salary row of 450 employees exactly once, over 3 bulk pages', async () => {
    const before = bulkCount();
    const conn = kit.connect('hibob', sandbox.connectionConfig(), { includeCompensation: true, rateLimits: false });
    const rows = await collect(conn.compensation.list());
    const ids = rows.map((row) => row.remoteId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...truth().readableSalaryRowIds()].sort());
    expect(bulkCount() - before).toBe(3);
  });

  it('reports employees outside the service user’s audience when asked for by id, and leaves them out otherwise', async () => {
    const department = sandbox.state.employees.find((employee) => employee.department)?.department as string;
    const config = sandbox.control.createServiceUser({
      name: 'one department',
      audience: { departments: [department] },
    });
    const conn = kit.connect(
      'hibob',
      { ...config, baseUrl: sandbox.url },
      { includeCompensation: true, rateLimits: false },
    );
    const inside = sandbox.state.employees.filter((employee) => employee.department === department).map((e) => e.id);
    const outside = sandbox.state.employees.filter((employee) => employee.department !== department).map((e) => e.id);

    const all = await collect(conn.compensation.list());
    expect(new Set(all.map((row) => row.employee.remoteId))).toEqual(new Set(inside));

    const issues: PayPermissionIssue[] = [];
    const asked: HiBobCompensationOptions = {
      employeeIds: [...inside.slice(0, 4), ...outside.slice(0, 4)],
      onPermissionIssue: (issue) => issues.push(issue),
    };
    const rows = await collect(conn.compensation.list(asked));
    expect(new Set(rows.map((row) => row.employee.remoteId))).toEqual(new Set(inside.slice(0, 4)));
    expect(issues.map((issue) => [issue.employeeRemoteId, issue.code])).toEqual(
      outside.slice(0, 4).map((id) => [id, 'MISSING_PERMISSION']),
    );
  });

  it('without the Payroll category: check() names the permission and reads fail with PermissionError', async () => {
    const config = sandbox.control.createServiceUser({
      name: 'no payroll',
      categories: CATEGORY_IDS.filter((id) => id !== 'payroll'),
    });
    const conn = kit.connect(
      'hibob',
      { ...config, baseUrl: sandbox.url },
      { includeCompensation: true, includeAttendance: true, rateLimits: false },
    );
    const report = await conn.check();
    const compensation = report.checks.find((check) => check.id === 'compensation');
    expect(compensation).toMatchObject({ status: 'missing', severity: 'optional' });
    expect(compensation?.fix?.permission).toMatch(/^People's Data › Payroll › View/);
    expect(report.checks.find((check) => check.id === 'attendance')?.status).toBe('ok');
    const { items, error } = await collectUntilError(conn.compensation.list());
    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(PermissionError);
  });

  it.each([
    ['compensation', /^People's Data › Payroll › View/],
    ['attendance', /^People's Data › Time attendance › Manage time attendance sheets$/],
  ])(
    'restrictedConnectionFor(%s): check() reports it missing with the permission named',
    async (checkId, permission) => {
      const { config, expectedMissingCheck } = sandbox.control.restrictedConnectionFor(checkId);
      const conn = kit.connect('hibob', config, {
        includeCompensation: true,
        includeAttendance: true,
        rateLimits: false,
      });
      const report = await conn.check();
      const gap = report.checks.find((check) => check.id === expectedMissingCheck);
      expect(gap?.status, JSON.stringify(gap)).toBe('missing');
      expect(gap?.fix?.permission).toMatch(permission);
      expect(report.checks.filter((check) => ['compensation', 'attendance'].includes(check.id))).toHaveLength(2);
    },
  );

  it('reads attendance in range, validated by the strict model, through 33-day windows', async () => {
    const before = sandbox.control.rateLimitCounters().requestsByEndpoint['hibob.attendance.entries.search'] ?? 0;
    const conn = kit.connect('hibob', sandbox.connectionConfig(), { includeAttendance: true, rateLimits: false });
    const employeeIds = sandbox.state.employees.slice(0, 20).map((employee) => employee.id);
    const records = await collect(conn.attendance.list({ from: '2026-10-01', to: '2026-11-20', employeeIds }));
    const data = truth();
    const expected = employeeIds.flatMap((id) => {
      const days: string[] = [];
      for (let day = Date.parse('2026-10-01'); day <= Date.parse('2026-11-20'); day += 86_400_000)
        days.push(...data.attendanceOn(id, new Date(day).toISOString().slice(0, 10)).map((entry) => entry.id));
      return days;
    });
    expect(records.map((record) => record.remoteId).sort()).toEqual(expected.sort());
    const calls =
      (sandbox.control.rateLimitCounters().requestsByEndpoint['hibob.attendance.entries.search'] ?? 0) - before;
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it('is deterministic: the same seed serves the same salaries', async () => {
    const again = await startHiBobSandbox({ seed: 21, employees: 450, now: NOW, rateLimits: false });
    try {
      const read = async (target: HiBobSandbox) =>
        collect(
          kit
            .connect('hibob', target.connectionConfig(), { includeCompensation: true, rateLimits: false })
            .compensation.list({ employeeIds: target.state.employees.slice(0, 3).map((employee) => employee.id) }),
        );
      expect(JSON.stringify(await read(again))).toBe(JSON.stringify(await read(sandbox)));
    } finally {
      await again.close();
    }
  });
});
