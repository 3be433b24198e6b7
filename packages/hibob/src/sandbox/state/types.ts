/**
 * The sandbox's own company data, independent of any HTTP shape. Everything here is plain JSON
 * (no Maps, no classes) so a generated company can be compared byte for byte across runs.
 */

/** Stored lifecycle; "hired" and "terminated" are derived from dates (see lifecycle.ts). */
export type StoredLifecycle = 'employed' | 'leave';
export type LifecycleStatus = 'hired' | 'employed' | 'leave' | 'terminated';

export type TableName = 'work' | 'employment' | 'lifecycle';

export interface BobEmployee {
  /** Creation order; the bulk endpoints page by it so added or deleted people never shift a cursor. */
  seq: number;
  id: string;
  idInCompany: number;
  firstName: string;
  surname: string;
  secondName: string | null;
  email: string;
  /** `YYYY-MM-DDTHH:mm:ss.SSSSSS`, no zone (HiBob's `time` type). */
  creationDateTime: string;
  birthDate: string | null;
  legalGender: string | null;
  pronouns: string | null;
  nationality: string[];
  hobbies: string[];
  privateEmail: string | null;
  mobilePhone: string | null;
  city: string | null;
  country: string | null;
  title: string | null;
  department: string | null;
  siteId: number | null;
  managerId: string | null;
  startDate: string;
  lifecycle: StoredLifecycle;
  leaveStartDate: string | null;
  terminationDate: string | null;
  terminationReason: string | null;
  terminationType: string | null;
  probationEndDate: string | null;
  /** Built-in payroll employment type item id (`payrollEmploymentType`). */
  payrollType: string | null;
  /** Employment contract item id (`employmentstatus`, e.g. Full time). */
  contract: string | null;
  weeklyHours: number | null;
  fte: number | null;
  /** Values of custom fields (`work.custom.field_…`, `category_….field_…`) by field id. */
  custom: Record<string, unknown>;
  /** Values set through the control API for catalog fields that have no dedicated slot. */
  extra: Record<string, unknown>;
  /** What the derived history needs: the title/department before a promotion, and when it happened. */
  previousTitle: string | null;
  previousDepartment: string | null;
  changeDate: string | null;
  /** Table rows written through the control API; until then rows are derived from the fields above. */
  tables: Partial<Record<TableName, TableRow[]>>;
  /** Data owned by sandbox extensions (payroll, attendance…), keyed by extension name. */
  ext: Record<string, unknown>;
}

/**
 * A stored history row: machine values (ids) only. The table endpoints render it per table
 * (display strings, `isCurrent`, `endEffectiveDate`) at read time.
 */
export interface TableRow {
  id: number;
  effectiveDate: string;
  /** `YYYY-MM-DD` of the last change. */
  modificationDate: string;
  changedById: string | null;
  reason: string | null;
  /** work: title, department, siteId, managerId, workChangeType; employment: type, contract, weeklyHours, fte;
   * lifecycle: status, reasonType, leaveReason. */
  values: Record<string, unknown>;
}

export type DurationType =
  | 'days'
  | 'hours'
  | 'portionOnRange'
  | 'hoursOnRange'
  | 'differentDayDurations'
  | 'specificHoursDayDurations'
  | 'differentSpecificHoursDayDurations'
  | 'percentageOnRange'
  | 'openEnded';

export const DURATION_TYPES: readonly DurationType[] = [
  'days',
  'hours',
  'portionOnRange',
  'hoursOnRange',
  'differentDayDurations',
  'specificHoursDayDurations',
  'differentSpecificHoursDayDurations',
  'percentageOnRange',
  'openEnded',
];

export type DayPortion = 'all_day' | 'morning' | 'afternoon';
export type RequestStatus = 'approved' | 'pending' | 'declined' | 'canceled' | 'deleted';
export type Visibility = 'Public' | 'Private' | 'Custom name';

export interface PolicyType {
  name: string;
  activity: 'paidTimeoff' | 'unpaidTimeoff' | 'workTime';
  unit: 'days' | 'hours';
  bookingWorkDaysOnly: boolean;
  visibility: Visibility;
  /** Shown instead of the name to callers without the private-policy permission (visibility "Custom name"). */
  customPublicName: string | null;
  reasonCodes: Array<{ id: number; displayName: string }>;
}

export interface Policy {
  name: string;
  policyType: string;
  description: string | null;
  allowance: number;
  maxBalance: number | null;
  minBalance: number | null;
  yosIncrease: Array<{ yearsOfService: number; extraDays: number }>;
  minTimeOffRequestDuration: 'fullDay' | 'halfDay' | 'fullHour' | 'halfHour' | 'quarterHour';
  approvalRequired: boolean;
  bookingWorkDaysOnly: boolean;
  unit: 'days' | 'hours';
}

export interface DailyDuration {
  date: string;
  /** Hours (hour-unit requests) or fraction of a day (day-unit requests). */
  duration: number;
  portion?: DayPortion;
  startTime?: string;
  endTime?: string;
}

export interface TimeOffRequest {
  requestId: number;
  employeeId: string;
  policyType: string;
  policyName: string;
  type: DurationType;
  startDate: string;
  startPortion: DayPortion;
  endDate: string | null;
  endPortion: DayPortion;
  /** `hours`/single-day portion requests. */
  dayPortion: DayPortion | null;
  date: string | null;
  hoursOnDate: number | null;
  dailyHours: number | null;
  percentageOfDay: number | null;
  startTime: string | null;
  endTime: string | null;
  /** Per-day input of the "different…" types, in their natural unit (hours); empty for the other types. */
  durations: DailyDuration[];
  durationUnit: 'days' | 'hours';
  totalDuration: number;
  totalCost: number;
  status: RequestStatus;
  description: string | null;
  reasonCode: number | null;
  /** Change timestamp of the creation, `YYYY-MM-DDTHH:mm:ss.SSSSSS`. */
  createdOn: string;
  originalRequestId: number | null;
  previousRequestId: number | null;
}

export type ChangeType = 'Created' | 'Canceled' | 'Deleted' | 'Pending';

/** One entry of `/timeoff/requests/changes`: a snapshot of the request when the change happened. */
export interface TimeOffChange {
  /** Epoch ms of the change (the feed filters on it). */
  at: number;
  changeType: ChangeType;
  changeReason: string | null;
  /**
   * The request the change is about. Feed items are rendered from the request record: the fields the
   * feed shows never change under one id (a date or time edit makes a new id), so this is the snapshot.
   */
  requestId: number;
}

export interface NamedListItem {
  id: string;
  name: string;
  archived: boolean;
  children: NamedListItem[];
}

export interface NamedList {
  name: string;
  items: NamedListItem[];
}

export interface Site {
  id: number;
  name: string;
  timeZone: string;
  country: string;
}

/** Everything the sandbox serves. */
export interface HiBobCompanyData {
  seed: number;
  companyId: number;
  companyName: string;
  domain: string;
  /** The instant the company was generated for (ISO). */
  now: string;
  employees: BobEmployee[];
  namedLists: NamedList[];
  sites: Site[];
  policyTypes: PolicyType[];
  policies: Policy[];
  requests: TimeOffRequest[];
  changes: TimeOffChange[];
  counters: { nextSeq: number; nextRequestId: number; nextRowId: number; nextIdInCompany: number };
  /** Company-level data of sandbox extensions. */
  ext: Record<string, unknown>;
}
