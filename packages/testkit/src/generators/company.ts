import type {
  Absence,
  AttendanceRecord,
  Compensation,
  Employee,
  EmploymentHistoryEntry,
  TimeOffBalance,
  TimeOffPolicy,
  TimeOffRequest,
} from '@hrkit/core';
import { type EmployeeFixtureOptions, generateEmployees } from './employees.js';
import { DEFAULT_AS_OF } from './options.js';
import { generateAttendance, generateCompensation, generateEmploymentHistory } from './records.js';
import { absencesOf, generateTimeOffBalances, generateTimeOffPolicies, generateTimeOffRequests } from './time-off.js';

/** A whole company whose records point at each other consistently. */
export interface CompanyFixture {
  employees: Employee[];
  employmentHistory: EmploymentHistoryEntry[];
  timeOffPolicies: TimeOffPolicy[];
  timeOffRequests: TimeOffRequest[];
  absences: Absence[];
  timeOffBalances: TimeOffBalance[];
  compensation: Compensation[];
  attendance: AttendanceRecord[];
}

/** Every record family for one seeded company; leave falls within ±90 days of `asOf`. */
export function generateCompany(options: EmployeeFixtureOptions = {}): CompanyFixture {
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const shared = { seed: options.seed ?? 1, ...(options.provider ? { provider: options.provider } : {}) };
  const employees = generateEmployees(options);
  const provider = employees[0]?.provider ?? options.provider;
  const at = (days: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const timeOffRequests = generateTimeOffRequests({ ...shared, employees, from: at(-90), to: at(90) });
  return {
    employees,
    employmentHistory: generateEmploymentHistory({ ...shared, employees }),
    timeOffPolicies: generateTimeOffPolicies({ ...shared, ...(provider ? { provider } : {}) }),
    timeOffRequests,
    absences: absencesOf(timeOffRequests),
    timeOffBalances: generateTimeOffBalances({ ...shared, employees, asOf }),
    compensation: generateCompensation({ ...shared, employees }),
    attendance: generateAttendance({ ...shared, employees, from: at(-6), to: asOf }),
  };
}
