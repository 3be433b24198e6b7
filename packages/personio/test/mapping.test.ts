import { Employee, EmploymentTypeRules, TimeOffRequest } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { personio } from '../src/index.js';
import {
  fromAbsencePeriod,
  fromTimeOff,
  PERSONIO_EMPLOYMENT_TYPES,
  RawPersonioAbsencePeriod,
  RawPersonioEmployee,
  RawPersonioTimeOff,
  toEmployee,
} from '../src/internal.js';

// Shapes as Personio documents and records them (docs/providers/personio.md): typed attributes, integer ids,
// local-midnight dates with an offset, a German category label, the supervisor's id two levels down.
const attribute = (label: string, value: unknown) => ({ label, value, type: 'standard', universal_id: null });
const raw = RawPersonioEmployee.parse({
  type: 'Employee',
  attributes: {
    id: attribute('ID', 1132888),
    first_name: attribute('First name', 'Alexander'),
    last_name: attribute('Last name', 'Bergmann'),
    status: attribute('Status', 'inactive'),
    employment_type: attribute('Employment type', 'external'),
    weekly_working_hours: attribute('Weekly hours', '20'),
    hire_date: attribute('Hire date', '2014-11-09T00:00:00+01:00'),
    termination_date: attribute('Termination date', '2024-04-01T00:00:00+02:00'),
    supervisor: attribute('Supervisor', { type: 'Employee', attributes: { id: attribute('ID', 2) } }),
    department: attribute('Department', { type: 'Department', attributes: { id: 281521, name: 'Customer Support' } }),
    dynamic_24407: attribute('Beschäftigungsart', 'Contractor'),
  },
});
const rules = EmploymentTypeRules.from(PERSONIO_EMPLOYMENT_TYPES);
const context = { employmentTypes: rules, categoryField: 'Beschaftigungsart' };

describe('toEmployee', () => {
  it('reads dates as written (no shift through UTC), ids as strings, the nested supervisor', () => {
    const employee = Employee.parse(toEmployee(raw, context));
    expect([employee.remoteId, employee.hireDate, employee.terminationDate]).toEqual([
      '1132888',
      '2014-11-09',
      '2024-04-01',
    ]);
    expect(employee.manager?.remoteId).toBe('2');
    expect(employee.department).toEqual({ id: '281521', name: 'Customer Support' });
    expect(employee.employmentStatus).toMatchObject({ value: 'terminated', effectiveDate: '2024-04-01' });
    expect(employee.weeklyHours).toBe(20);
  });

  it("finds the customer's category by its label (accents and case aside) and classifies it", () => {
    const { employmentType } = toEmployee(raw, context);
    expect(employmentType.customerCategory).toEqual({
      label: 'Contractor',
      value: 'Contractor',
      field: { id: 'dynamic_24407', name: 'Beschäftigungsart' },
    });
    expect(employmentType.workerKind.value).toBe('contractor');
  });

  it('falls back to employment_type, reports an unknown label, and guesses nothing when the attribute is absent', () => {
    const unknownLabel = { ...raw.attributes, dynamic_24407: attribute('Beschäftigungsart', 'Werkstudent') };
    const reported = toEmployee({ attributes: unknownLabel }, context).employmentType;
    expect(reported.unmapped).toEqual([{ field: 'dynamic_24407', value: 'Werkstudent', label: 'Werkstudent' }]);
    // The label is reported, not guessed; employment_type still says "not an employee".
    expect(reported.workerKind).toMatchObject({ value: 'other', source: { field: 'employment_type' } });
    const { dynamic_24407: _hidden, status: _status, ...whitelisted } = raw.attributes;
    const narrow = toEmployee({ attributes: { ...whitelisted, id: raw.attributes.id } }, context);
    expect(narrow.employmentType.customerCategory).toBeNull();
    expect(narrow.employmentType.workerKind.value).toBe('other'); // external, kind not said
    expect(narrow.employmentStatus).toEqual({ value: 'unknown', source: null, effectiveDate: '2014-11-09' });
  });

  it('weekly hours give the schedule only against a configured full-time week', () => {
    expect(toEmployee(raw, context).employmentType.schedule.value).toBe('unknown');
    expect(toEmployee(raw, { ...context, fullTimeWeeklyHours: 40 }).employmentType.schedule.value).toBe('part_time');
  });

  it('personio({ … }) options are validated when the kit is built', () => {
    expect(() => personio({ employmentTypeField: 3 as never })).toThrow(/plugin options/);
  });
});

const employeeRef = { type: 'Employee', attributes: { id: { label: 'id', value: 4567 } } };
const type = { type: 'TimeOffType', attributes: { id: 54321, name: 'Vacation', category: 'paid_vacation' } };

describe('fromTimeOff', () => {
  const base = {
    id: 12345,
    status: 'approved',
    start_date: '2017-12-27T00:00:00+0100',
    end_date: '2017-12-29T00:00:00+0100',
    days_count: 2,
    half_day_start: 1,
    half_day_end: 0,
    time_off_type: type,
    employee: employeeRef,
  };

  it('reads +0100 dates as written, 0/1 half-day flags as portions, and the v2 id when present', () => {
    const request = TimeOffRequest.parse(fromTimeOff(RawPersonioTimeOff.parse({ attributes: base })));
    expect(request.remoteId).toBe('12345');
    expect([request.start, request.end]).toEqual([
      { date: '2017-12-27', portion: 'afternoon', time: null },
      { date: '2017-12-29', portion: 'all_day', time: null },
    ]);
    expect(request.type.value).toBe('vacation');
    const v2 = fromTimeOff(RawPersonioTimeOff.parse({ attributes: { ...base, id_v2: 'b1f5…-uuid' } }));
    expect(v2.remoteId).toBe('b1f5…-uuid');
  });

  it('a single-day half day has an unknown portion (Personio does not say which half)', () => {
    const single = { ...base, end_date: base.start_date, days_count: 0.5, half_day_start: 0, half_day_end: 1 };
    const request = fromTimeOff(RawPersonioTimeOff.parse({ attributes: single }));
    expect([request.start.portion, request.end?.portion, request.amount]).toEqual([null, null, 0.5]);
  });
});

describe('fromAbsencePeriod', () => {
  it('keeps hours as hours (minutes / 60) and takes the local days from breakdowns, not the UTC date', () => {
    const raw = RawPersonioAbsencePeriod.parse({
      attributes: {
        id: '9f7b0f9e-uuid',
        status: 'approved',
        start: '2022-05-31T22:00:00.0Z',
        end: '2022-06-02T22:00:00.0Z',
        timezone: 'Europe/Berlin',
        effective_duration: 960,
        absence_type: { type: 'AbsenceType', attributes: { id: 'type-uuid', name: 'Doctor', time_off_type_id: 7 } },
        employee: employeeRef,
        breakdowns: [
          { date: '2022-06-01', effective_duration: 480 },
          { date: '2022-06-02', effective_duration: 480 },
        ],
      },
    });
    const types = new Map([['7', { attributes: { id: '7', name: 'Doctor', category: 'sick_leave' } }]]);
    const request = TimeOffRequest.parse(fromAbsencePeriod(raw, types));
    expect([request.unit, request.amount, request.start.date, request.end?.date]).toEqual([
      'hours',
      16,
      '2022-06-01',
      '2022-06-02',
    ]);
    expect(request.type.value).toBe('sick');
    const bare = fromAbsencePeriod(
      RawPersonioAbsencePeriod.parse({ attributes: { ...raw.attributes, breakdowns: null } }),
      types,
    );
    expect(bare.start.date).toBe('2022-06-01'); // the Berlin day of 22:00 UTC
  });
});
