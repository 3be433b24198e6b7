import { AuthenticationError, NotFoundError } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { expectedEmploymentType } from './helpers/ground-truth.js';
import { collect, connect, useSandbox } from './helpers/sandbox.js';

const sandbox = useSandbox();

describe('employees against the HiBob sandbox', () => {
  it('lists exactly the employees the service user can see, leavers only with includeInactive (pitfall 4)', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const all = await collect(bob.employees.list({ includeInactive: true }));
    const active = await collect(bob.employees.list());
    expect(all.map((e) => e.remoteId).sort()).toEqual(box.expected.employeeRemoteIds({ includeInactive: true }).sort());
    expect(active.map((e) => e.remoteId).sort()).toEqual(
      box.expected.employeeRemoteIds({ includeInactive: false }).sort(),
    );
    expect(all.length).toBeGreaterThan(active.length);
    expect(all.some((e) => e.employmentStatus.value === 'terminated')).toBe(true);
    expect(active.every((e) => e.employmentStatus.value !== 'terminated')).toBe(true);
  });

  it('maps every employment type from the custom field, or the payroll fallback, and nothing else', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const employees = await collect(bob.employees.list({ includeInactive: true }));
    let custom = 0;
    for (const employee of employees) {
      const expected = expectedEmploymentType(box, employee.remoteId);
      expect(employee.employmentType.workerKind.value, employee.remoteId).toBe(expected.kind);
      expect(employee.employmentType.customerCategory?.label ?? null).toBe(expected.label);
      if (expected.label) custom++;
      // 19-digit ids survive as exact strings (pitfall 8)
      expect(employee.remoteId).toMatch(/^\d{19}$/);
      expect(box.state.employee(employee.remoteId)).toBeDefined();
    }
    expect(custom).toBeGreaterThan(employees.length / 2);
    expect(employees.some((e) => e.employmentType.customerCategory === null)).toBe(true);
  });

  it('resolves list ids to labels through named lists (pitfalls 5, 6) and the manager to an EmployeeRef', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const employees = await collect(bob.employees.list({ includeInactive: true }));
    const withManager = employees.find((e) => e.manager)!;
    const stored = box.state.employee(withManager.remoteId)!;
    expect(withManager.manager?.remoteId).toBe(stored.managerId);
    expect(withManager.jobTitle).toBe(stored.title ? box.state.listItemName('title', stored.title) : null);
    expect(withManager.department?.id).toBe(stored.department);
    expect(withManager.department?.name).toBe(box.state.listItemName('department', stored.department!));
    expect(withManager.emails.work).toBe(stored.email);
    expect(withManager.name).toMatchObject({ first: stored.firstName, last: stored.surname });
  });

  it('gets one employee by id and by work email, equal to the listed record', async () => {
    const box = await sandbox();
    const { bob } = connect(box.connectionConfig());
    const [first] = await collect(bob.employees.list());
    const byId = await bob.employees.get(first!.remoteId);
    const byEmail = await bob.employees.get(first!.emails.work!);
    expect(byId).toEqual(first);
    expect(byEmail).toEqual(first);
    await expect(bob.employees.get('1234567890123456789')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads sensitive fields only when asked', async () => {
    const box = await sandbox();
    const { bob, connector } = connect(box.connectionConfig());
    const plain = await collect(bob.employees.list());
    expect(plain.every((e) => e.personal.dateOfBirth === null)).toBe(true);
    const searches = connector.client.http.stats.requests;
    const sensitive = await collect(bob.employees.list({ includeSensitive: true, includeRaw: true }));
    expect(connector.client.http.stats.requests).toBeGreaterThan(searches);
    const withBirthDate = sensitive.filter((e) => e.personal.dateOfBirth !== null);
    expect(withBirthDate.length).toBeGreaterThan(0);
    const sample = withBirthDate[0]!;
    expect(sample.personal.dateOfBirth).toBe(box.state.employee(sample.remoteId)!.birthDate);
    expect(sample.raw).toBeDefined();
  });

  it('attaches employment history with includeHistory, read through the bulk tables', async () => {
    const box = await sandbox();
    const { bob, connector } = connect(box.connectionConfig());
    const employees = await collect(bob.employees.list({ includeInactive: true, includeHistory: true }));
    expect(employees.every((e) => Array.isArray(e.employmentHistory))).toBe(true);
    const leaver = employees.find((e) => e.employmentStatus.value === 'terminated')!;
    const lifecycle = leaver.employmentHistory!.filter((entry) => entry.table === 'lifecycle');
    expect(lifecycle.at(-1)?.employmentStatus?.value).toBe('terminated');
    const work = employees[1]!.employmentHistory!.filter((entry) => entry.table === 'work');
    expect(work.length).toBeGreaterThan(0);
    expect(work.every((entry) => entry.employee.remoteId === employees[1]!.remoteId)).toBe(true);
    // History for everyone: bulk calls (3 tables × ⌈n/200⌉ pages), not 3 per employee.
    const before = connector.client.http.stats.requests;
    const history = await collect(bob.employees.history());
    expect(connector.client.http.stats.requests - before).toBeLessThanOrEqual(1 + 3 * 2);
    expect(new Set(history.map((entry) => entry.employee.remoteId)).size).toBeGreaterThan(employees.length / 2);
    const one = await collect(bob.employees.history({ employeeIds: [leaver.remoteId] }));
    expect(one).toEqual(leaver.employmentHistory);
  });

  it('bad credentials: AuthenticationError after exactly one request, secrets nowhere', async () => {
    const box = await sandbox();
    const { bob, connector, logger } = connect(box.badConnectionConfig());
    const error = await collect(bob.employees.list()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(connector.client.http.stats.requests).toBe(1);
    const report = await bob.check();
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ id: 'employees.list', status: 'error' });
    expect(report.checks.slice(1).every((check) => check.status === 'skipped')).toBe(true);
    // core's runProbes with HiBob's wording: where to check the credentials, and why nothing else was probed.
    expect(report.checks[0]?.fix?.steps.join(' ')).toMatch(/check the service user ID and its token/);
    expect(report.checks[1]?.summary).toMatch(/HiBob blocks callers that repeat failed logins/);
    expect(connector.client.http.stats.requests).toBe(2); // check() stopped after its first 401
    const text = [JSON.stringify(error), String((error as Error).stack), logger.text(), JSON.stringify(report)].join(
      '\n',
    );
    for (const secret of [...box.secrets(), box.badConnectionConfig().token]) expect(text).not.toContain(secret);
  });
});
