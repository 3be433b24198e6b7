import {
  type Employee,
  type EmploymentStatusValue,
  type EmploymentType,
  emptyPersonalDetails,
  hrkitId,
  type TimeOffRequest,
  type TimeOffStatusValue,
  type TimeOffTypeValue,
  type WorkerKind,
  type WorkSchedule,
} from '@hrkit/core';
import { ACME } from './config.js';
import type { RawAcmeEmployee, RawAcmeLeave } from './raw.js';

// #region mapping-tables
/**
 * Acme's values → the normalized ones. Small lookup tables, and a value we do not know maps to `other` /
 * `unknown` with its source kept, never to a guess.
 */
const EMPLOYMENT_STATUS: Record<string, EmploymentStatusValue> = {
  ONBOARDING: 'pending',
  ACTIVE: 'active',
  ON_LEAVE: 'on_leave',
  LEFT: 'terminated',
};

const CONTRACT: Record<string, { workerKind: WorkerKind; schedule: WorkSchedule }> = {
  FULL_TIME: { workerKind: 'employee', schedule: 'full_time' },
  PART_TIME: { workerKind: 'employee', schedule: 'part_time' },
  CONTRACTOR: { workerKind: 'contractor', schedule: 'unknown' },
  INTERN: { workerKind: 'intern', schedule: 'unknown' },
};

const LEAVE_KIND: Record<string, TimeOffTypeValue> = {
  HOLIDAY: 'vacation',
  SICK: 'sick',
  PARENTAL: 'parental',
  UNPAID: 'unpaid',
};

const LEAVE_STATE: Record<string, TimeOffStatusValue> = {
  PENDING: 'requested',
  APPROVED: 'approved',
  REJECTED: 'declined',
  CANCELLED: 'cancelled',
};
// #endregion mapping-tables

// #region map-employee
/** One Acme employee → the normalized Employee. Pure: no I/O, so it is tested with plain objects. */
export function toEmployee(raw: RawAcmeEmployee, options: { includeRaw?: boolean } = {}): Employee {
  const first = raw.given_name ?? null;
  const last = raw.family_name ?? null;
  const display = [first, last].filter(Boolean).join(' ') || null;
  return {
    id: hrkitId(ACME, raw.emp_id),
    provider: ACME,
    remoteId: raw.emp_id,
    employeeNumber: null,
    name: { first, middle: null, last, display, preferred: null },
    emails: { work: raw.work_email ?? null, personal: null },
    phones: [],
    jobTitle: raw.job_title ?? null,
    department: raw.team ? { id: raw.team.id, name: raw.team.name } : null,
    workLocation: null,
    legalEntity: null,
    manager: raw.manager_emp_id
      ? { id: hrkitId(ACME, raw.manager_emp_id), remoteId: raw.manager_emp_id, displayName: null }
      : null,
    hireDate: isoDate(raw.started_on),
    startDate: isoDate(raw.started_on),
    terminationDate: isoDate(raw.left_on),
    employmentStatus: {
      value: EMPLOYMENT_STATUS[raw.status] ?? 'other',
      source: { field: 'status', value: raw.status, label: null },
      effectiveDate: raw.status === 'LEFT' ? isoDate(raw.left_on) : null,
    },
    employmentType: employmentType(raw.contract),
    weeklyHours: null,
    personal: emptyPersonalDetails(),
    customFields: {},
    updatedAt: isoDateTime(raw.updated_at),
    ...(options.includeRaw ? { raw } : {}),
  } satisfies Employee;
}

function employmentType(contract: string | null | undefined): EmploymentType {
  const source = contract ? { field: 'contract', value: contract, label: null } : null;
  const known = contract ? CONTRACT[contract] : undefined;
  return {
    workerKind: { value: known?.workerKind ?? 'unknown', source },
    schedule: { value: known?.schedule ?? 'unknown', source },
    customerCategory: null,
    // Report what we could not place instead of guessing.
    unmapped: source && !known ? [source] : [],
  };
}
// #endregion map-employee

// #region map-leave
/** One Acme leave entry → a normalized TimeOffRequest. */
export function toTimeOffRequest(raw: RawAcmeLeave, options: { includeRaw?: boolean } = {}): TimeOffRequest {
  const employee = { id: hrkitId(ACME, raw.emp_id), remoteId: raw.emp_id, displayName: null };
  return {
    id: hrkitId(ACME, raw.leave_id),
    provider: ACME,
    remoteId: raw.leave_id,
    employee,
    policy: { id: null, name: raw.kind, typeName: raw.kind },
    type: { value: LEAVE_KIND[raw.kind] ?? 'other', source: { field: 'kind', value: raw.kind, label: null } },
    status: { value: LEAVE_STATE[raw.state] ?? 'other', source: { field: 'state', value: raw.state, label: null } },
    unit: 'days',
    amount: raw.days ?? null,
    cost: null,
    rangeType: null,
    start: { date: raw.first_day, portion: null, time: null },
    end: raw.last_day ? { date: raw.last_day, portion: null, time: null } : null,
    days: [],
    approver: null,
    note: null,
    editChain: { originalRequestId: null, previousRequestId: null },
    requestedAt: isoDateTime(raw.created_at),
    updatedAt: isoDateTime(raw.updated_at),
    ...(options.includeRaw ? { raw } : {}),
  } satisfies TimeOffRequest;
}
// #endregion map-leave

function isoDate(value: string | null | undefined): string | null {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function isoDateTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
