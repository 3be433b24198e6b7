import { type Employee, type EmployeeRef, type EmploymentStatusValue, hrkitId } from '@hrkit/core';
import { addDays, SeededGenerator } from '@hrkit/sandbox-kit';
import { DEFAULT_AS_OF, DEFAULT_PROVIDER, type FixtureOptions } from './options.js';

export interface EmployeeFixtureOptions extends FixtureOptions {
  /** Default 10. */
  count?: number;
  /** Share of leavers (status `terminated`, with a termination date). Default 0.15. */
  leaverShare?: number;
  /** Dates are drawn before this day. Default 2026-03-02. */
  asOf?: string;
}

const DEPARTMENTS = ['Engineering', 'Sales', 'People', 'Finance', 'Support'] as const;
const TITLES = ['Engineer', 'Account Executive', 'HR Partner', 'Accountant', 'Support Specialist'] as const;
const LOCATIONS = [
  { id: 'ber', name: 'Berlin', timeZone: 'Europe/Berlin' },
  { id: 'lis', name: 'Lisbon', timeZone: 'Europe/Lisbon' },
  { id: 'nyc', name: 'New York', timeZone: 'America/New_York' },
] as const;

/**
 * Valid normalized employees from a seed: unique numeric remote ids, a manager chain (everyone reports to an
 * earlier employee), realistic names, dates before `asOf`, and a share of leavers. Each record passes `Employee`.
 */
export function generateEmployees(options: EmployeeFixtureOptions = {}): Employee[] {
  const provider = options.provider ?? DEFAULT_PROVIDER;
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const random = new SeededGenerator(options.seed ?? 1).fork('employees');
  const employees: Employee[] = [];
  for (let index = 0; index < (options.count ?? 10); index++) {
    const remoteId = String(10_000 + index);
    const first = random.firstName();
    const last = random.lastName();
    const department = random.int(0, DEPARTMENTS.length - 1);
    const location = random.pick(LOCATIONS);
    const hireDate = random.date(addDays(asOf, -3_000), addDays(asOf, -30));
    const leaver = index > 0 && random.chance(options.leaverShare ?? 0.15);
    const terminationDate = leaver ? random.date(addDays(hireDate, 1), addDays(asOf, -1)) : null;
    const status: EmploymentStatusValue = leaver ? 'terminated' : 'active';
    const managerOf = index === 0 ? undefined : employees[random.int(0, index - 1)];
    employees.push({
      id: hrkitId(provider, remoteId),
      provider,
      remoteId,
      employeeNumber: String(index + 1).padStart(4, '0'),
      name: { first, middle: null, last, display: `${first} ${last}`, preferred: null },
      emails: { work: random.email(first, last, 'example.com', index), personal: null },
      phones: [],
      jobTitle: TITLES[department] ?? null,
      department: { id: `dep-${department}`, name: DEPARTMENTS[department] ?? 'Other' },
      workLocation: { ...location, arrangement: random.pick(['office', 'remote', 'hybrid'] as const), address: null },
      legalEntity: null,
      manager: managerOf ? employeeRef(managerOf) : null,
      hireDate,
      startDate: hireDate,
      terminationDate,
      employmentStatus: {
        value: status,
        source: { field: 'status', value: status, label: null },
        effectiveDate: terminationDate ?? hireDate,
      },
      employmentType: {
        workerKind: { value: 'employee', source: null },
        schedule: random.chance(0.8)
          ? { value: 'full_time', source: { field: 'contract', value: 'FT', label: 'Full-time' } }
          : { value: 'part_time', source: { field: 'contract', value: 'PT', label: 'Part-time' } },
        customerCategory: null,
        unmapped: [],
      },
      weeklyHours: null,
      personal: { dateOfBirth: null, gender: null, nationalities: [], maritalStatus: null, homeAddress: null },
      customFields: {},
      updatedAt: `${asOf}T00:00:00.000Z`,
    });
  }
  return employees;
}

/** The reference other records use to point at an employee. */
export function employeeRef(employee: Pick<Employee, 'id' | 'remoteId' | 'name'>): EmployeeRef {
  return { id: employee.id, remoteId: employee.remoteId, displayName: employee.name.display };
}
