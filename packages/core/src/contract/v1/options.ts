import type { DataIssue } from '../../model/data-issue.js';
import type { UnmaskableField } from '../../model/masking.js';

/** Opt-ins shared by every read. Sensitive and raw data are never read unless asked for. */
export interface ReadOptions {
  /** Attach the provider's untouched payload as `raw`. */
  includeRaw?: boolean;
  /** Abort the read (and its HTTP requests). */
  signal?: AbortSignal;
  /**
   * Told about every record of a listing the adapter could not read at all (no usable id, a duplicate id…) and
   * therefore did not yield. A listing that reported one is incomplete: the sync engine runs no deletion pass for it.
   */
  onDataIssue?: (issue: DataIssue) => void;
}

export interface ListEmployeesOptions extends ReadOptions {
  /** Include leavers (terminated) and, where the provider separates them, inactive people. Default false. */
  includeInactive?: boolean;
  /** Read date of birth, gender, nationality, home address when granted. Default false. */
  includeSensitive?: boolean;
  /** Attach `employmentHistory` to each employee. Default false. */
  includeHistory?: boolean;
  /**
   * Read bank accounts and national/tax identifiers (needs `includeSensitive` too). Default: the connect option,
   * else false. Values come masked (docs/model-comparison.md › Financial data).
   */
  includeFinancial?: boolean;
  /** Fields to return unmasked, by name, e.g. `['bankAccounts.iban']`. Needs `includeFinancial`. */
  unmask?: readonly UnmaskableField[];
}

export type GetEmployeeOptions = Omit<ListEmployeesOptions, 'includeInactive'>;

export interface EmploymentHistoryOptions extends ReadOptions {
  /** Limit to these remote employee ids; all employees when absent. */
  employeeIds?: readonly string[];
}

export interface EmployeeChangesOptions extends ReadOptions {
  /** ISO date-time: changes at or after this instant. */
  since: string;
}

/** One entry of a provider's "what changed" feed (e.g. BambooHR `employees/changed`). */
export interface EmployeeChange {
  remoteId: string;
  action: 'created' | 'updated' | 'deleted';
  changedAt: string | null;
}

export interface TimeOffRangeOptions extends ReadOptions {
  /** Inclusive start date, YYYY-MM-DD. */
  from: string;
  /** Inclusive end date, YYYY-MM-DD. */
  to: string;
  /** Include requests not yet approved (where the provider and permissions allow). */
  includePending?: boolean;
}

export interface TimeOffRequestChangesOptions extends ReadOptions {
  /** ISO date-time: requests created or changed at or after this instant. */
  since: string;
  /** ISO date-time: upper bound, default now. */
  until?: string;
  includePending?: boolean;
}

export interface TimeOffBalancesOptions extends ReadOptions {
  /** Remote employee ids; all readable employees when absent. */
  employeeIds?: readonly string[];
  /** YYYY-MM-DD; today (UTC) when absent. */
  asOf?: string;
  /** Limit to these policy/type names. */
  policies?: readonly string[];
}

export interface OutTodayOptions extends ReadOptions {
  /** YYYY-MM-DD; the provider's "today" when absent. */
  date?: string;
}

export interface CompensationOptions extends ReadOptions {
  employeeIds?: readonly string[];
  /** Pay data is sensitive: reads refuse unless this is true here or on connect. */
  includeCompensation?: boolean;
}

export interface AttendanceOptions extends ReadOptions {
  from: string;
  to: string;
  employeeIds?: readonly string[];
  /** Attendance is sensitive: reads refuse unless this is true here or on connect. */
  includeAttendance?: boolean;
}
