import {
  type AttendanceRecord,
  type Compensation,
  type Employee,
  type EmploymentHistoryEntry,
  hrkitId,
} from '@hrkit/core';
import { addDays, SeededGenerator } from '@hrkit/sandbox-kit';
import { employeeRef } from './employees.js';
import { DEFAULT_AS_OF, type FixtureOptions } from './options.js';

interface PerEmployeeOptions extends FixtureOptions {
  employees: readonly Employee[];
}

/** One `job` row at hire and, for some, a later promotion row; the latest row is current. */
export function generateEmploymentHistory(options: PerEmployeeOptions): EmploymentHistoryEntry[] {
  const random = new SeededGenerator(options.seed ?? 1).fork('history');
  return options.employees.flatMap((employee) => {
    const hired = employee.hireDate ?? '2020-01-01';
    const promoted = random.chance(0.4) ? random.date(addDays(hired, 30), addDays(hired, 700)) : null;
    const row = (effectiveDate: string, endDate: string | null, jobTitle: string | null, reason: string) => ({
      id: hrkitId(employee.provider, `job:${employee.remoteId}:${effectiveDate}`),
      provider: employee.provider,
      remoteId: `job:${employee.remoteId}:${effectiveDate}`,
      employee: employeeRef(employee),
      table: 'job',
      kind: 'job' as const,
      effectiveDate,
      endDate,
      isCurrent: endDate === null,
      jobTitle,
      department: employee.department,
      workLocation: employee.workLocation,
      manager: employee.manager,
      employmentType: employee.employmentType,
      employmentStatus: null,
      weeklyHours: employee.weeklyHours,
      reason,
      comment: null,
    });
    if (!promoted) return [row(hired, null, employee.jobTitle, 'Hired')];
    return [
      row(hired, addDays(promoted, -1), employee.jobTitle ? `Junior ${employee.jobTitle}` : null, 'Hired'),
      row(promoted, null, employee.jobTitle, 'Promotion'),
    ];
  });
}

/** A current yearly salary per employee (EUR or USD by location). Pay is sensitive: only for tests. */
export function generateCompensation(options: PerEmployeeOptions): Compensation[] {
  const random = new SeededGenerator(options.seed ?? 1).fork('compensation');
  return options.employees.map((employee) => ({
    id: hrkitId(employee.provider, `salary:${employee.remoteId}`),
    provider: employee.provider,
    remoteId: `salary:${employee.remoteId}`,
    employee: employeeRef(employee),
    amount: random.int(40, 140) * 1_000,
    currency: employee.workLocation?.timeZone?.startsWith('America/') ? 'USD' : 'EUR',
    payPeriod: { value: 'year', source: { field: 'period', value: 'annual', label: null } },
    payFrequency: { value: 'monthly', source: null },
    payType: { value: 'salary', source: null },
    flsaStatus: null,
    effectiveDate: employee.hireDate,
    endDate: null,
    isCurrent: true,
    changeReason: null,
  }));
}

/** Clock-in/out pairs for each active employee on each weekday of [from, to]. */
export function generateAttendance(options: PerEmployeeOptions & { from?: string; to?: string }): AttendanceRecord[] {
  const random = new SeededGenerator(options.seed ?? 1).fork('attendance');
  const from = options.from ?? addDays(DEFAULT_AS_OF, -6);
  const to = options.to ?? DEFAULT_AS_OF;
  const records: AttendanceRecord[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (const employee of options.employees) {
      if (employee.employmentStatus.value !== 'active') continue;
      const start = random.int(7 * 60, 10 * 60);
      const worked = random.int(6 * 60, 9 * 60);
      const clock = (minutes: number) =>
        `${date}T${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
      const timeZone = employee.workLocation?.timeZone ?? null;
      records.push({
        id: hrkitId(employee.provider, `att:${employee.remoteId}:${date}`),
        provider: employee.provider,
        remoteId: `att:${employee.remoteId}:${date}`,
        employee: employeeRef(employee),
        date,
        clockIn: { local: clock(start), timeZone, instant: null },
        clockOut: { local: clock(Math.min(start + worked, 23 * 60 + 59)), timeZone, instant: null },
        workedMinutes: Math.min(worked, 23 * 60 + 59 - start),
        kind: { value: 'work', source: null },
        origin: 'clock',
      });
    }
  }
  return records;
}
