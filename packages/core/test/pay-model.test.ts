import { describe, expect, it } from 'vitest';
import { AttendanceRecord, Compensation, modelSchemas } from '../src/index.js';

const employee = { id: 'hibob:3332883884017713238', remoteId: '3332883884017713238', displayName: null };

/** The shape the first draft accepted: every producer written against it must still validate. */
function draftCompensation(): Record<string, unknown> {
  return {
    id: 'hibob:1000020',
    provider: 'hibob',
    remoteId: '1000020',
    employee,
    amount: 85000.5,
    currency: 'EUR',
    payPeriod: { value: 'year', source: { field: 'payPeriod', value: 'Annual', label: null } },
    payFrequency: { value: 'monthly', source: { field: 'payFrequency', value: 'Monthly', label: null } },
    payType: { value: 'salary', source: null },
    flsaStatus: null,
    effectiveDate: '2024-01-01',
    endDate: null,
    isCurrent: true,
    changeReason: 'Promotion',
  };
}

function draftAttendance(): Record<string, unknown> {
  return {
    id: 'hibob:att-1',
    provider: 'hibob',
    remoteId: 'att-1',
    employee,
    date: '2026-11-02',
    clockIn: { local: '2026-11-02T08:59:00', timeZone: 'Europe/Berlin', instant: '2026-11-02T07:59:00Z' },
    clockOut: { local: '2026-11-02T17:31:00', timeZone: null, instant: null },
    workedMinutes: 512,
    kind: { value: 'work', source: { field: '/attendanceEntry/type', value: 'work', label: null } },
    origin: null,
  };
}

describe('Compensation model', () => {
  it('still accepts the first-draft shape (new fields are optional)', () => {
    expect(Compensation.parse(draftCompensation())).toMatchObject({ amount: 85000.5, currency: 'EUR' });
  });

  it('expresses Merge and Finch pay fields: pay group, daily frequency, one-time pay, FLSA, source table', () => {
    const row = {
      ...draftCompensation(),
      payPeriod: { value: 'one_time', source: { field: 'income.unit', value: 'fixed', label: null } },
      payFrequency: { value: 'daily', source: null },
      payType: { value: 'bonus', source: null },
      flsaStatus: {
        value: 'salaried_nonexempt',
        source: { field: 'flsa_status', value: 'SALARIED_NONEXEMPT', label: null },
      },
      payGroup: { remoteId: 'pg-7', name: 'Monthly DE' },
      sourceTable: 'salaries',
    };
    const parsed = Compensation.parse(row);
    expect(parsed.payGroup).toEqual({ remoteId: 'pg-7', name: 'Monthly DE' });
    expect(parsed.flsaStatus?.value).toBe('salaried_nonexempt');
  });

  it('keeps amounts exactly as given (no rounding, no conversion) and allows a hidden amount', () => {
    expect(Compensation.parse({ ...draftCompensation(), amount: 0.015 }).amount).toBe(0.015);
    expect(Compensation.parse({ ...draftCompensation(), amount: null, currency: null }).amount).toBeNull();
  });

  it('rejects unknown enum values, unknown keys and bad dates', () => {
    expect(
      Compensation.safeParse({ ...draftCompensation(), payPeriod: { value: 'fortnight', source: null } }).success,
    ).toBe(false);
    expect(Compensation.safeParse({ ...draftCompensation(), salary: 1 }).success).toBe(false);
    expect(Compensation.safeParse({ ...draftCompensation(), effectiveDate: '01/02/2024' }).success).toBe(false);
  });
});

describe('AttendanceRecord model', () => {
  it('still accepts the first-draft shape', () => {
    expect(AttendanceRecord.parse(draftAttendance()).workedMinutes).toBe(512);
  });

  it('accepts an open entry (no clock-out), a fixed-offset zone, a project, a task and a reason code', () => {
    const parsed = AttendanceRecord.parse({
      ...draftAttendance(),
      clockIn: { local: '2026-11-02T08:59:00', timeZone: '+01:00', instant: '2026-11-02T08:59:00+01:00' },
      clockOut: null,
      workedMinutes: null,
      reasonCode: 'forgot-to-clock',
      project: { remoteId: '77', name: null },
      task: { remoteId: '78', name: 'Review' },
    });
    expect(parsed.clockOut).toBeNull();
    expect(parsed.project?.remoteId).toBe('77');
  });

  it('rejects a clock time with a zone suffix in `local` and an unknown kind', () => {
    const zoned = { ...draftAttendance(), clockIn: { local: '2026-11-02T08:59:00Z', timeZone: null, instant: null } };
    expect(AttendanceRecord.safeParse(zoned).success).toBe(false);
    expect(AttendanceRecord.safeParse({ ...draftAttendance(), kind: { value: 'lunch', source: null } }).success).toBe(
      false,
    );
  });

  it('is listed in the model registry with Compensation', () => {
    expect(modelSchemas.AttendanceRecord).toBe(AttendanceRecord);
    expect(modelSchemas.Compensation).toBe(Compensation);
  });
});
