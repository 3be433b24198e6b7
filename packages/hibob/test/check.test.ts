import { DiagnosticsReport } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { collect, connect, useSandbox } from './helpers/sandbox.js';

const sandbox = useSandbox();

describe('check() against the HiBob sandbox', () => {
  it('reports every probe ok for the full-access service user', async () => {
    const box = await sandbox();
    const { bob } = connect({ ...box.connectionConfig(), webhookSecret: box.webhooks.secret });
    const report = DiagnosticsReport.parse(await bob.check());
    const byId = new Map(report.checks.map((check) => [check.id, check]));
    for (const id of [
      'employees.list',
      'employees.get',
      'fields.root',
      'fields.work',
      'fields.lifecycle',
      'fields.employment',
      'customField.employmentType',
      'employees.history',
      'webhooks',
    ])
      expect(byId.get(id)?.status, id).toBe('ok');
    expect(report.ok).toBe(true);
  });

  it('restricted service user: the silently omitted Work fields are reported with the permission to grant', async () => {
    const box = await sandbox();
    const { config, expectedMissingCheck } = box.restrictedConnection();
    const { bob, logger } = connect(config);
    // The read itself does not fail: HiBob leaves the fields out of a 200 (pitfall 1).
    const employees = await collect(bob.employees.list());
    expect(employees.length).toBeGreaterThan(0);
    expect(employees.every((employee) => employee.jobTitle === null && employee.department === null)).toBe(true);
    const report = await bob.check();
    const gap = report.checks.find((check) => check.id === expectedMissingCheck);
    expect(gap).toMatchObject({
      status: 'missing',
      severity: 'required',
      fix: { permission: "People's Data › Work › View" },
    });
    expect(gap?.missingFields).toContain('work.title');
    expect(report.ok).toBe(false);
    expect(report.checks.find((check) => check.id === 'fields.root')?.status).toBe('ok');
    for (const secret of box.secrets()) expect(logger.text() + JSON.stringify(report)).not.toContain(secret);
  });

  it.each([
    ['employees.list', 'Features › People › Directory'],
    ['customField.employmentType', "People's Data › Work Eligibility › View"],
    ['timeOff.whosOut', "People's Data › Time off › See who's out"],
    ['timeOff.requests', "People's Data › Time off › See who's out"],
    ['timeOff.balances', "People's Data › Time off › Balance › See selected people's balances"],
    ['timeOff.policies', "Features › Time off › Settings › Manage company's time off settings"],
    ['fields.lifecycle', "People's Data › Lifecycle › View"],
    ['fields.employment', "People's Data › Employment › View"],
  ])('a service user without the permission behind %s gets it named', async (checkId, permission) => {
    const box = await sandbox();
    const { config } = box.control.restrictedConnectionFor(checkId);
    const { bob } = connect(config);
    const report = await bob.check();
    const gap = report.checks.find((check) => check.id === checkId);
    expect(gap?.status, JSON.stringify(gap)).toBe('missing');
    expect(gap?.fix?.permission).toBe(permission);
  });

  it('without the custom field, employees fall back to the payroll employment type', async () => {
    const box = await sandbox();
    const { config } = box.control.restrictedConnectionFor('customField.employmentType');
    const { bob } = connect(config);
    const employees = await collect(bob.employees.list());
    expect(employees.every((employee) => employee.employmentType.customerCategory === null)).toBe(true);
    expect(employees.some((employee) => employee.employmentType.workerKind.value !== 'unknown')).toBe(true);
  });

  it('reports a renamed or missing field, and missing or extra list items', async () => {
    const box = await sandbox();
    const missingField = await connect(box.connectionConfig(), {
      plugin: { employmentTypeField: 'Worker Classification' },
    }).bob.check();
    expect(missingField.checks.find((check) => check.id === 'customField.employmentType')).toMatchObject({
      status: 'missing',
      missingFields: ['Worker Classification'],
    });
    const { bob } = connect(box.connectionConfig(), {
      plugin: {
        employmentTypes: {
          rules: {
            Contractor: { workerKind: 'contractor' },
            'Direct Employee': { workerKind: 'employee' },
            Freelancer: { workerKind: 'freelancer' },
          },
          replaceDefaults: true,
        },
      },
    });
    const items = (await bob.check()).checks.find((check) => check.id === 'customField.employmentType');
    expect(items?.status).toBe('degraded');
    expect(items?.missingFields).toEqual(['Freelancer']);
    expect(items?.summary).toMatch(/extra items reported as unmapped: EOR/);
  });

  it('a gap in a category read only for includeSensitive says so, and is optional', async () => {
    const box = await sandbox();
    const { config } = box.control.restrictedConnectionFor('fields.home');
    const report = await connect(config).bob.check();
    const gap = report.checks.find((check) => check.id === 'fields.home');
    expect(gap).toMatchObject({
      status: 'missing',
      severity: 'optional',
      fix: { permission: "People's Data › Home › View" },
    });
    expect(gap?.summary).toContain('needed only for includeSensitive reads');
    expect(report.ok).toBe(true);
  });

  it('an empty audience is degraded, not ok, and nothing throws', async () => {
    const box = await sandbox();
    const config = box.control.createServiceUser({ audience: { departments: ['no-such-department'] } });
    const report = await connect(config).bob.check();
    expect(report.checks.find((check) => check.id === 'employees.list')).toMatchObject({
      status: 'degraded',
      severity: 'required',
    });
    expect(report.ok).toBe(false);
  });
});
