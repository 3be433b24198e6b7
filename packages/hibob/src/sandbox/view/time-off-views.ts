import { hasFeature, inAudience, type ServiceUser } from '../access/service-users.js';
import type { CompanyState } from '../state/company-state.js';
import { displayName } from '../state/lifecycle.js';
import { bobTimestamp } from '../state/time.js';
import { dailyBreakdown, splitHours } from '../state/time-off-shapes.js';
import type { BobEmployee, TimeOffChange, TimeOffRequest } from '../state/types.js';

export interface VisibilityOptions {
  includePrivate: boolean;
  includePending: boolean;
}

/** How one caller sees one request: hidden, or with the policy names it may see (hibob-api.md §5). */
export interface SeenRequest {
  request: TimeOffRequest;
  employee: BobEmployee;
  policyType: string;
  policyTypeDisplayName: string;
  visibility: 'Public' | 'Private' | 'Custom name';
}

/**
 * Private-policy requests need the private permission and `includePrivate=true`; without them they
 * are hidden entirely. "Custom name" policies show their public name unless both are present.
 * Pending requests need the pending permission and `includePending=true`. People outside the
 * caller's audience are hidden.
 */
export function seeRequest(
  state: CompanyState,
  caller: ServiceUser,
  request: TimeOffRequest,
  options: VisibilityOptions,
): SeenRequest | null {
  const employee = state.employee(request.employeeId);
  if (!employee || !inAudience(caller, employee, state.today())) return null;
  if (request.status === 'pending' && !(options.includePending && hasFeature(caller, 'timeoff.pending'))) return null;
  const type = state.policyType(request.policyType);
  const visibility = type?.visibility ?? 'Public';
  const privileged = options.includePrivate && hasFeature(caller, 'timeoff.private');
  if (visibility === 'Private' && !privileged) return null;
  // The sandbox masks the type name too, so a custom public name never leaks the real one (sandbox choice).
  const shown =
    visibility === 'Custom name' && !privileged ? (type?.customPublicName ?? request.policyType) : request.policyType;
  return { request, employee, policyType: shown, policyTypeDisplayName: shown, visibility };
}

/** Fields that only some duration types have (times, percentages, per-day durations). */
function typeExtras(request: TimeOffRequest): Record<string, unknown> {
  switch (request.type) {
    case 'percentageOnRange':
      return { percentageOfDay: request.percentageOfDay };
    case 'specificHoursDayDurations':
      return { startTime: request.startTime, endTime: request.endTime };
    case 'differentDayDurations':
    case 'differentSpecificHoursDayDurations':
      return { durations: request.durations };
    default:
      return {};
  }
}

/** `/timeoff/requests/changes` item: `startPortion`/`endPortion` and `type` (hibob-api.md §5.2). */
export function changeView(seen: SeenRequest, change: TimeOffChange, state: CompanyState): Record<string, unknown> {
  const { request, employee } = seen;
  return {
    changeType: change.changeType,
    requestId: request.requestId,
    employeeId: employee.id,
    employeeDisplayName: displayName(employee),
    employeeEmail: employee.email,
    policyTypeDisplayName: seen.policyTypeDisplayName,
    type: request.type,
    startDate: request.startDate,
    startPortion: request.startPortion,
    endDate: request.endDate,
    endPortion: request.endPortion,
    dayPortion: request.dayPortion,
    date: request.date,
    hoursOnDate: splitHours(request.hoursOnDate).hours,
    minutes: splitHours(request.hoursOnDate).minutes,
    dailyHours: request.dailyHours,
    durationUnit: request.durationUnit,
    totalDuration: request.totalDuration,
    totalCost: request.totalCost,
    changeReason: change.changeReason,
    originalRequestId: request.originalRequestId,
    previousRequestId: request.previousRequestId,
    createdOn: bobTimestamp(change.at),
    visibility: seen.visibility,
    timeZone:
      employee.siteId === null
        ? 'UTC'
        : (state.data.sites.find((site) => site.id === employee.siteId)?.timeZone ?? 'UTC'),
    ...typeExtras(request),
  };
}

/** `/timeoff/whosout` item: OAS `Request` names (`startPortion`, `type`, `status`). */
export function whosOutView(seen: SeenRequest): Record<string, unknown> {
  const { request, employee } = seen;
  return {
    requestId: request.requestId,
    employeeId: employee.id,
    employeeDisplayName: displayName(employee),
    policyType: seen.policyType,
    policyTypeDisplayName: seen.policyTypeDisplayName,
    type: request.type,
    startDate: request.startDate,
    startPortion: request.startPortion,
    endDate: request.endDate,
    endPortion: request.endPortion,
    dayPortion: request.dayPortion,
    date: request.date,
    hoursOnDate: splitHours(request.hoursOnDate).hours,
    minutes: splitHours(request.hoursOnDate).minutes,
    dailyHours: request.dailyHours,
    status: request.status,
    totalCost: request.totalCost,
    visibility: seen.visibility,
    ...typeExtras(request),
  };
}

/** `/timeoff/outtoday` item: its own names (`requestRangeType`, `startDatePortion`, `hours`), no requestId or status. */
export function outTodayView(seen: SeenRequest): Record<string, unknown> {
  const { request, employee } = seen;
  return {
    employeeId: employee.id,
    employeeDisplayName: displayName(employee),
    employeeEmail: employee.email,
    policyTypeDisplayName: seen.policyTypeDisplayName,
    requestRangeType: request.type,
    startDate: request.startDate,
    startDatePortion: request.startPortion,
    endDate: request.endDate,
    endDatePortion: request.endPortion,
    dayPortion: request.dayPortion,
    dailyHours: request.dailyHours,
    date: request.date,
    hours: splitHours(request.hoursOnDate).hours,
    minutes: splitHours(request.hoursOnDate).minutes,
  };
}

/** `/timeoff/employees/{id}/requests/{requestId}`: `startDatePortion` names, status and `approved`. */
export function requestView(
  seen: SeenRequest,
  includeDailyDurations: boolean,
  state: CompanyState,
): Record<string, unknown> {
  const { request } = seen;
  const policy = state.policy(request.policyName);
  const view: Record<string, unknown> = {
    requestId: request.requestId,
    employeeId: request.employeeId,
    policyTypeDisplayName: seen.policyTypeDisplayName,
    type: request.type,
    startDate: request.startDate,
    startDatePortion: request.startPortion,
    endDate: request.endDate,
    endDatePortion: request.endPortion,
    dayPortion: request.dayPortion,
    date: request.date,
    hoursOnDate: splitHours(request.hoursOnDate).hours,
    minutes: splitHours(request.hoursOnDate).minutes,
    dailyHours: request.dailyHours,
    durationUnit: request.durationUnit,
    totalDuration: request.totalDuration,
    totalCost: request.totalCost,
    status: request.status,
    approved: request.status === 'approved',
    description: request.description,
    hasAttachment: false,
    attachmentLinks: [],
    reasonCode: request.reasonCode,
    originalRequestId: request.originalRequestId,
    previousRequestId: request.previousRequestId,
    visibility: seen.visibility,
    ...typeExtras(request),
  };
  if (includeDailyDurations) {
    view.dailyDurations = dailyBreakdown(request, policy ?? { bookingWorkDaysOnly: false }, state.today());
  }
  return view;
}
