import { addDays, dayNumber, isWeekend } from './time.js';
import type { DailyDuration, DayPortion, DurationType, Policy, RequestStatus, TimeOffRequest } from './types.js';

/** What a caller (generator or control API) says about a request's timing; the rest is computed. */
export interface RequestTiming {
  type: DurationType;
  startDate: string;
  endDate?: string | null;
  startPortion?: DayPortion;
  endPortion?: DayPortion;
  dayPortion?: DayPortion;
  hours?: number;
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
  const lastCountedDay = end ?? (today >= start ? today : start);
  const days: string[] = [];
  for (let day = start; day <= lastCountedDay && days.length < 366; day = addDays(day, 1)) days.push(day);

  const durations = perDay(timing, days);
  const naturalUnit = ['days', 'portionOnRange', 'percentageOnRange', 'openEnded'].includes(timing.type)
    ? 'days'
    : 'hours';
  const convert = (value: number) =>
    naturalUnit === policy.unit ? value : policy.unit === 'hours' ? value * HOURS_PER_DAY : value / HOURS_PER_DAY;
  const totalDuration = round(convert(durations.reduce((sum, entry) => sum + entry.duration, 0)));
  const totalCost = round(
    convert(
      durations.reduce(
        (sum, entry) => sum + (policy.bookingWorkDaysOnly && isWeekend(entry.date) ? 0 : entry.duration),
        0,
      ),
    ),
  );

  return {
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
    hoursOnDate: singleDay ? (timing.hours ?? 4) : null,
    dailyHours: timing.type === 'hoursOnRange' ? (timing.dailyHours ?? 4) : null,
    percentageOfDay: timing.type === 'percentageOnRange' ? (timing.percentage ?? 50) : null,
    startTime: timing.type === 'specificHoursDayDurations' ? (timing.startTime ?? '09:00') : null,
    endTime: timing.type === 'specificHoursDayDurations' ? (timing.endTime ?? '12:00') : null,
    durations: durations.map((entry) => ({ ...entry, duration: round(convert(entry.duration)) })),
    durationUnit: policy.unit,
    totalDuration,
    totalCost,
    status: identity.status,
    description: identity.description ?? null,
    reasonCode: identity.reasonCode ?? null,
    createdOn: identity.createdOn,
    originalRequestId: identity.originalRequestId ?? null,
    previousRequestId: identity.previousRequestId ?? null,
  };
}

/** Per-day breakdown in the type's natural unit (days for day types, hours for hour types). */
function perDay(timing: RequestTiming, days: string[]): DailyDuration[] {
  const given = new Map((timing.durations ?? []).map((entry) => [entry.date, entry]));
  return days.map((date, index) => {
    const first = index === 0;
    const last = index === days.length - 1;
    switch (timing.type) {
      case 'hours':
        return { date, duration: timing.hours ?? 4 };
      case 'portionOnRange':
        return { date, duration: 0.5, portion: timing.dayPortion ?? 'morning' };
      case 'percentageOnRange':
        return { date, duration: (timing.percentage ?? 50) / 100 };
      case 'hoursOnRange':
        return { date, duration: timing.dailyHours ?? 4 };
      case 'specificHoursDayDurations': {
        const startTime = timing.startTime ?? '09:00';
        const endTime = timing.endTime ?? '12:00';
        return { date, duration: hoursBetween(startTime, endTime), startTime, endTime };
      }
      case 'differentDayDurations':
        return given.get(date) ?? { date, duration: 2 + (index % 4) };
      case 'differentSpecificHoursDayDurations': {
        const entry = given.get(date);
        if (entry) return entry;
        const startTime = `${String(9 + (index % 3)).padStart(2, '0')}:00`;
        const endTime = `${String(13 + (index % 3)).padStart(2, '0')}:30`;
        return { date, duration: hoursBetween(startTime, endTime), startTime, endTime };
      }
      default: {
        // days and openEnded: whole days, halved at a portioned start or end.
        let duration = 1;
        if (first && timing.startPortion && timing.startPortion !== 'all_day') duration -= 0.5;
        if (last && !first && timing.endPortion && timing.endPortion !== 'all_day') duration -= 0.5;
        return { date, duration };
      }
    }
  });
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
