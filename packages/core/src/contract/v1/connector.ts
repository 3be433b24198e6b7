import type { AttendanceRecord } from '../../model/attendance.js';
import type { Compensation } from '../../model/compensation.js';
import type { Employee } from '../../model/employee.js';
import type { EmploymentHistoryEntry } from '../../model/employment-history.js';
import type { Absence, TimeOffBalance, TimeOffPolicy, TimeOffRequest } from '../../model/time-off.js';
import type { Capabilities } from './capabilities.js';
import type { DiagnosticsReport } from './diagnostics.js';
import type {
  AttendanceOptions,
  CompensationOptions,
  EmployeeChange,
  EmployeeChangesOptions,
  EmploymentHistoryOptions,
  GetEmployeeOptions,
  ListEmployeesOptions,
  OutTodayOptions,
  ReadOptions,
  TimeOffBalancesOptions,
  TimeOffRangeOptions,
  TimeOffRequestChangesOptions,
} from './options.js';
import type { WebhookHandlerV1 } from './webhooks.js';

/**
 * What an adapter implements (spec v1). Lists are async iterables so that a 100,000-employee company
 * streams in bounded memory; single reads are promises. Every method is optional except `check`;
 * `capabilities` says which ones exist, and consumers go through `Connection`, which enforces it.
 *
 * Ids in arguments are the provider's remote ids (strings); every record returned carries both.
 */
export interface HrConnectorV1 {
  readonly specificationVersion: 'v1';
  readonly provider: string;
  readonly capabilities: Capabilities;
  /**
   * True when `listTimeOffRequests` returns every request whose leave overlaps the range (a real range read), so a
   * full reconciliation may treat a stored request missing from it as deleted. False or absent when the range read is
   * derived from a bounded changes feed (HiBob: requests changed in the last 6 months), where absence proves nothing.
   */
  readonly timeOffRangeIsComplete?: boolean;

  listEmployees?(options: ListEmployeesOptions): AsyncIterable<Employee>;
  getEmployee?(remoteId: string, options: GetEmployeeOptions): Promise<Employee>;
  listEmploymentHistory?(options: EmploymentHistoryOptions): AsyncIterable<EmploymentHistoryEntry>;
  listEmployeeChanges?(options: EmployeeChangesOptions): AsyncIterable<EmployeeChange>;

  /** Requests whose leave overlaps [from, to]. */
  listTimeOffRequests?(options: TimeOffRangeOptions): AsyncIterable<TimeOffRequest>;
  /** Requests created or changed since an instant, latest state per request id. */
  listTimeOffRequestChanges?(options: TimeOffRequestChangesOptions): AsyncIterable<TimeOffRequest>;
  getTimeOffRequest?(employeeRemoteId: string, requestRemoteId: string, options: ReadOptions): Promise<TimeOffRequest>;
  listWhosOut?(options: TimeOffRangeOptions): AsyncIterable<Absence>;
  listOutToday?(options: OutTodayOptions): AsyncIterable<Absence>;
  listTimeOffBalances?(options: TimeOffBalancesOptions): AsyncIterable<TimeOffBalance>;
  listTimeOffPolicies?(options: ReadOptions): AsyncIterable<TimeOffPolicy>;

  listCompensation?(options: CompensationOptions): AsyncIterable<Compensation>;
  listAttendance?(options: AttendanceOptions): AsyncIterable<AttendanceRecord>;

  readonly webhooks?: WebhookHandlerV1;

  /** Probe every capability and report what works, what is missing and the exact fix. Never throws for gaps. */
  check(): Promise<DiagnosticsReport>;
}
