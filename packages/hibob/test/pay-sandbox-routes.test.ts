import { describe, expect, it } from 'vitest';
import { generatePayData, type PayAccess, type PayRoute, payRoutes } from '../src/sandbox/pay/index.js';

const ids = ['101', '102', '103', '104'];
const data = generatePayData({ seed: 4, employeeIds: ids, payrollHiddenIds: ['104'], today: '2026-11-20' });
const routes = payRoutes(data);
const route = (name: string) => routes.find((candidate) => candidate.name === name) as PayRoute;
const call = (name: string, access: PayAccess, query = '', params: Record<string, string> = {}, body?: unknown) =>
  route(name).handler(
    { method: 'GET', path: '/', params, query: new URLSearchParams(query), json: () => body },
    access,
  );

describe('pay sandbox routes', () => {
  const everyone: PayAccess = { payroll: true, attendance: true };
  const narrow: PayAccess = { payroll: true, attendance: true, audience: new Set(['101', '102', '104']) };

  it('generates the same data for the same seed, and different data for another seed', () => {
    const again = generatePayData({ seed: 4, employeeIds: ids, payrollHiddenIds: ['104'], today: '2026-11-20' });
    const other = generatePayData({ seed: 5, employeeIds: ids, payrollHiddenIds: ['104'], today: '2026-11-20' });
    expect(JSON.stringify(ids.map((id) => again.salaryRows(id)))).toBe(
      JSON.stringify(ids.map((id) => data.salaryRows(id))),
    );
    expect(JSON.stringify(ids.map((id) => other.salaryRows(id)))).not.toBe(
      JSON.stringify(ids.map((id) => data.salaryRows(id))),
    );
    expect(again.attendanceOn('101', '2026-11-18')).toEqual(data.attendanceOn('101', '2026-11-18'));
  });

  it('bulk: payroll-hidden employees are errors; audience outsiders are absent company-wide and errors when asked for', () => {
    const all = call('hibob.salaries.bulk', everyone).json as { results: { employeeId: string }[]; errors: unknown[] };
    expect(all.results.map((result) => result.employeeId)).toEqual(['101', '102', '103']);
    expect(all.errors).toEqual([{ employeeId: '104', code: 'MISSING_PERMISSION', message: expect.any(String) }]);

    const scoped = call('hibob.salaries.bulk', narrow).json as { results: { employeeId: string }[]; errors: unknown[] };
    expect(scoped.results.map((result) => result.employeeId)).toEqual(['101', '102']);

    const asked = call('hibob.salaries.bulk', narrow, 'employeeIds=101,103').json as {
      results: { employeeId: string }[];
      errors: { employeeId: string }[];
    };
    expect(asked.results.map((result) => result.employeeId)).toEqual(['101']);
    expect(asked.errors.map((error) => error.employeeId)).toEqual(['103']);
  });

  it('per employee: 403 for hidden payroll and audience outsiders, 404 for unknown ids, 403 without the permission', () => {
    expect(call('hibob.salaries.employee', everyone, '', { id: '101' }).status).toBe(200);
    expect(call('hibob.salaries.employee', everyone, '', { id: '104' }).status).toBe(403);
    expect(call('hibob.salaries.employee', narrow, '', { id: '103' }).status).toBe(403);
    expect(call('hibob.salaries.employee', everyone, '', { id: '999' }).status).toBe(404);
    expect(call('hibob.salaries.employee', { payroll: false, attendance: true }, '', { id: '101' }).status).toBe(403);
  });

  it('bulk validates limit and the number of ids', () => {
    expect(call('hibob.salaries.bulk', everyone, 'limit=201').status).toBe(400);
    expect(call('hibob.salaries.bulk', everyone, 'limit=0').status).toBe(400);
    const many = Array.from({ length: 201 }, (_, i) => String(i)).join(',');
    expect(call('hibob.salaries.bulk', everyone, `employeeIds=${many}`).status).toBe(400);
  });
});
