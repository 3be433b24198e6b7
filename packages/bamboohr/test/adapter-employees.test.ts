import { ConfigurationError, createHrKit, NotFoundError, providerOptionsToken } from '@hrkit/core';
import { ContainerModule } from 'inversify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRootOf, bamboohr } from '../src/internal.js';
import { drain, NOW, sandboxFixture, TODAY } from './helpers.js';

describe('BambooHR adapter: employees against the sandbox', () => {
  let fixture: Awaited<ReturnType<typeof sandboxFixture>>;
  beforeAll(async () => {
    fixture = await sandboxFixture();
  });
  afterAll(() => fixture.sandbox.close());

  it('lists everyone through a custom report, leavers only with includeInactive', async () => {
    const connection = fixture.connect();
    const all = await drain(connection.employees.list({ includeInactive: true }));
    const current = await drain(connection.employees.list());
    expect(all.map((e) => e.remoteId).sort()).toEqual(
      fixture.sandbox.expected.employeeRemoteIds({ includeInactive: true }).sort(),
    );
    expect(current.map((e) => e.remoteId).sort()).toEqual(
      fixture.sandbox.expected.employeeRemoteIds({ includeInactive: false }).sort(),
    );
    expect(all.length).toBeGreaterThan(current.length);
    expect(new Set(all.map((e) => e.employmentStatus.value))).toEqual(new Set(['active', 'pending', 'terminated']));
  });

  it('maps leavers, future hires and actives from status + dates', async () => {
    const all = await drain(fixture.connect().employees.list({ includeInactive: true }));
    for (const employee of all) {
      const truth = fixture.sandbox.company.employees.get(employee.remoteId)!;
      if (truth.terminationDate && truth.terminationDate <= TODAY) {
        expect(employee.employmentStatus).toMatchObject({ value: 'terminated', effectiveDate: truth.terminationDate });
        expect(employee.employmentStatus.source).toEqual({ field: 'status', value: 'Inactive', label: null });
      } else if (truth.hireDate > TODAY)
        expect(employee.employmentStatus).toMatchObject({ value: 'pending', effectiveDate: truth.hireDate });
      else expect(employee.employmentStatus.value).toBe('active');
      expect(employee.terminationDate).toBe(truth.terminationDate);
    }
  });

  it('keeps employment type apart: worker kind + schedule, the customer label, unmapped values reported', async () => {
    const all = await drain(fixture.connect().employees.list({ includeInactive: true }));
    const label = (id: string) =>
      fixture.sandbox.company.employment(fixture.sandbox.company.employees.get(id)!)!.employmentStatus;
    const byLabel = new Map(all.map((e) => [label(e.remoteId), e]));
    expect(byLabel.get('Full-Time')?.employmentType).toMatchObject({
      workerKind: { value: 'employee' },
      schedule: { value: 'full_time' },
      unmapped: [],
    });
    expect(byLabel.get('Part-Time')?.employmentType.schedule.value).toBe('part_time');
    expect(byLabel.get('Contractor')?.employmentType.workerKind.value).toBe('contractor');
    const student = byLabel.get('Working Student')!;
    expect(student.employmentType.workerKind.value).toBe('unknown');
    expect(student.employmentType.unmapped).toEqual([
      { field: 'employmentHistoryStatus', value: 'Working Student', label: 'Working Student' },
    ]);
    expect(student.employmentType.customerCategory).toEqual({
      label: 'Working Student',
      value: 'Working Student',
      field: { id: 'employmentHistoryStatus', name: 'Employment Status' },
    });
  });

  it('gives leavers the employment type they had before "Terminated", from the employmentStatus table', async () => {
    const connection = fixture.connect();
    const all = await drain(connection.employees.list({ includeInactive: true }));
    const leavers = all.filter((e) => e.employmentStatus.value === 'terminated');
    expect(leavers.length).toBeGreaterThan(0);
    for (const leaver of leavers) {
      const rows = fixture.sandbox.company.employees.get(leaver.remoteId)!.employmentStatus;
      const before = rows.filter((row) => row.employmentStatus !== 'Terminated').at(-1)!.employmentStatus;
      expect(leaver.employmentType.customerCategory?.label).toBe(before);
      // "Working Student" has no default rule: reported unmapped; every stock label gives a real kind.
      if (before === 'Working Student') expect(leaver.employmentType.unmapped).toHaveLength(1);
      else expect(leaver.employmentType.workerKind.value).not.toBe('unknown');
    }
    expect(await connection.employees.get(leavers[0]!.remoteId)).toEqual(leavers[0]);
  });

  it('maps a customer label through the plugin option, and the mapping can be replaced through DI', async () => {
    const mapped = await drain(
      fixture
        .connect(
          undefined,
          {},
          { employmentTypes: { 'Working Student': { workerKind: 'intern', schedule: 'part_time' } } },
        )
        .employees.list({ includeInactive: true }),
    );
    const students = mapped.filter((e) => e.employmentType.customerCategory?.label === 'Working Student');
    expect(students.length).toBeGreaterThan(0);
    for (const e of students)
      expect([e.employmentType.workerKind.value, e.employmentType.schedule.value, e.employmentType.unmapped]).toEqual([
        'intern',
        'part_time',
        [],
      ]);

    const override = new ContainerModule(({ rebind }) => {
      rebind(providerOptionsToken('bamboohr')).toConstantValue({
        employmentTypes: { 'Full-Time': { workerKind: 'eor_worker', schedule: 'full_time' } },
      });
    });
    const kit = createHrKit({ providers: [bamboohr()], overrides: [override] });
    const viaDi = await drain(
      kit.connect('bamboohr', fixture.sandbox.connectionConfig(), { rateLimits: false }).employees.list(),
    );
    expect(viaDi.some((e) => e.employmentType.workerKind.value === 'eor_worker')).toBe(true);
  });

  it('resolves managers to employee refs (supervisorEId) and agrees between list and get', async () => {
    const connection = fixture.connect();
    const all = await drain(connection.employees.list({ includeInactive: true }));
    const someone = all.find((e) => e.manager)!;
    const truth = fixture.sandbox.company.job(fixture.sandbox.company.employees.get(someone.remoteId)!)!;
    const boss = fixture.sandbox.company.employees.get(truth.reportsToId!)!;
    expect(someone.manager).toEqual({
      id: `bamboohr:${boss.id}`,
      remoteId: boss.id,
      displayName: `${boss.firstName} ${boss.lastName}`,
    });
    expect(await connection.employees.get(someone.remoteId)).toEqual(someone);
    await expect(connection.employees.get('999999')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('attaches the untouched report row only with includeRaw', async () => {
    const connection = fixture.connect();
    const [plain] = await drain(connection.employees.list());
    expect(plain?.raw).toBeUndefined();
    const [withRaw] = await drain(connection.employees.list({ includeRaw: true }));
    expect(withRaw?.raw).toMatchObject({ id: withRaw?.remoteId, status: 'Active', terminationDate: '0000-00-00' });
  });

  it('reads sensitive fields only with includeSensitive', async () => {
    const connection = fixture.connect();
    const [plain] = await drain(connection.employees.list());
    expect(plain?.personal.dateOfBirth).toBeNull();
    const sensitive = await drain(connection.employees.list({ includeSensitive: true }));
    const truth = fixture.sandbox.company.employees.get(sensitive[0]!.remoteId)!;
    expect(sensitive[0]?.personal.dateOfBirth).toBe(truth.dateOfBirth);
    expect(sensitive[0]?.personal.homeAddress?.line1).toBe(truth.address1);
  });

  it('reads history from the jobInfo and employmentStatus tables, future rows not current', async () => {
    const connection = fixture.connect();
    const history = await drain(connection.employees.history());
    const promoted = [...fixture.sandbox.company.employees.values()].find((e) =>
      e.jobInfo.some((row) => row.date > TODAY),
    )!;
    const rows = history.filter((entry) => entry.employee.remoteId === promoted.id && entry.table === 'jobInfo');
    expect(rows).toHaveLength(promoted.jobInfo.length);
    expect(rows.at(-1)?.isCurrent).toBe(false);
    expect(rows.at(-2)?.isCurrent).toBe(true);
    expect(rows.at(-2)?.endDate).not.toBeNull();
    const leaver = [...fixture.sandbox.company.employees.values()].find((e) => e.terminationDate)!;
    const statusRows = history.filter(
      (entry) => entry.employee.remoteId === leaver.id && entry.table === 'employmentStatus',
    );
    expect(statusRows.at(-1)?.employmentStatus?.value).toBe('terminated');
    const withHistory = await connection.employees.get(leaver.id, { includeHistory: true });
    expect(withHistory.employmentHistory?.length).toBe(leaver.jobInfo.length + leaver.employmentStatus.length);
  });

  it('reads employees/changed after control changes: created, updated, deleted', async () => {
    const connection = fixture.connect();
    const since = NOW;
    const added = fixture.sandbox.control.addEmployee({ firstName: 'New', lastName: 'Person' });
    const victim = [...fixture.sandbox.company.employees.values()][5]!;
    fixture.sandbox.control.updateEmployee(victim.id, { jobTitle: 'Chief Tester' });
    const doomed = [...fixture.sandbox.company.employees.values()][6]!.id;
    fixture.sandbox.control.deleteEmployee(doomed);
    const changes = await drain(connection.employees.changes({ since }));
    const byId = new Map(changes.map((c) => [c.remoteId, c.action]));
    expect(byId.get(added.id)).toBe('created');
    expect(byId.get(victim.id)).toBe('updated');
    expect(byId.get(doomed)).toBe('deleted');
    expect(changes.every((c) => c.changedAt !== null && c.changedAt >= since)).toBe(true);
  });
});

describe('BambooHR connection config', () => {
  it('fails at connect with a ConfigurationError naming the field, without echoing the key', () => {
    const kit = createHrKit({ providers: [bamboohr()] });
    try {
      kit.connect('bamboohr', { companyDomain: 'acme.bamboohr.com/x', apiKey: 'secret-key-123456' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).field).toBe('companyDomain');
      expect(String(error)).not.toContain('secret-key-123456');
    }
    expect(() => kit.connect('bamboohr', { companyDomain: 'acme' })).toThrow(/apiKey/);
  });

  it('reads BAMBOOHR_COMPANY_DOMAIN and BAMBOOHR_API_KEY from the environment', () => {
    process.env.BAMBOOHR_COMPANY_DOMAIN = 'envco';
    process.env.BAMBOOHR_API_KEY = 'env-key-0123456789';
    try {
      const connection = createHrKit({ providers: [bamboohr()] }).connect('bamboohr');
      expect((connection.connector as unknown as { config: { companyDomain: string } }).config.companyDomain).toBe(
        'envco',
      );
    } finally {
      delete process.env.BAMBOOHR_COMPANY_DOMAIN;
      delete process.env.BAMBOOHR_API_KEY;
    }
  });

  it('builds the API root for the gateway form, a full root, and the newer host form', () => {
    expect(apiRootOf({ companyDomain: 'acme' })).toBe('https://api.bamboohr.com/api/gateway.php/acme');
    expect(apiRootOf({ companyDomain: 'acme', baseUrl: 'http://127.0.0.1:4000/' })).toBe(
      'http://127.0.0.1:4000/api/gateway.php/acme',
    );
    expect(apiRootOf({ companyDomain: 'acme', baseUrl: 'https://acme.bamboohr.com/api' })).toBe(
      'https://acme.bamboohr.com/api',
    );
    expect(apiRootOf({ companyDomain: 'acme', baseUrl: 'https://proxy.example/api/gateway.php/acme' })).toBe(
      'https://proxy.example/api/gateway.php/acme',
    );
  });
});
