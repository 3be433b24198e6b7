import { PermissionError } from '@hrkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCompensation, type PayPermissionIssue, PayPermissionError } from '../src/internal.js';
import { type PaySandbox, startPaySandbox } from '../src/sandbox/pay/index.js';
import { collect, collectUntilError, filtersOf, payContext } from './pay-helpers.js';

describe('compensation against the pay sandbox (450 employees, 3 with hidden payroll)', () => {
  let sandbox: PaySandbox;
  beforeAll(async () => {
    sandbox = await startPaySandbox({ seed: 7, employees: 450, payrollHidden: 3 });
  });
  afterAll(() => sandbox.close());

  const hiddenIds = () => [...sandbox.data.payrollHidden].sort();
  const bulkHits = () => sandbox.hits.filter((hit) => hit.route === 'hibob.salaries.bulk');

  it('reads every readable salary row exactly once over 3 bulk pages, with identical filters on each page', async () => {
    sandbox.hits.length = 0;
    const issues: PayPermissionIssue[] = [];
    const rows = await collect(
      listCompensation(payContext(sandbox), { onPermissionIssue: (issue) => issues.push(issue) }),
    );
    const ids = rows.map((row) => row.remoteId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...sandbox.data.readableSalaryRowIds()].sort());
    expect(bulkHits()).toHaveLength(3);
    expect(bulkHits().every((hit) => hit.status === 200)).toBe(true);
    const [first, ...rest] = bulkHits().map((hit) => filtersOf(hit.query));
    expect(first).toEqual({ includeArchived: ['false'], limit: ['200'] });
    for (const filters of rest) expect(filters).toEqual(first);
    expect(
      bulkHits()
        .slice(1)
        .every((hit) => new URLSearchParams(hit.query).has('cursor')),
    ).toBe(true);
    expect(issues.map((issue) => issue.employeeRemoteId).sort()).toEqual(hiddenIds());
    expect(issues.every((issue) => issue.code === 'MISSING_PERMISSION' && issue.source === 'bulk salaries')).toBe(true);
  });

  it('orders each employee history by effective date although the sandbox serves it shuffled', async () => {
    const rows = await collect(listCompensation(payContext(sandbox), { failOnPermissionIssues: false }));
    const byEmployee = new Map<string, typeof rows>();
    for (const row of rows)
      byEmployee.set(row.employee.remoteId, [...(byEmployee.get(row.employee.remoteId) ?? []), row]);
    let shuffledSomewhere = false;
    for (const [employeeId, history] of byEmployee) {
      const dates = history.map((row) => row.effectiveDate as string);
      expect(dates).toEqual([...dates].sort());
      expect(history.filter((row) => row.isCurrent)).toHaveLength(1);
      expect(history.at(-1)?.isCurrent).toBe(true);
      for (const [k, row] of history.slice(0, -1).entries()) {
        const next = history[k + 1]?.effectiveDate as string;
        expect(Date.parse(row.endDate as string)).toBe(Date.parse(next) - 86_400_000);
      }
      const served = sandbox.data.salaryRows(employeeId).map((row) => row.effectiveDate);
      if (served.join() !== dates.join()) shuffledSomewhere = true;
    }
    // Guard: if the sandbox ever served sorted histories this test would prove nothing.
    expect(shuffledSomewhere).toBe(true);
  });

  it('maps HiBob values without converting them', async () => {
    const [row] = await collect(
      listCompensation(payContext(sandbox), { employeeIds: [sandbox.data.employeeIds[0] as string] }),
    );
    const served = sandbox.data
      .salaryRows(sandbox.data.employeeIds[0] as string)
      .find((r) => `${r.employeeId}:${r.id}` === row?.remoteId);
    expect(row?.amount).toBe(served?.base.value);
    expect(row?.currency).toBe(served?.base.currency);
    expect(row?.payPeriod.source).toEqual({ field: 'payPeriod', value: served?.payPeriod, label: null });
    expect(row?.payPeriod.value).toBe(served?.payPeriod === 'Hourly' ? 'hour' : 'year');
    expect(row?.payType.value).toBe(served?.payPeriod === 'Hourly' ? 'hourly' : 'salary');
    expect(row?.sourceTable).toBe('salaries');
    expect(row?.raw).toBeUndefined();
  });

  it('by default yields every readable row, then throws a PayPermissionError naming the unreadable employees', async () => {
    const { items, error } = await collectUntilError(listCompensation(payContext(sandbox)));
    expect(items).toHaveLength(sandbox.data.readableSalaryRowIds().length);
    expect(error).toBeInstanceOf(PayPermissionError);
    const failure = error as PayPermissionError;
    expect(failure.issues.map((issue) => issue.employeeRemoteId).sort()).toEqual(hiddenIds());
    expect(failure.permission).toMatch(/People's Data › Payroll › View/);
    for (const id of hiddenIds()) expect(failure.message).toContain(id);
  });

  it('reads a handful of employees with one GET each and reports a hidden one', async () => {
    sandbox.hits.length = 0;
    const visible = sandbox.data.employeeIds.slice(0, 2) as string[];
    const hidden = hiddenIds()[0] as string;
    const issues: PayPermissionIssue[] = [];
    const rows = await collect(
      listCompensation(payContext(sandbox), {
        employeeIds: [...visible, hidden],
        onPermissionIssue: (issue) => issues.push(issue),
      }),
    );
    expect(sandbox.hits.map((hit) => hit.route)).toEqual(Array(3).fill('hibob.salaries.employee'));
    expect(new Set(rows.map((row) => row.employee.remoteId))).toEqual(new Set(visible));
    expect(issues).toEqual([
      { employeeRemoteId: hidden, code: 'FORBIDDEN', message: null, source: 'employee salaries' },
    ]);
  });

  it('splits more than 200 employee ids into bulk calls of at most 200, each paged with the same filters', async () => {
    sandbox.hits.length = 0;
    const wanted = sandbox.data.employeeIds.slice(0, 250) as string[];
    const rows = await collect(listCompensation(payContext(sandbox), { employeeIds: wanted }));
    expect(new Set(rows.map((row) => row.employee.remoteId))).toEqual(new Set(wanted));
    const sent = bulkHits().map((hit) => filtersOf(hit.query).employeeIds?.[0]?.split(',') ?? []);
    expect(sent.map((ids) => ids.length)).toEqual([200, 50]);
    expect(sent.flat()).toEqual(wanted);
  });

  it('reads only the legacy payroll history when asked to', async () => {
    sandbox.hits.length = 0;
    const wanted = sandbox.data.employeeIds.slice(10, 20) as string[];
    const rows = await collect(
      listCompensation(payContext(sandbox), { employeeIds: wanted, source: 'payrollHistory' }),
    );
    expect(sandbox.hits.map((hit) => hit.route)).toEqual(['hibob.payroll.history']);
    expect(new Set(rows.map((row) => row.employee.remoteId))).toEqual(new Set(wanted));
    expect(rows.every((row) => row.sourceTable === 'payroll.history')).toBe(true);
  });

  it('the sandbox refuses a cursor sent with other filters (so the identical-filters assertion can fail)', async () => {
    const { http } = payContext(sandbox);
    const first = await http.get<{ response_metadata: { next_cursor: string } }>('/v1/bulk/people/salaries', {
      searchParams: { limit: 200 },
    });
    const cursor = first.body.response_metadata.next_cursor;
    await expect(http.get('/v1/bulk/people/salaries', { searchParams: { limit: 100, cursor } })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('refuses the whole read with the Payroll permission named when the service user lacks it', async () => {
    const { items, error } = await collectUntilError(listCompensation(payContext(sandbox, sandbox.restricted)));
    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(PermissionError);
    expect((error as PermissionError).permission).toMatch(/Payroll/);
    expect((error as PermissionError).status).toBe(403);
  });

  it('never writes an amount or a credential to the log or to errors', async () => {
    const context = payContext(sandbox);
    const { items, error } = await collectUntilError(listCompensation(context));
    expect(items.length).toBeGreaterThan(0);
    const text = `${context.logger.text()}\n${String((error as Error).message)}\n${JSON.stringify(error)}`;
    expect(context.logger.lines.some((line) => line.level === 'warn')).toBe(true);
    const amounts = new Set(
      sandbox.data.employeeIds.flatMap((id) => sandbox.data.salaryRows(id).map((row) => String(row.base.value))),
    );
    // Whole numbers only: employee ids are long digit strings that contain short amounts as substrings.
    const leaked = [...amounts].filter((amount) =>
      new RegExp(`(?<![\\d.])${amount.replace('.', '\\.')}(?![\\d])`).test(text),
    );
    expect(amounts.size).toBeGreaterThan(100);
    expect(leaked).toEqual([]);
    expect(text).not.toContain(sandbox.full.token);
  });
});

describe('compensation where the bulk endpoint is missing', () => {
  let sandbox: PaySandbox;
  beforeAll(async () => {
    sandbox = await startPaySandbox({ seed: 3, employees: 30, payrollHidden: 2, bulkSalaries: false });
  });
  afterAll(() => sandbox.close());

  it('falls back to the legacy payroll history and reads the same rows', async () => {
    sandbox.hits.length = 0;
    const context = payContext(sandbox);
    const rows = await collect(listCompensation(context, { failOnPermissionIssues: false }));
    expect(sandbox.hits.map((hit) => `${hit.route} ${hit.status}`)).toEqual([
      'hibob.salaries.bulk 404',
      'hibob.payroll.history 200',
    ]);
    expect(rows.map((row) => row.remoteId).sort()).toEqual([...sandbox.data.readableSalaryRowIds()].sort());
    expect(rows.every((row) => row.sourceTable === 'payroll.history')).toBe(true);
    expect(context.logger.lines.some((line) => line.message === 'hibob.compensation.fallback')).toBe(true);
  });

  it('reports requested employees the legacy endpoint left out', async () => {
    const visible = sandbox.data.employeeIds.slice(0, 6) as string[];
    const hidden = [...sandbox.data.payrollHidden];
    const { items, error } = await collectUntilError(
      listCompensation(payContext(sandbox), { employeeIds: [...visible, ...hidden] }),
    );
    expect(new Set(items.map((row) => row.employee.remoteId))).toEqual(new Set(visible));
    expect(error).toBeInstanceOf(PayPermissionError);
    expect((error as PayPermissionError).issues).toEqual(
      hidden.map((id) => ({ employeeRemoteId: id, code: 'NOT_RETURNED', message: null, source: 'payroll history' })),
    );
  });
});
