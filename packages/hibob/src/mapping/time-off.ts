import {
  type Absence,
  type DayPortion,
  hrkitId,
  InvalidProviderDataError,
  readRecordId,
  type TimeOffBalance,
  type TimeOffPolicy,
  type TimeOffRequest,
  type TimeOffStatusValue,
  type TimeOffTypeValue,
  type TimeOffUnit,
} from '@hrkit/core';
import type { RawBalance, RawPolicy, RawPolicyType, RawTimeOffRequest } from '../raw/time-off.js';
import { HIBOB } from '../config.js';
import { employeeRef } from './employee.js';
import { asIsoDate, asIsoDateTime, asNumber, asText, isRecord, labelKey } from './normalize.js';

/** Policy name patterns, first match wins (on `labelKey` of the name). */
const POLICY_TYPE_RULES: readonly (readonly [RegExp, TimeOffTypeValue])[] = [
  [/sick|illness/, 'sick'],
  [/parent|maternity|paternity|adoption/, 'parental'],
  [/bereave|compassion/, 'bereavement'],
  [/jury/, 'jury_duty'],
  [/volunteer/, 'volunteer'],
  [/unpaid/, 'unpaid'],
  [/lieu|toil/, 'in_lieu'],
  [/training|study/, 'training'],
  [/sabbatical/, 'sabbatical'],
  [/publicholiday|bankholiday/, 'holiday'],
  [/holiday|vacation|annual|pto|paidtimeoff/, 'vacation'],
  [/personal/, 'personal'],
  [/remote|workfrom|businesstrip|travel/, 'work_time'],
];

/**
 * Answers by policy name: a company has a handful of policy types and a feed thousands of requests, so each name is
 * classified once (bounded, so odd data cannot grow it; docs/performance.md › Listing, time-off memory and
 * confirmations).
 */
const policyTypeByName = new Map<string, TimeOffTypeValue>();

/** HiBob policy type name → hrkit type. HiBob's "Holiday" is annual leave, not a public holiday. */
export function policyTypeToType(name: string | null, activity?: string | null): TimeOffTypeValue {
  if (activity && labelKey(activity) === 'worktime') return 'work_time';
  const text = name ?? '';
  const known = policyTypeByName.get(text);
  if (known) return known;
  const key = labelKey(text);
  const type = POLICY_TYPE_RULES.find(([pattern]) => pattern.test(key))?.[1] ?? 'other';
  if (policyTypeByName.size < 1_000) policyTypeByName.set(text, type);
  return type;
}

/**
 * A pure reading of a short HiBob label, remembered by the label: statuses, portions and units repeat across thousands
 * of requests, and each reading costs a `labelKey` (lower-casing plus a regex) — bounded, so odd data cannot grow it
 * (docs/performance.md › Listing, time-off memory and confirmations).
 */
function byLabel<T>(read: (key: string) => T): (value: string | null | undefined) => T {
  const known = new Map<string, T>();
  return (value) => {
    const text = value ?? '';
    let answer = known.get(text);
    if (answer === undefined) {
      answer = read(labelKey(text));
      if (known.size < 1_000) known.set(text, answer);
    }
    return answer;
  };
}

/** Statuses compared without case: HiBob writes `Approved`, `approved`, `canceled`; webhooks say `cancelled`. */
export const timeOffStatus = byLabel((key): TimeOffStatusValue => {
  if (key === 'approved') return 'approved';
  if (key === 'pending' || key === 'requested') return 'requested';
  if (key === 'declined' || key === 'rejected' || key === 'denied') return 'declined';
  if (key === 'canceled' || key === 'cancelled') return 'cancelled';
  if (key === 'deleted') return 'deleted';
  return 'other';
});

/** `all_day`, `allDay`, `morning`, `Afternoon`… → DayPortion; unknown text → null. */
export const dayPortion = byLabel((key): DayPortion | null => {
  if (key === 'allday' || key === 'fullday') return 'all_day';
  if (key === 'morning' || key === 'am' || key === 'firsthalf') return 'morning';
  if (key === 'afternoon' || key === 'pm' || key === 'secondhalf') return 'afternoon';
  return null;
});

export const timeOffUnit = byLabel((key): TimeOffUnit | null => {
  if (key === 'days' || key === 'day') return 'days';
  if (key === 'hours' || key === 'hour') return 'hours';
  return null;
});

type RawRequest = RawTimeOffRequest;
type TimeOffDay = TimeOffRequest['days'][number];

/**
 * An id the raw schemas kept as sent (docs/performance.md › Listing, time-off memory and confirmations), as text by
 * core's one rule for ids: a string, or an integer a JS number holds exactly. Absent → null; present but unreadable
 * (a rounded 19-digit number, a fraction, an empty string) → a typed error naming the field, never a rounded id.
 */
export function timeOffIdOf(value: unknown, field: string, recordId: string | null = null): string | null {
  // A blank string reads as absent, as it always did (the next candidate, or the "without requestId" error).
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const read = readRecordId(value);
  if ('id' in read) return read.id;
  throw new InvalidProviderDataError(`hibob returned a time-off ${field} that is not a usable id (${read.reason})`, {
    provider: HIBOB,
    recordId,
    path: field,
  });
}

/** The request's id: `requestId`, else `id` (request details may use either). */
export function requestIdOf(raw: RawRequest): string | null {
  return timeOffIdOf(raw.requestId, 'requestId') ?? timeOffIdOf(raw.id, 'id');
}

function rangeTypeOf(raw: RawRequest): string | null {
  return raw.type ?? raw.requestRangeType ?? null;
}

function unitOf(raw: RawRequest): TimeOffUnit | null {
  const unit = timeOffUnit(raw.durationUnit);
  if (unit) return unit;
  const range = labelKey(rangeTypeOf(raw) ?? '');
  if (range.startsWith('hour') || range.includes('hours')) return 'hours';
  if (range === 'days' || range === 'portiononrange') return 'days';
  return null;
}

/**
 * An hour-based amount: HiBob sends whole hours (`hoursOnDate` in who's out and requests, `hours` in out today) and
 * the rest as a separate whole `minutes` (docs/providers/hibob.md §3). Both are read, in hours like the model's
 * `unit` says: 2 h 30 → 2.5, 45 minutes alone → 0.75.
 */
export function hoursAndMinutesOf(raw: Pick<RawTimeOffRequest, 'hoursOnDate' | 'hours' | 'minutes'>): number | null {
  const hours = raw.hoursOnDate ?? raw.hours ?? null;
  const minutes = raw.minutes ?? null;
  if (hours === null && minutes === null) return null;
  return (hours ?? 0) + (minutes ?? 0) / 60;
}

/** Per-day breakdown when HiBob gives one (`dailyDurations` / `dailyHours` as arrays of dated entries). */
function daysOf(raw: RawRequest, unit: TimeOffUnit | null): TimeOffDay[] {
  const source = Array.isArray(raw.dailyDurations)
    ? raw.dailyDurations
    : Array.isArray(raw.dailyHours)
      ? raw.dailyHours
      : [];
  const days: TimeOffDay[] = [];
  for (const item of source) {
    if (!isRecord(item)) continue;
    const date = asIsoDate(item.date);
    if (!date) continue;
    const hours = asNumber(item.hours);
    const minutes = asNumber(item.minutes);
    const amount =
      asNumber(item.duration) ?? asNumber(item.amount) ?? (hours !== null ? hours + (minutes ?? 0) / 60 : null);
    days.push({
      date,
      amount,
      unit: timeOffUnit(asText(item.unit)) ?? (hours !== null ? 'hours' : unit),
      portion: dayPortion(asText(item.dayPortion) ?? asText(item.portion)),
    });
  }
  return days;
}

function boundaries(raw: RawRequest) {
  const startDate = asIsoDate(raw.startDate) ?? asIsoDate(raw.date);
  const endDate = asIsoDate(raw.endDate) ?? (raw.startDate ? null : asIsoDate(raw.date));
  const single = dayPortion(raw.dayPortion);
  const start = startDate
    ? { date: startDate, portion: dayPortion(raw.startPortion ?? raw.startDatePortion) ?? single, time: null }
    : null;
  const end = endDate
    ? { date: endDate, portion: dayPortion(raw.endPortion ?? raw.endDatePortion) ?? single, time: null }
    : null;
  return { start, end };
}

/** The normalized type of a request or absence: from the policy type when HiBob names it, else the display name. */
function requestType(typeName: string | null, name: string, raw: RawRequest): TimeOffRequest['type'] {
  return {
    value: policyTypeToType(typeName ?? name),
    source: {
      field: typeName ? 'policyType' : 'policyTypeDisplayName',
      value: typeName ?? name,
      label: raw.policyTypeDisplayName ?? null,
    },
  };
}

/**
 * The request's status in HiBob's own words: `status` where the endpoint gives it (request details, who's out),
 * else what the feed's `changeType` means (Created → approved, Pending → pending, Canceled → canceled, Deleted →
 * deleted). Both read paths thus describe the same request the same way.
 */
export function hibobStatusOf(raw: RawTimeOffRequest): string | null {
  if (raw.status) return raw.status.toLowerCase();
  if (raw.changeType) {
    const key = labelKey(raw.changeType);
    if (key === 'created' || key === 'updated' || key === 'approved') return 'approved';
    if (key === 'pending') return 'pending';
    if (key === 'canceled' || key === 'cancelled') return 'canceled';
    if (key === 'deleted') return 'deleted';
    return raw.changeType.toLowerCase();
  }
  if (raw.approved === true) return 'approved';
  return null;
}

/** Any request-shaped payload (changes, request details, whosout) → TimeOffRequest. */
export function mapTimeOffRequest(
  raw: RawTimeOffRequest,
  options: {
    includeRaw: boolean;
    employeeId?: string;
    fallbackStatus?: TimeOffStatusValue;
    /** Path-specific extras (per-day breakdown, note, change time), off by default so every read path agrees. */
    includeDays?: boolean;
    includeNote?: boolean;
    includeChangedAt?: boolean;
  },
): TimeOffRequest {
  const remoteId = requestIdOf(raw);
  const employeeId = timeOffIdOf(raw.employeeId, 'employeeId', remoteId) ?? options.employeeId ?? null;
  const { start, end } = boundaries(raw);
  if (!remoteId || !employeeId || !start)
    throw new InvalidProviderDataError(
      `hibob returned a time-off request without ${!remoteId ? 'requestId' : !employeeId ? 'employeeId' : 'startDate'}`,
      {
        provider: HIBOB,
        recordId: remoteId,
        path: !remoteId ? 'requestId' : !employeeId ? 'employeeId' : 'startDate',
      },
    );
  const unit = unitOf(raw);
  const status = hibobStatusOf(raw);
  const typeName = raw.policyType ?? null;
  const name = raw.policyTypeDisplayName ?? raw.policyType ?? 'Unknown policy';
  const approver = isRecord(raw.approver) ? asText(raw.approver.id) : asText(raw.approver);
  const request: TimeOffRequest = {
    id: hrkitId(HIBOB, remoteId),
    provider: HIBOB,
    remoteId,
    // The name is absent from request details: leaving it out of both read paths keeps records identical.
    employee: employeeRef(employeeId),
    policy: { id: null, name, typeName },
    type: requestType(typeName, name, raw),
    status: status
      ? { value: timeOffStatus(status), source: { field: 'status', value: status, label: null } }
      : { value: options.fallbackStatus ?? 'other', source: null },
    unit,
    amount: raw.totalDuration ?? hoursAndMinutesOf(raw),
    cost: raw.totalCost ?? null,
    rangeType: rangeTypeOf(raw),
    start,
    end,
    days: options.includeDays ? daysOf(raw, unit) : [],
    approver: approver ? employeeRef(approver) : null,
    note: options.includeNote ? (raw.description ?? null) : null,
    editChain: {
      originalRequestId: timeOffIdOf(raw.originalRequestId, 'originalRequestId', remoteId),
      previousRequestId: timeOffIdOf(raw.previousRequestId, 'previousRequestId', remoteId),
    },
    requestedAt: null,
    updatedAt: options.includeChangedAt ? asIsoDateTime(raw.createdOn) : null,
  };
  if (options.includeRaw) request.raw = raw as Record<string, unknown>;
  return request satisfies TimeOffRequest;
}

/** A who's-out / out-today entry → Absence. Out-today has no request id or status (it is approved leave). */
export function mapAbsence(raw: RawTimeOffRequest, options: { includeRaw: boolean; window: string }): Absence | null {
  // Unreadable (absent, or a number that lost precision): the caller reports it with core's reason.
  const employee = readRecordId(raw.employeeId);
  const employeeId = 'id' in employee ? employee.id : null;
  const { start, end } = boundaries(raw);
  if (!employeeId || !start) return null;
  const requestId = requestIdOf(raw);
  const typeName = raw.policyType ?? null;
  const name = raw.policyTypeDisplayName ?? raw.policyType ?? 'Unknown policy';
  const visibility = labelKey(raw.visibility ?? '');
  const absence: Absence = {
    id: hrkitId(
      HIBOB,
      `out:${requestId ?? `${employeeId}:${start.date}:${start.portion ?? 'all_day'}`}:${options.window}`,
    ),
    provider: HIBOB,
    employee: employeeRef(employeeId, raw.employeeDisplayName ?? null),
    requestId: requestId ? hrkitId(HIBOB, requestId) : null,
    policy: { id: null, name, typeName },
    type: requestType(typeName, name, raw),
    status: raw.status
      ? { value: timeOffStatus(raw.status), source: { field: 'status', value: raw.status, label: null } }
      : { value: 'approved', source: null },
    start,
    end,
    unit: unitOf(raw),
    amount: raw.totalDuration ?? hoursAndMinutesOf(raw),
    visibility:
      visibility === 'public'
        ? 'public'
        : visibility === 'private'
          ? 'private'
          : visibility === 'customname'
            ? 'custom_name'
            : 'unknown',
  };
  if (options.includeRaw) absence.raw = raw as Record<string, unknown>;
  return absence satisfies Absence;
}

export function mapPolicy(
  typeName: string,
  type: RawPolicyType | null,
  policy: RawPolicy | null,
  options: { includeRaw: boolean },
): TimeOffPolicy {
  const name = policy?.name ?? typeName;
  const activity = labelKey(type?.activity ?? '');
  const minimum = labelKey(policy?.minTimeOffRequestDuration ?? '');
  const result: TimeOffPolicy = {
    id: hrkitId(HIBOB, `policy:${name}`),
    provider: HIBOB,
    remoteId: `policy:${name}`,
    name,
    typeName,
    type: {
      value: policyTypeToType(typeName, type?.activity),
      source: { field: 'policyType', value: typeName, label: null },
    },
    unit: timeOffUnit(policy?.unit ?? type?.unit),
    paid: activity === 'paidtimeoff' ? true : activity === 'unpaidtimeoff' ? false : null,
    allowance: policy?.allowance ?? null,
    approvalRequired: policy?.approvalRequired ?? null,
    halfDaysSupported: minimum ? minimum === 'halfday' || minimum.startsWith('half') || minimum.endsWith('hour') : null,
    hoursSupported: minimum
      ? minimum.endsWith('hour')
      : timeOffUnit(policy?.unit ?? type?.unit) === 'hours'
        ? true
        : null,
    description: policy?.description ?? null,
  };
  if (options.includeRaw) result.raw = { policyType: type, policy };
  return result satisfies TimeOffPolicy;
}

export function mapBalance(
  raw: RawBalance,
  context: { employeeId: string; policyType: string; asOf: string; unit: TimeOffUnit | null; includeRaw: boolean },
): TimeOffBalance {
  const admin = raw.totalAdminAdjustments;
  const system = raw.totalSystemAdjustments;
  const adjustments =
    admin === null || admin === undefined
      ? (system ?? null)
      : system === null || system === undefined
        ? admin
        : admin + system;
  const policyName = raw.policy ?? context.policyType;
  const balance: TimeOffBalance = {
    id: `${HIBOB}:${context.employeeId}:${policyName}:${context.asOf}`,
    provider: HIBOB,
    employee: employeeRef(timeOffIdOf(raw.employeeId, 'employeeId') ?? context.employeeId),
    policy: { id: null, name: policyName, typeName: context.policyType },
    unit: context.unit,
    asOf: context.asOf,
    balance: raw.totalBalanceAsOfDate ?? raw.totalRoundedBalanceAsOfDate ?? null,
    used: raw.totalTaken ?? null,
    scheduled: null,
    accrued: null,
    allowance: raw.annualAllowance ?? null,
    adjustments,
  };
  if (context.includeRaw) balance.raw = raw as Record<string, unknown>;
  return balance satisfies TimeOffBalance;
}
