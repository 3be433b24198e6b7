import type {
  Absence,
  AttendanceRecord,
  Compensation,
  Employee,
  TimeOffBalance,
  TimeOffPolicy,
  TimeOffRequest,
} from '@hrkit/core';

/** A column of table/CSV output: a header and how to read it from a record. */
export interface Column<T> {
  header: string;
  value: (record: T) => unknown;
}

const date = (value: { date: string; portion: string | null } | null | undefined) =>
  value ? `${value.date}${value.portion && value.portion !== 'all_day' ? ` (${value.portion})` : ''}` : '';

export const EMPLOYEE_COLUMNS: Column<Employee>[] = [
  { header: 'id', value: (e) => e.remoteId },
  { header: 'name', value: (e) => e.name.display ?? [e.name.first, e.name.last].filter(Boolean).join(' ') },
  { header: 'email', value: (e) => e.emails.work },
  { header: 'status', value: (e) => e.employmentStatus.value },
  { header: 'worker kind', value: (e) => e.employmentType.workerKind.value },
  { header: 'category', value: (e) => e.employmentType.customerCategory?.label },
  { header: 'title', value: (e) => e.jobTitle },
  { header: 'department', value: (e) => e.department?.name },
  { header: 'manager', value: (e) => e.manager?.displayName ?? e.manager?.remoteId },
  { header: 'start', value: (e) => e.startDate },
  { header: 'termination', value: (e) => e.terminationDate },
];

export const REQUEST_COLUMNS: Column<TimeOffRequest>[] = [
  { header: 'id', value: (r) => r.remoteId },
  { header: 'employee', value: (r) => r.employee.displayName ?? r.employee.remoteId },
  { header: 'policy', value: (r) => r.policy.name },
  { header: 'type', value: (r) => r.type.value },
  { header: 'status', value: (r) => r.status.value },
  { header: 'start', value: (r) => date(r.start) },
  { header: 'end', value: (r) => date(r.end) },
  { header: 'amount', value: (r) => (r.amount === null ? '' : `${r.amount} ${r.unit ?? ''}`.trim()) },
];

export const ABSENCE_COLUMNS: Column<Absence>[] = [
  { header: 'employee', value: (a) => a.employee.displayName ?? a.employee.remoteId },
  { header: 'policy', value: (a) => a.policy.name },
  { header: 'type', value: (a) => a.type.value },
  { header: 'status', value: (a) => a.status.value },
  { header: 'start', value: (a) => date(a.start) },
  { header: 'end', value: (a) => date(a.end) },
  { header: 'amount', value: (a) => (a.amount === null ? '' : `${a.amount} ${a.unit ?? ''}`.trim()) },
];

export const BALANCE_COLUMNS: Column<TimeOffBalance>[] = [
  { header: 'employee', value: (b) => b.employee.displayName ?? b.employee.remoteId },
  { header: 'policy', value: (b) => b.policy.name },
  { header: 'as of', value: (b) => b.asOf },
  { header: 'balance', value: (b) => b.balance },
  { header: 'used', value: (b) => b.used },
  { header: 'scheduled', value: (b) => b.scheduled },
  { header: 'unit', value: (b) => b.unit },
];

export const POLICY_COLUMNS: Column<TimeOffPolicy>[] = [
  { header: 'id', value: (p) => p.remoteId },
  { header: 'name', value: (p) => p.name },
  { header: 'type', value: (p) => p.type.value },
  { header: 'unit', value: (p) => p.unit },
  { header: 'paid', value: (p) => p.paid },
  { header: 'allowance', value: (p) => p.allowance },
];

/** Compensation and attendance models are wide; their tables show the identity plus every scalar top-level field. */
export function scalarColumns<T extends object>(sample: T): Column<T>[] {
  return Object.entries(sample)
    .filter(([key, value]) => key !== 'raw' && (value === null || typeof value !== 'object'))
    .map(([key]) => ({ header: key, value: (record: T) => (record as Record<string, unknown>)[key] }));
}

export type { AttendanceRecord, Compensation };
