import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drain, sandboxFixture, TODAY } from './helpers.js';

describe('BambooHR adapter: time off against the sandbox', () => {
  let fixture: Awaited<ReturnType<typeof sandboxFixture>>;
  const window = { from: '2025-11-01', to: '2026-06-30' };
  beforeAll(async () => {
    fixture = await sandboxFixture();
  });
  afterAll(() => fixture.sandbox.close());

  it('reads requests by date range; pending ones only with includePending', async () => {
    const connection = fixture.connect();
    const withPending = await drain(connection.timeOff.requests({ ...window, includePending: true }));
    const without = await drain(connection.timeOff.requests(window));
    expect(withPending.some((r) => r.status.value === 'requested')).toBe(true);
    expect(without.some((r) => r.status.value === 'requested')).toBe(false);
    expect(withPending.length - without.length).toBe(withPending.filter((r) => r.status.value === 'requested').length);
    for (const request of withPending)
      expect(request.start.date <= window.to && (request.end?.date ?? '') >= window.from).toBe(true);
  });

  it('keeps units and per-day amounts as given, in hours and in days', async () => {
    const requests = await drain(fixture.connect().timeOff.requests({ ...window, includePending: true }));
    const hours = requests.find((r) => r.unit === 'hours')!;
    const days = requests.find((r) => r.unit === 'days')!;
    const truth = fixture.sandbox.company.requests.get(hours.remoteId)!;
    expect(hours.days.map((d) => [d.date, d.amount])).toEqual(Object.entries(truth.dates));
    expect(hours.amount).toBe(Object.values(truth.dates).reduce((a, b) => a + b, 0));
    expect(days.days.every((d) => d.unit === 'days' && (d.amount === 0 || d.amount === 0.5 || d.amount === 1))).toBe(
      true,
    );
  });

  it('maps superceded requests and links the replacement through the edit chain', async () => {
    const { control } = fixture.sandbox;
    const employee = [...fixture.sandbox.company.employees.values()][1]!;
    const original = control.createTimeOffRequest({
      employeeId: employee.id,
      typeId: '78',
      start: '2026-04-06',
      end: '2026-04-07',
    });
    const replacement = control.createTimeOffRequest({
      employeeId: employee.id,
      typeId: '78',
      start: '2026-04-06',
      end: '2026-04-08',
      status: 'approved',
      previousRequest: original.id,
    });
    const connection = fixture.connect();
    const old = await connection.timeOff.request(employee.id, original.id);
    expect(old.status).toEqual({
      value: 'cancelled',
      source: { field: 'status.status', value: 'superceded', label: null },
    });
    const current = await connection.timeOff.request(employee.id, replacement.id);
    expect(current.editChain.previousRequestId).toBe(`bamboohr:${original.id}`);
    expect(current.amount).toBe(24);
  });

  it('follows approve, deny and cancel made through the control API', async () => {
    const { control } = fixture.sandbox;
    const employee = [...fixture.sandbox.company.employees.values()][2]!;
    const connection = fixture.connect();
    const a = control.createTimeOffRequest({
      employeeId: employee.id,
      typeId: '77',
      start: '2026-05-04',
      end: '2026-05-05',
    });
    const b = control.createTimeOffRequest({
      employeeId: employee.id,
      typeId: '79',
      start: '2026-05-11',
      end: '2026-05-11',
    });
    const c = control.createTimeOffRequest({
      employeeId: employee.id,
      typeId: '79',
      start: '2026-05-18',
      end: '2026-05-18',
    });
    expect((await connection.timeOff.request(employee.id, a.id)).status.value).toBe('requested');
    control.approve(a.id);
    control.deny(b.id);
    control.cancel(c.id);
    const statuses = await Promise.all([a, b, c].map((r) => connection.timeOff.request(employee.id, r.id)));
    expect(statuses.map((r) => r.status.value)).toEqual(['approved', 'declined', 'cancelled']);
    expect(statuses[0]?.unit).toBe('days');
    expect(statuses[0]?.amount).toBe(2);
  });

  it("who's out: approved leave only, enriched with type and amount; holidays left out", async () => {
    const connection = fixture.connect();
    const absences = await drain(connection.timeOff.whosOut(window));
    expect(absences.length).toBeGreaterThan(0);
    for (const absence of absences) {
      const truth = fixture.sandbox.company.requests.get(absence.requestId!.split(':')[1]!)!;
      expect(truth.status).toBe('approved');
      expect(absence.unit).toBe(truth.unit);
      expect(absence.policy.id).toBe(truth.typeId);
    }
    const employee = [...fixture.sandbox.company.employees.values()][4]!;
    const away = fixture.sandbox.control.createTimeOffRequest({
      employeeId: employee.id,
      typeId: '79',
      start: TODAY,
      end: TODAY,
      status: 'approved',
    });
    const today = await drain(connection.timeOff.outToday());
    expect(today.map((a) => a.requestId)).toContain(`bamboohr:${away.id}`);
    for (const absence of today) expect(absence.start.date <= TODAY && (absence.end?.date ?? '') >= TODAY).toBe(true);
  });

  it('balances from the calculator, in each type’s own unit, for current employees by default', async () => {
    const connection = fixture.connect();
    const balances = await drain(connection.timeOff.balances({ asOf: '2026-03-31' }));
    const employees = new Set(balances.map((b) => b.employee.remoteId));
    expect([...employees].sort()).toEqual(
      fixture.sandbox.expected.employeeRemoteIds({ includeInactive: false }).sort(),
    );
    const vacation = balances.find((b) => b.policy.name === 'Vacation')!;
    expect(vacation).toMatchObject({ unit: 'hours', asOf: '2026-03-31', policy: { id: '78', typeName: 'accruing' } });
    expect(balances.find((b) => b.policy.name === 'Bereavement')?.unit).toBe('days');
    const one = await drain(
      connection.timeOff.balances({ employeeIds: [vacation.employee.remoteId], policies: ['Sick'] }),
    );
    expect(one.map((b) => b.policy.name)).toEqual(['Sick']);
  });

  it('policies are the time-off types, with units and accrual kinds', async () => {
    const policies = await drain(fixture.connect().timeOff.policies());
    expect(policies.map((p) => [p.remoteId, p.name, p.unit, p.type.value, p.typeName])).toEqual([
      ['78', 'Vacation', 'hours', 'vacation', 'accruing'],
      ['79', 'Sick', 'hours', 'sick', 'accruing'],
      ['77', 'Bereavement', 'days', 'bereavement', 'discretionary'],
      ['80', 'Parental Leave', 'days', 'parental', 'manual'],
      ['81', 'Comp/In Lieu Time', 'hours', 'in_lieu', 'manual'],
    ]);
  });
});

describe('BambooHR adapter: compensation from the compensation table', () => {
  it('is refused without the opt-in, then maps amounts, periods and FLSA as given', async () => {
    const fixture = await sandboxFixture();
    try {
      const connection = fixture.connect();
      expect(() => connection.compensation.list()).toThrow(/includeCompensation/);
      const rows = await drain(connection.compensation.list({ includeCompensation: true }));
      expect(rows).toHaveLength(
        [...fixture.sandbox.company.employees.values()].reduce((n, e) => n + e.compensation.length, 0),
      );
      const employee = [...fixture.sandbox.company.employees.values()].find(
        (e) => e.compensation[0]?.type === 'Hourly',
      )!;
      const truth = employee.compensation[0]!;
      const row = rows.find((r) => r.employee.remoteId === employee.id)!;
      expect(row).toMatchObject({
        remoteId: `compensation:${truth.id}`,
        amount: Number(truth.rate.value),
        currency: truth.rate.currency,
        payPeriod: { value: 'hour', source: { field: 'paidPer', value: 'Hour', label: null } },
        payType: { value: 'hourly' },
        payFrequency: { value: 'semimonthly', source: { value: 'Twice a month' } },
        flsaStatus: { value: 'nonexempt' },
        effectiveDate: truth.startDate,
        isCurrent: true,
        sourceTable: 'compensation',
      });
      const restricted = fixture.connect(fixture.sandbox.restrictedConnection().config);
      const report = await restricted.check();
      expect(report.checks.find((c) => c.id === 'compensation')?.status).toBe('missing');
      // Amounts never reach the logs.
      expect(fixture.logger.text()).not.toContain(truth.rate.value);
    } finally {
      await fixture.sandbox.close();
    }
  });
});

describe('BambooHR adapter: time-off request changes (day granularity)', () => {
  it('returns requests whose status changed or that were created since the day of `since`', async () => {
    const fixture = await sandboxFixture();
    try {
      const employee = [...fixture.sandbox.company.employees.values()][1]!;
      const fresh = fixture.sandbox.control.createTimeOffRequest({
        employeeId: employee.id,
        typeId: '78',
        start: '2026-07-06',
        end: '2026-07-07',
      });
      const old = [...fixture.sandbox.company.requests.values()].find(
        (r) => r.lastChanged < '2026-02-01' && r.status === 'approved',
      )!;
      fixture.sandbox.control.cancel(old.id);
      const connection = fixture.connect();
      const since = '2026-03-02T00:00:00.000Z';
      const changed = await drain(connection.timeOff.requestChanges({ since, includePending: true }));
      const ids = changed.map((r) => r.remoteId);
      expect(ids).toContain(fresh.id);
      expect(ids).toContain(old.id);
      expect(changed.find((r) => r.remoteId === old.id)?.status.value).toBe('cancelled');
      const truth = [...fixture.sandbox.company.requests.values()]
        .filter((r) => r.lastChanged >= '2026-03-02')
        .map((r) => r.id);
      expect(ids.sort()).toEqual(truth.sort());
      const approvedOnly = await drain(connection.timeOff.requestChanges({ since }));
      expect(approvedOnly.map((r) => r.remoteId)).not.toContain(fresh.id);
    } finally {
      await fixture.sandbox.close();
    }
  });
});
