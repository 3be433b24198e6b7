import type { Employee } from '@hrkit/core';
import { generateCompany, generateEmployees } from '@hrkit/testkit';
import { expect, it } from 'vitest';

// #region fixtures
/** Consumer code under test: who is out on a given day, by department. */
function outByDepartment(company: ReturnType<typeof generateCompany>, day: string): Map<string, number> {
  const departmentOf = new Map(company.employees.map((employee) => [employee.id, employee.department?.name]));
  const counts = new Map<string, number>();
  for (const absence of company.absences) {
    if (absence.start.date > day || (absence.end?.date ?? absence.start.date) < day) continue;
    const department = departmentOf.get(absence.employee.id) ?? 'none';
    counts.set(department, (counts.get(department) ?? 0) + 1);
  }
  return counts;
}

it('counts absences per department (seeded fixtures: same seed, same company)', () => {
  const company = generateCompany({ seed: 42, count: 200, provider: 'acme', asOf: '2026-03-02' });
  const counts = outByDepartment(company, '2026-03-02');
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  expect(total).toBeGreaterThan(0);
  expect(total).toBe(
    company.absences.filter((a) => a.start.date <= '2026-03-02' && a.end!.date >= '2026-03-02').length,
  );
  expect(
    outByDepartment(generateCompany({ seed: 42, count: 200, provider: 'acme', asOf: '2026-03-02' }), '2026-03-02'),
  ).toEqual(counts);
});
// #endregion fixtures

it('generated employees are valid records of the provider you name', () => {
  const employees: Employee[] = generateEmployees({ seed: 1, count: 5, provider: 'acme' });
  expect(employees.map((employee) => employee.id.startsWith('acme:'))).toEqual([true, true, true, true, true]);
});
