import {
  Absence,
  AttendanceRecord,
  Compensation,
  Employee,
  EmploymentHistoryEntry,
  TimeOffBalance,
  TimeOffPolicy,
  TimeOffRequest,
} from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { generateCompany, generateEmployees, generateTimeOffRequests } from '../src/index.js';

describe('fixture generators', () => {
  it('produce records that pass the strict model, for several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const company = generateCompany({ seed, count: 40, provider: 'acme' });
      const families = [
        [Employee, company.employees],
        [EmploymentHistoryEntry, company.employmentHistory],
        [TimeOffPolicy, company.timeOffPolicies],
        [TimeOffRequest, company.timeOffRequests],
        [Absence, company.absences],
        [TimeOffBalance, company.timeOffBalances],
        [Compensation, company.compensation],
        [AttendanceRecord, company.attendance],
      ] as const;
      for (const [schema, records] of families) {
        expect(records.length).toBeGreaterThan(0);
        for (const record of records) expect(() => schema.parse(record)).not.toThrow();
      }
    }
  });

  it('are deterministic for a seed and differ between seeds', () => {
    expect(generateCompany({ seed: 9, count: 15 })).toEqual(generateCompany({ seed: 9, count: 15 }));
    expect(generateEmployees({ seed: 9 })).not.toEqual(generateEmployees({ seed: 10 }));
  });

  it('keep references consistent: unique ids, managers and leave point at generated employees', () => {
    const company = generateCompany({ seed: 4, count: 30, provider: 'personio' });
    const ids = new Set(company.employees.map((employee) => employee.id));
    expect(ids.size).toBe(30);
    expect(company.employees.every((employee) => employee.id.startsWith('personio:'))).toBe(true);
    for (const employee of company.employees) if (employee.manager) expect(ids.has(employee.manager.id)).toBe(true);
    for (const request of company.timeOffRequests) expect(ids.has(request.employee.id)).toBe(true);
    expect(new Set(company.timeOffRequests.map((request) => request.id)).size).toBe(company.timeOffRequests.length);
    const leavers = company.employees.filter((employee) => employee.employmentStatus.value === 'terminated');
    expect(leavers.length).toBeGreaterThan(0);
    for (const leaver of leavers) expect(leaver.terminationDate! >= leaver.hireDate!).toBe(true);
  });

  it('keep time-off requests inside the asked window', () => {
    const employees = generateEmployees({ seed: 2, count: 20 });
    const requests = generateTimeOffRequests({ seed: 2, employees, from: '2026-05-01', to: '2026-05-31' });
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(request.start.date >= '2026-05-01' && request.start.date <= '2026-05-31').toBe(true);
      expect(request.end!.date >= request.start.date).toBe(true);
    }
  });
});
