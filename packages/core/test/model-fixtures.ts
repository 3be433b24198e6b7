import type {
  Absence,
  ChangeEvent,
  EmployeeRef,
  EmploymentHistoryEntry,
  TimeOffBalance,
  TimeOffPolicy,
  TimeOffRequest,
} from '../src/index.js';
import { sampleEmployee } from './fixtures.js';

/** Realistic normalized records beside `sampleEmployee`, as a HiBob adapter would emit them. */

export const ada: EmployeeRef = {
  id: 'hibob:3332883884017713238',
  remoteId: '3332883884017713238',
  displayName: 'Ada',
};
export const charles: EmployeeRef = {
  id: 'hibob:3332883884017713000',
  remoteId: '3332883884017713000',
  displayName: 'Charles Babbage',
};

const holidayPolicy = { id: null, name: 'Holiday UK', typeName: 'Holiday' };

/** A request edited once: it replaces request 4410, itself the original of the chain, and ends on a half day. */
export function sampleTimeOffRequest(): TimeOffRequest {
  return {
    id: 'hibob:4411',
    provider: 'hibob',
    remoteId: '4411',
    employee: ada,
    policy: holidayPolicy,
    type: { value: 'vacation', source: { field: 'policyTypeDisplayName', value: 'Holiday', label: null } },
    status: { value: 'approved', source: { field: 'status', value: 'approved', label: null } },
    unit: 'days',
    amount: 2.5,
    cost: 2.5,
    rangeType: 'portionOnRange',
    start: { date: '2026-12-21', portion: 'afternoon', time: null },
    end: { date: '2026-12-23', portion: 'all_day', time: null },
    days: [
      { date: '2026-12-21', amount: 0.5, unit: 'days', portion: 'afternoon' },
      { date: '2026-12-22', amount: 1, unit: 'days', portion: 'all_day' },
      { date: '2026-12-23', amount: 1, unit: 'days', portion: 'all_day' },
    ],
    approver: charles,
    note: 'Family visit',
    editChain: { originalRequestId: '4410', previousRequestId: '4410' },
    requestedAt: '2026-11-02T09:15:00.000Z',
    updatedAt: '2026-11-03T10:00:00+01:00',
  };
}

export function sampleBalance(): TimeOffBalance {
  return {
    id: 'hibob:3332883884017713238:Holiday UK:2026-11-23',
    provider: 'hibob',
    employee: ada,
    policy: holidayPolicy,
    unit: 'days',
    asOf: '2026-11-23',
    balance: 12.5,
    used: 10,
    scheduled: 2.5,
    accrued: 22.5,
    allowance: 25,
    adjustments: null,
  };
}

export function samplePolicy(): TimeOffPolicy {
  return {
    id: 'hibob:Holiday UK',
    provider: 'hibob',
    remoteId: 'Holiday UK',
    name: 'Holiday UK',
    typeName: 'Holiday',
    type: { value: 'vacation', source: { field: 'policyType', value: 'Holiday', label: null } },
    unit: 'days',
    paid: true,
    allowance: 25,
    approvalRequired: true,
    halfDaysSupported: true,
    hoursSupported: false,
    description: null,
  };
}

export function sampleAbsence(): Absence {
  const request = sampleTimeOffRequest();
  return {
    id: 'hibob:absence:4411',
    provider: 'hibob',
    employee: ada,
    requestId: request.id,
    policy: request.policy,
    type: request.type,
    status: request.status,
    start: request.start,
    end: request.end,
    unit: 'days',
    amount: 2.5,
    visibility: 'public',
  };
}

/** A history row; override what the test is about. */
export function historyRow(overrides: Partial<EmploymentHistoryEntry> = {}): EmploymentHistoryEntry {
  const table = overrides.table ?? 'work';
  const effectiveDate = overrides.effectiveDate ?? '2021-03-01';
  const remoteId = `${table}:${ada.remoteId}:${effectiveDate}`;
  return {
    id: `hibob:${remoteId}`,
    provider: 'hibob',
    remoteId,
    employee: ada,
    table,
    kind: 'job',
    effectiveDate,
    endDate: null,
    isCurrent: null,
    jobTitle: 'Engineer',
    department: { id: '12', name: 'R&D' },
    workLocation: null,
    manager: charles,
    employmentType: null,
    employmentStatus: null,
    weeklyHours: null,
    reason: null,
    comment: null,
    ...overrides,
  };
}

export function sampleChangeEvent(): ChangeEvent {
  return {
    id: 'hibob:employee:3332883884017713238:updated:2026-11-23T08:00:00.000Z',
    provider: 'hibob',
    entity: 'employee',
    action: 'updated',
    entityId: ada.id,
    remoteId: ada.remoteId,
    employeeId: ada.id,
    occurredAt: '2026-11-23T08:00:00.000Z',
    detectedAt: '2026-11-23T08:00:05.000Z',
    origin: 'webhook',
    changedFields: ['work.title'],
    previousRemoteId: null,
    providerEventType: 'employee.updated',
  };
}

export { sampleEmployee };
