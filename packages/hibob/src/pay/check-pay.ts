import { type DiagnosticCheck, HrKitError, NotFoundError, NotSupportedError, PermissionError } from '@hrkit/core';
import { readAttendancePages } from './attendance-client.js';
import { readAllEmployeeIds } from './employee-ids.js';
import type { PayContext } from './pay-context.js';
import { PAY_PERMISSIONS } from './provider.js';
import { readBulkSalaryPages } from './salary-client.js';

export interface PayCheckOptions {
  /** The connection opted into this data. Without it the probe sends nothing: pay data is read only when asked for. */
  optedIn: boolean;
  /** "Today" for the attendance probe (YYYY-MM-DD). */
  today?: string;
  /** An employee to probe attendance with; without it the probe lists ids first. */
  probeEmployeeId?: string;
}

type Fix = DiagnosticCheck['fix'];

const PAYROLL_FIX: Fix = {
  permission: PAY_PERMISSIONS.payroll,
  steps: [
    'In Bob: Settings › Integrations › Automation › Service users: open the service user’s permission group',
    `People's Data › Payroll: tick "View" (and "View history" for past salary rows)`,
    `Check ${PAY_PERMISSIONS.audience}`,
  ],
};

const ATTENDANCE_FIX: Fix = {
  permission: PAY_PERMISSIONS.attendance,
  steps: [
    'In Bob: Settings › Integrations › Automation › Service users: open the service user’s permission group',
    `People's Data › Time attendance: tick "Manage time attendance sheets"`,
  ],
};

function check(
  id: 'compensation' | 'attendance',
  status: DiagnosticCheck['status'],
  summary: string,
  fix: Fix,
): DiagnosticCheck {
  return {
    id,
    title: id === 'compensation' ? 'Salary history (Payroll)' : 'Attendance entries (Time and Attendance)',
    status,
    severity: 'optional',
    capabilities: [id],
    summary,
    missingFields: [],
    fix: status === 'ok' || status === 'skipped' ? null : fix,
  };
}

/** Probe the Payroll permission with one bulk-salaries row, which is discarded unread. */
export async function checkCompensationAccess(context: PayContext, options: PayCheckOptions): Promise<DiagnosticCheck> {
  if (!options.optedIn)
    return check(
      'compensation',
      'skipped',
      'Not probed: pay data is off. Connect with { includeCompensation: true } to check the Payroll permission',
      null,
    );
  try {
    for await (const _page of readBulkSalaryPages(context, { limit: 1 })) break;
    return check('compensation', 'ok', 'The service user can read the Salary table', PAYROLL_FIX);
  } catch (error) {
    if (error instanceof PermissionError)
      return check(
        'compensation',
        'missing',
        `Salary history is not readable: ${PAY_PERMISSIONS.payroll} is missing`,
        PAYROLL_FIX,
      );
    if (error instanceof NotFoundError)
      return check(
        'compensation',
        'degraded',
        'The bulk salaries endpoint is not available on this account; reads fall back to the legacy GET /v1/payroll/history',
        PAYROLL_FIX,
      );
    return check('compensation', 'error', describe(error), PAYROLL_FIX);
  }
}

/** Probe attendance with a one-day, one-employee, one-row search. */
export async function checkAttendanceAccess(context: PayContext, options: PayCheckOptions): Promise<DiagnosticCheck> {
  if (!options.optedIn)
    return check(
      'attendance',
      'skipped',
      'Not probed: attendance is off. Connect with { includeAttendance: true } to check the attendance permission',
      null,
    );
  try {
    const first = options.probeEmployeeId ?? (await readAllEmployeeIds(context))[0];
    if (!first) return check('attendance', 'skipped', 'No readable employee to probe attendance with', null);
    const today = options.today ?? new Date().toISOString().slice(0, 10);
    for await (const _page of readAttendancePages(context, { employeeIds: [first], from: today, to: today, limit: 1 }))
      break;
    return check('attendance', 'ok', 'The service user can search attendance entries', ATTENDANCE_FIX);
  } catch (error) {
    if (error instanceof PermissionError)
      return check(
        'attendance',
        'missing',
        `Attendance is not readable: ${PAY_PERMISSIONS.attendance} is missing`,
        ATTENDANCE_FIX,
      );
    if (error instanceof NotSupportedError)
      return check('attendance', 'missing', error.message, {
        permission: null,
        steps: ['The Time and Attendance module must be active on the Bob account (HiBob sells it separately)'],
      });
    return check('attendance', 'error', describe(error), ATTENDANCE_FIX);
  }
}

function describe(error: unknown): string {
  return error instanceof HrKitError ? error.message : 'unexpected failure while probing';
}
