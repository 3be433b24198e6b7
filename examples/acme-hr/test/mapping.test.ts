import { Employee, EmploymentTypeRules, TimeOffRequest } from '@hrkit/core';
import { describe, expect, it } from 'vitest';
import { acme } from '../src/index.js';
import { ACME_EMPLOYMENT_TYPES, RawAcmeEmployee, toEmployee, toTimeOffRequest } from '../src/internal.js';

// #region mapping-test
const raw = RawAcmeEmployee.parse({
  emp_id: '4821907',
  given_name: 'Ada',
  family_name: 'Lovelace',
  status: 'LEFT',
  contract: 'ZERO_HOURS', // a value Acme added after this adapter was written
  started_on: '2021-03-01',
  left_on: '2025-12-31',
  shoe_size: 38, // unknown fields pass through the lenient raw schema
});

const rules = EmploymentTypeRules.from(ACME_EMPLOYMENT_TYPES);

describe('toEmployee', () => {
  it('maps Acme fields and values, keeping the source of every enum', () => {
    const employee = Employee.parse(toEmployee(raw, rules)); // the strict model accepts the result
    expect(employee.id).toBe('acme:4821907');
    expect(employee.employmentStatus).toEqual({
      value: 'terminated',
      source: { field: 'status', value: 'LEFT', label: null },
      effectiveDate: '2025-12-31',
    });
  });

  it('reports an unknown contract instead of guessing', () => {
    const { employmentType } = toEmployee(raw, rules);
    expect(employmentType.workerKind.value).toBe('unknown');
    expect(employmentType.unmapped).toEqual([{ field: 'contract', value: 'ZERO_HOURS', label: 'ZERO_HOURS' }]);
  });

  it('a consumer override adds a label and keeps the defaults it does not name', () => {
    const custom = EmploymentTypeRules.from(ACME_EMPLOYMENT_TYPES, {
      ZERO_HOURS: { workerKind: 'employee', schedule: 'casual' },
    });
    expect(toEmployee(raw, custom).employmentType.schedule.value).toBe('casual');
    expect(toEmployee({ ...raw, contract: 'FULL_TIME' }, custom).employmentType.schedule.value).toBe('full_time');
  });

  it('acme({ … }) options are validated when the kit is built', () => {
    expect(() => acme({ employmentTypes: 'oops' as never })).toThrow(/plugin options/);
  });
});
// #endregion mapping-test

describe('toTimeOffRequest', () => {
  it('maps kinds and states, and an open-ended entry has no end', () => {
    const request = TimeOffRequest.parse(
      toTimeOffRequest({ leave_id: 'LV-1', emp_id: '7', kind: 'SICK', state: 'REJECTED', first_day: '2026-02-02' }),
    );
    expect(request.type.value).toBe('sick');
    expect(request.status.value).toBe('declined');
    expect(request.end).toBeNull();
    expect(
      toTimeOffRequest({ leave_id: 'LV-2', emp_id: '7', kind: 'SABBATICAL', state: 'ODD', first_day: '2026-02-02' }),
    ).toMatchObject({ type: { value: 'other' }, status: { value: 'other' } });
  });
});
