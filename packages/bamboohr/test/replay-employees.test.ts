import { Employee as EmployeeSchema, EmploymentHistoryEntry, EmploymentTypeRules } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import {
  fieldNamesOf,
  mapEmployee,
  mapHistoryRows,
  PeopleIndex,
  RawEmployeeRow,
  RawReport,
  RawTable,
  BAMBOOHR_EMPLOYMENT_TYPES,
} from '../src/internal.js';
import { recorded } from './fixtures.js';

const employmentTypes = EmploymentTypeRules.from(BAMBOOHR_EMPLOYMENT_TYPES);

function mapReport(name: string, today: string, includeSensitive = false) {
  const report = RawReport.parse(recorded(name).response.body);
  const people = new PeopleIndex('bamboohr', report.employees);
  const context = {
    provider: 'bamboohr',
    today,
    people,
    employmentTypes,
    fieldNames: fieldNamesOf(report.fields),
    includeSensitive,
  };
  return report.employees.map((row) => EmployeeSchema.parse(mapEmployee(row, context)));
}

describe('replaying the recorded custom report (JupiterOne, 2022, onlyCurrent=false)', () => {
  const employees = mapReport('reports-custom-onlyCurrent-false', '2022-02-15');
  const byId = (id: string) => employees.find((employee) => employee.remoteId === id)!;

  it('maps an active full-time employee with concrete values', () => {
    const charlotte = byId('4');
    expect(charlotte.id).toBe('bamboohr:4');
    expect(charlotte.employeeNumber).toBe('1');
    expect(charlotte.name).toEqual({
      first: 'Charlotte',
      middle: null,
      last: 'Abbott',
      display: 'Charlotte Abbott',
      preferred: null,
    });
    expect(charlotte.jobTitle).toBe('Sr. HR Administrator');
    expect(charlotte.department).toEqual({ id: null, name: 'Human Resources' });
    expect(charlotte.workLocation?.name).toBe('Lindon, Utah');
    expect(charlotte.hireDate).toBe('2020-12-30');
    expect(charlotte.terminationDate).toBeNull(); // "0000-00-00"
    expect(charlotte.employmentStatus).toEqual({
      value: 'active',
      source: { field: 'status', value: 'Active', label: null },
      effectiveDate: '2020-12-30',
    });
    expect(charlotte.employmentType.workerKind.value).toBe('employee');
    expect(charlotte.employmentType.schedule.value).toBe('full_time');
    expect(charlotte.employmentType.customerCategory).toEqual({
      label: 'Full-Time',
      value: 'Full-Time',
      field: { id: 'employmentHistoryStatus', name: 'Employment Status' },
    });
    expect(charlotte.phones.map((phone) => phone.kind)).toEqual(['work', 'mobile']);
    expect(charlotte.customFields.division?.value).toBe('North America');
  });

  it('keeps leavers with their termination date and a terminated status', () => {
    const catherine = byId('29');
    expect(catherine.employmentStatus.value).toBe('terminated');
    expect(catherine.employmentStatus.effectiveDate).toBe('2021-03-15');
    expect(catherine.terminationDate).toBe('2021-03-15');
    // "Terminated" is a lifecycle label: recognised, so not reported as unmapped, but the kind of work is unknown.
    expect(catherine.employmentType.workerKind.value).toBe('unknown');
    expect(catherine.employmentType.unmapped).toEqual([]);
    expect(catherine.employmentType.customerCategory?.label).toBe('Terminated');
  });

  it('keeps employment type apart from status for part-timers, contractors and interns', () => {
    const kinds = Object.fromEntries(
      employees.map((e) => [e.remoteId, `${e.employmentType.workerKind.value}/${e.employmentType.schedule.value}`]),
    );
    expect(kinds['45']).toBe('employee/part_time');
    expect(kinds['61']).toBe('contractor/unknown');
    expect(byId('61').employmentStatus.value).toBe('active');
  });

  it('resolves "Last, First" supervisor names to employee refs when the person is in the report', () => {
    expect(byId('29').manager).toEqual({ id: 'bamboohr:4', remoteId: '4', displayName: 'Charlotte Abbott' });
    // Jennifer Caldwell is in the trimmed report; Adam Williams is not, so his report stays unresolved.
    expect(byId('4').manager?.remoteId).toBe('9');
    expect(byId('9').manager).toBeNull();
  });

  it('reads no sensitive data unless asked', () => {
    expect(byId('5').personal.gender).toBeNull();
    const sensitive = mapReport('reports-custom-onlyCurrent-false', '2022-02-15', true);
    expect(sensitive.find((e) => e.remoteId === '5')?.personal.gender).toBe('Female');
  });
});

describe('replaying the recorded HRIS-fields report (Nango, 2026)', () => {
  const employees = mapReport('reports-custom-hris-fields', '2026-06-01', true);
  const byId = (id: string) => employees.find((employee) => employee.remoteId === id)!;

  it('resolves supervisorId as the manager’s employee NUMBER, not id', () => {
    // Ashley Adams (id 5) reports to supervisorId "6" = Jennifer Caldwell, whose employee id is 9.
    expect(byId('5').manager).toEqual({ id: 'bamboohr:9', remoteId: '9', displayName: 'Jennifer Caldwell' });
  });

  it('reads sensitive fields, addresses and tolerates "" as an empty date', () => {
    const ashley = byId('5');
    expect(ashley.personal.dateOfBirth).toBe('1985-04-08');
    expect(ashley.personal.homeAddress).toEqual({
      line1: '335 S 560 W',
      line2: null,
      city: 'Lindon',
      region: 'Utah',
      postalCode: null,
      country: 'United States',
    });
    expect(ashley.terminationDate).toBeNull();
    expect(ashley.emails.work).toBe('aadams@efficientoffice.com');
  });

  it('treats a missing status with a Terminated employment row as a leaver', () => {
    const leaver = employees.find((e) => e.employmentType.customerCategory?.label === 'Terminated')!;
    expect(leaver.employmentStatus.value).toBe('terminated');
  });

  it('maps interns and leaves a blank employment status unknown without inventing one', () => {
    expect(byId('79').employmentType.workerKind.value).toBe('intern');
    const blank = employees.find((e) => e.employmentType.customerCategory === null)!;
    expect(blank.employmentType.workerKind).toEqual({ value: 'unknown', source: null });
  });
});

describe('replaying a recorded get-employee answer', () => {
  it('maps only the requested fields it got', () => {
    const row = RawEmployeeRow.parse(recorded('employee-get-fields').response.body);
    const employee = mapEmployee(row, {
      provider: 'bamboohr',
      today: '2026-06-01',
      people: new PeopleIndex('bamboohr', [row]),
      employmentTypes,
      fieldNames: new Map(),
    });
    expect(EmployeeSchema.parse(employee).name.display).toBe('Victor Nango');
    expect(employee.emails.work).toBe('api@nango.dev');
    expect(employee.employmentStatus.value).toBe('unknown');
  });
});

describe('replaying recorded jobInfo rows', () => {
  it('orders history, derives end dates and the current row, and resolves reportsTo by name', () => {
    const rows = RawTable.parse(recorded('tables-jobInfo-all').response.body);
    const people = new PeopleIndex('bamboohr', [
      { id: '9', firstName: 'Jennifer', lastName: 'Caldwell' },
      { id: '4', firstName: 'Charlotte', lastName: 'Abbott' },
    ]);
    const entries = mapHistoryRows(
      'jobInfo',
      rows.filter((row) => row.employeeId === '4'),
      { provider: 'bamboohr', today: '2026-06-01', people, employmentTypes },
    ).map((entry) => EmploymentHistoryEntry.parse(entry));
    expect(entries.map((e) => [e.effectiveDate, e.endDate, e.isCurrent, e.jobTitle])).toEqual([
      ['2023-03-03', '2024-03-01', false, 'Associate HR Administrator'],
      ['2024-03-02', '2025-03-02', false, 'HR Administrator'],
      ['2025-03-03', null, true, 'Sr. HR Administrator'],
    ]);
    expect(entries[0]?.remoteId).toBe('jobInfo:38563');
    expect(entries[0]?.id).toBe('bamboohr:jobInfo:38563');
    expect(entries[0]?.manager).toEqual({ id: 'bamboohr:9', remoteId: '9', displayName: 'Jennifer Caldwell' });
    expect(entries[0]?.employee.displayName).toBe('Charlotte Abbott');
  });
});

describe('unreadable report rows', () => {
  it('fail with InvalidProviderDataError naming the record and the field path', async () => {
    const { InvalidProviderDataError } = await import('@hrkit/core');
    const { readEmployeeRows } = await import('../src/internal.js');
    const rows = [
      { id: '4', firstName: 'Charlotte' },
      { id: 5, jobTitle: { name: 'nested' } },
    ];
    try {
      readEmployeeRows(rows, 'bamboohr', 'POST /v1/reports/custom');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidProviderDataError);
      expect((error as InstanceType<typeof InvalidProviderDataError>).path).toBe('employees[1].jobTitle');
      expect((error as InstanceType<typeof InvalidProviderDataError>).recordId).toBe('5');
    }
    expect(() => readEmployeeRows([{ firstName: 'no id' }], 'bamboohr', 'x')).toThrow(/record 0\): id: missing id/);
    expect(readEmployeeRows([{ id: 7, a: null }], 'bamboohr', 'x')[0]?.id).toBe('7');
  });
});

describe('replaying recorded pay fields through the compensation mapping', () => {
  it('reads "65000.00 USD" rates, Salary/Year/Exempt as given', async () => {
    const { mapCompensationRows, RawCompensationRow } = await import('../src/internal.js');
    const report = RawReport.parse(recorded('reports-custom-hris-fields').response.body);
    const charlotte = report.employees.find((row) => row.id === '4')!;
    const row = RawCompensationRow.parse({
      id: null,
      employeeId: charlotte.id,
      startDate: charlotte.hireDate,
      rate: charlotte.payRate,
      type: charlotte.payType,
      paidPer: charlotte.payPer,
      exempt: charlotte.exempt,
    });
    const [pay] = mapCompensationRows([row], {
      provider: 'bamboohr',
      today: '2026-06-01',
      people: new PeopleIndex('bamboohr'),
    });
    expect(pay).toMatchObject({
      amount: 65000,
      currency: 'USD',
      payPeriod: { value: 'year', source: { field: 'paidPer', value: 'Year', label: null } },
      payType: { value: 'salary' },
      flsaStatus: { value: 'exempt' },
      payFrequency: { value: 'unknown', source: null },
      effectiveDate: '2025-03-03',
      isCurrent: true,
    });
  });
});
