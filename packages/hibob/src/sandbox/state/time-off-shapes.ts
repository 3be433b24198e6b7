import { dateFromDay, dayNumber, isWeekend } from './time.js';
import type { DailyDuration, DayPortion, DurationType, Policy, RequestStatus, TimeOffRequest } from './types.js';

/** What a caller (generator or control API) says about a request's timing; the rest is computed. */
export interface RequestTiming {
  type: DurationType;
  startDate: string;
  endDate?: string | null;
  startPortion?: DayPortion;
  endPortion?: DayPortion;
  dayPortion?: DayPortion;
  /** Whole hours of an `hours` request; the rest goes in `minutes` (HiBob's request body, hibob-api.md §5.7). */
  hours?: number;
  minutes?: number;
  dailyHours?: number;
  percentage?: number;
  startTime?: string;
  endTime?: string;
  /** For the "different…" types: one entry per day. */
  durations?: DailyDuration[];
}

export interface RequestIdentity {
  requestId: number;
  employeeId: string;
  policy: Policy;
  status: RequestStatus;
  createdOn: string;
  description?: string | null;
  reasonCode?: number | null;
  originalRequestId?: number | null;
  previousRequestId?: number | null;
}

const HOURS_PER_DAY = 8;

/** Builds a complete request with the per-type fields and totals HiBob reports (hibob-api.md §5). */
export function shapeRequest(identity: RequestIdentity, timing: RequestTiming, today: string): TimeOffRequest {
  const { policy } = identity;
  const start = timing.startDate;
  const openEnded = timing.type === 'openEnded';
  const singleDay = timing.type === 'hours';
  // Open-ended requests have no end yet; their duration so far runs to today (sandbox choice, UNKNOWN in HiBob).
  const end = singleDay ? start : openEnded ? null : (timing.endDate ?? start);
  const request: TimeOffRequest = {
    requestId: identity.requestId,
    employeeId: identity.employeeId,
    policyType: policy.policyType,
    policyName: policy.name,
    type: timing.type,
    startDate: start,
    startPortion: timing.startPortion ?? 'all_day',
    endDate: end,
    endPortion: timing.endPortion ?? 'all_day',
    dayPortion: timing.type === 'portionOnRange' ? (timing.dayPortion ?? 'morning') : null,
    date: singleDay ? start : null,
    hoursOnDate: singleDay ? (timing.hours ?? 4) + (timing.minutes ?? 0) / 60 : null,
    dailyHours: timing.type === 'hoursOnRange' ? (timing.dailyHours ?? 4) : null,
    percentageOfDay: timing.type === 'percentageOnRange' ? (timing.percentage ?? 50) : null,
    startTime: timing.type === 'specificHoursDayDurations' ? (timing.startTime ?? '09:00') : null,
    endTime: timing.type === 'specificHoursDayDurations' ? (timing.endTime ?? '12:00') : null,
    // Only the "different…" types keep per-day input; the others are recomputed on demand (memory for 100k people).
    durations: [],
    durationUnit: policy.unit,
    totalDuration: 0,
    totalCost: 0,
    status: identity.status,
    description: identity.description ?? null,
    reasonCode: identity.reasonCode ?? null,
    createdOn: identity.createdOn,
    originalRequestId: identity.originalRequestId ?? null,
    previousRequestId: identity.previousRequestId ?? null,
  };
  if (timing.type === 'differentDayDurations' || timing.type === 'differentSpecificHoursDayDurations') {
    request.durations = perDayNatural(request, timing.durations ?? [], today);
  }
  let totalDuration = 0;
  let totalCost = 0;
  for (const entry of dailyBreakdown(request, policy, today)) {
    totalDuration += entry.duration;
    totalCost += entry.cost;
  }
  request.totalDuration = round(totalDuration);
  request.totalCost = round(totalCost);
  return request;
}

const NATURAL_DAYS: ReadonlySet<DurationType> = new Set(['days', 'portionOnRange', 'percentageOnRange', 'openEnded']);

/** Converts a natural-unit amount (days for day types, hours for hour types) to the policy unit. */
function convert(request: Pick<TimeOffRequest, 'type' | 'durationUnit'>, value: number): number {
  const natural = NATURAL_DAYS.has(request.type) ? 'days' : 'hours';
  if (natural === request.durationUnit) return value;
  return request.durationUnit === 'hours' ? value * HOURS_PER_DAY : value / HOURS_PER_DAY;
}

/** Per-day duration and cost in the policy unit; weekends cost nothing on work-days-only policies. */
export function dailyBreakdown(
  request: TimeOffRequest,
  policy: Pick<Policy, 'bookingWorkDaysOnly'>,
  today: string,
): Array<{ date: string; duration: number; cost: number }> {
  // Stored per-day input (the "different…" types) is in the type's natural unit, like computed days.
  const days = request.durations.length > 0 ? request.durations : perDayNatural(request, [], today);
  return days.map((entry) => {
    const duration = round(convert(request, entry.duration));
    return { date: entry.date, duration, cost: policy.bookingWorkDaysOnly && isWeekend(entry.date) ? 0 : duration };
  });
}

/** Per-day breakdown in the type's natural unit (days for day types, hours for hour types). */
function perDayNatural(request: TimeOffRequest, given: DailyDuration[], today: string): DailyDuration[] {
  const byDate = new Map(given.map((entry) => [entry.date, entry]));
  const { from, to } = requestSpan(request, today);
  const last = Math.min(to, from + 365);
  const result: DailyDuration[] = [];
  for (let day = from; day <= last; day++) {
    const date = dateFromDay(day);
    const index = day - from;
    const first = index === 0;
    const isLast = day === last;
    switch (request.type) {
      case 'hours':
        result.push({ date, duration: request.hoursOnDate ?? 4 });
        break;
      case 'portionOnRange':
        result.push({ date, duration: 0.5, portion: request.dayPortion ?? 'morning' });
        break;
      case 'percentageOnRange':
        result.push({ date, duration: (request.percentageOfDay ?? 50) / 100 });
        break;
      case 'hoursOnRange':
        result.push({ date, duration: request.dailyHours ?? 4 });
        break;
      case 'specificHoursDayDurations': {
        const startTime = request.startTime ?? '09:00';
        const endTime = request.endTime ?? '12:00';
        result.push({ date, duration: hoursBetween(startTime, endTime), startTime, endTime });
        break;
      }
      case 'differentDayDurations':
        result.push(byDate.get(date) ?? { date, duration: 2 + (index % 4) });
        break;
      case 'differentSpecificHoursDayDurations': {
        const entry = byDate.get(date);
        if (entry) {
          result.push(entry);
          break;
        }
        const startTime = `${String(9 + (index % 3)).padStart(2, '0')}:00`;
        const endTime = `${String(13 + (index % 3)).padStart(2, '0')}:30`;
        result.push({ date, duration: hoursBetween(startTime, endTime), startTime, endTime });
        break;
      }
      default: {
        // days and openEnded: whole days, halved at a portioned start or end.
        let duration = 1;
        if (first && request.startPortion !== 'all_day') duration -= 0.5;
        if (isLast && !first && request.endPortion !== 'all_day') duration -= 0.5;
        result.push({ date, duration });
      }
    }
  }
  return result;
}

function hoursBetween(startTime: string, endTime: string): number {
  const minutes = (time: string) => {
    const [h, m] = time.split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  };
  return Math.max(0, (minutes(endTime) - minutes(startTime)) / 60);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Days a request's leave covers, for overlap checks (open-ended ones run to `today` or their start). */
export function requestSpan(request: TimeOffRequest, today: string): { from: number; to: number } {
  const from = dayNumber(request.startDate);
  const to = request.endDate ? dayNumber(request.endDate) : Math.max(from, dayNumber(today));
  return { from, to };
}

/**
 * An hour amount the way HiBob serves it: whole hours plus a separate whole number of minutes (2.5 → 2 h 30).
 * The state keeps exact hours; only the views split them.
 */
export function splitHours(hours: number | null): { hours: number | null; minutes: number | null } {
  if (hours === null) return { hours: null, minutes: null };
  const total = Math.round(hours * 60);
  return { hours: Math.trunc(total / 60), minutes: total % 60 };
}
