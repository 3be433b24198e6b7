import 'reflect-metadata';
import { ConfigurationError, createHrKit } from '@hrkit/core';
import { MemoryLogger } from '@hrkit/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hibob } from '../src/internal.js';
import { type HiBobCompensationOptions, PayPermissionError } from '../src/internal.js';
import { type PaySandbox, SENSITIVE_PAY_ROUTE_NAMES, startPaySandbox } from '../src/sandbox/pay/index.js';
import { collect, collectUntilError } from './pay-helpers.js';

/** The real HiBob plugin and connector against the standalone pay sandbox. */
describe('hibob() connector: compensation and attendance', () => {
  let sandbox: PaySandbox;
  beforeAll(async () => {
    sandbox = await startPaySandbox({ seed: 9, employees: 230, payrollHidden: 2, today: '2026-11-20' });
  });
  afterAll(() => sandbox.close());

  const kit = createHrKit({ providers: [hibob()] });
  const config = (credential = sandbox.full) => ({
    serviceUserId: credential.serviceUserId,
    token: credential.token,
    baseUrl: sandbox.url,
  });
  const sensitiveHits = () => sandbox.hits.filter((hit) => hit.route && SENSITIVE_PAY_ROUTE_NAMES.has(hit.route));

  it('declares both capabilities and refuses both reads, sending nothing sensitive, until the consumer opts in', async () => {
    sandbox.hits.length = 0;
    const conn = kit.connect('hibob', config(), { rateLimits: false, retryLimit: 0 });
    expect(conn.supports('compensation')).toBe(true);
    expect(conn.supports('attendance')).toBe(true);
    expect(() => conn.compensation.list()).toThrow(ConfigurationError);
    expect(() => conn.attendance.list({ from: '2026-11-01', to: '2026-11-20' })).toThrow(ConfigurationError);
    const report = await conn.check();
    const pay = report.checks.filter((check) => check.id === 'compensation' || check.id === 'attendance');
    expect(pay.map((check) => check.status)).toEqual(['skipped', 'skipped']);
    expect(sensitiveHits()).toEqual([]);
  });

  it('opted in on connect: every readable salary row (2 bulk pages) and attendance, validated by the strict model', async () => {
    sandbox.hits.length = 0;
    const logger = new MemoryLogger();
    const conn = kit.connect('hibob', config(), {
      includeCompensation: true,
      includeAttendance: true,
      rateLimits: false,
      retryLimit: 0,
      logger,
    });
    const { items, error } = await collectUntilError(conn.compensation.list());
    expect(items.map((row) => row.remoteId).sort()).toEqual([...sandbox.data.readableSalaryRowIds()].sort());
    expect(error).toBeInstanceOf(PayPermissionError);
    expect(sensitiveHits().filter((hit) => hit.route === 'hibob.salaries.bulk')).toHaveLength(2);

    const tolerant: HiBobCompensationOptions = { failOnPermissionIssues: false, employeeIds: ['x'] };
    await expect(collect(conn.compensation.list(tolerant))).resolves.toEqual([]);

    const records = await collect(conn.attendance.list({ from: '2026-11-09', to: '2026-11-13' }));
    expect(records.length).toBeGreaterThan(100);
    expect(records.every((record) => record.date >= '2026-11-09' && record.date <= '2026-11-13')).toBe(true);

    const amounts = sandbox.data.employeeIds.flatMap((id) => sandbox.data.salaryRows(id).map((row) => row.base.value));
    const text = `${logger.text()}\n${(error as Error).message}`;
    expect(
      amounts.filter((amount) => new RegExp(`(?<![\\d.])${String(amount).replace('.', '\\.')}(?![\\d])`).test(text)),
    ).toEqual([]);
    expect(text).not.toContain(sandbox.full.token);
  });

  it('check() with opt-in names the Payroll and attendance permissions for the restricted service user', async () => {
    const conn = kit.connect('hibob', config(sandbox.restricted), {
      includeCompensation: true,
      includeAttendance: true,
      rateLimits: false,
      retryLimit: 0,
    });
    const report = await conn.check();
    const byId = Object.fromEntries(report.checks.map((check) => [check.id, check]));
    expect(byId.compensation).toMatchObject({
      status: 'missing',
      severity: 'optional',
      capabilities: ['compensation'],
    });
    expect(byId.compensation?.fix?.permission).toMatch(/^People's Data › Payroll › View/);
    expect(byId.attendance).toMatchObject({ status: 'missing', severity: 'optional' });
    expect(byId.attendance?.fix?.permission).toBe("People's Data › Time attendance › Manage time attendance sheets");

    const full = kit.connect('hibob', config(), {
      includeCompensation: true,
      includeAttendance: true,
      rateLimits: false,
    });
    const fullReport = await full.check();
    expect(
      fullReport.checks.filter((c) => c.id === 'compensation' || c.id === 'attendance').map((c) => c.status),
    ).toEqual(['ok', 'ok']);
  });
});
