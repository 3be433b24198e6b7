import type { SeededGenerator } from '@hrkit/sandbox-kit';
import { policyNameFor } from '../data/time-off-policies.js';
import { lifecycleOn } from '../state/lifecycle.js';
import { addDays, bobTimestamp, dayNumber, pickDate } from '../state/time.js';
import { type RequestTiming, shapeRequest } from '../state/time-off-shapes.js';
import {
  type BobEmployee,
  DURATION_TYPES,
  type DurationType,
  type Policy,
  type RequestStatus,
  type TimeOffChange,
  type TimeOffRequest,
} from '../state/types.js';

// Weighted choices, hoisted so 100,000 draws allocate nothing.
const REQUEST_COUNT_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [0, 25],
  [1, 40],
  [2, 25],
  [3, 10],
];
const STATUS_WEIGHTS: ReadonlyArray<readonly [RequestStatus, number]> = [
  ['approved', 68],
  ['pending', 12],
  ['declined', 6],
  ['canceled', 9],
  ['deleted', 5],
];

const DAY_TYPES_POLICY = ['Holiday', 'Holiday', 'Holiday', 'Sick', 'Parental leave'];
const HOUR_TYPES_POLICY = ['Medical appointment', 'Personal hours'];
const HOUR_TYPES: ReadonlySet<DurationType> = new Set([
  'hours',
  'hoursOnRange',
  'differentDayDurations',
  'specificHoursDayDurations',
  'differentSpecificHoursDayDurations',
]);

/**
 * Requests of every duration type and status over the last ~8 months and the next 3, with their
 * change-feed entries. About 5 % of approved requests are the end of an edit chain: the earlier
 * versions are canceled and the new id carries originalRequestId/previousRequestId.
 */
export function generateTimeOff(input: {
  random: SeededGenerator;
  employees: BobEmployee[];
  policies: Policy[];
  today: string;
  nowMs: number;
  firstRequestId: number;
}): { requests: TimeOffRequest[]; changes: TimeOffChange[]; nextRequestId: number } {
  const { random, employees, policies, today, nowMs } = input;
  const policyByName = new Map(policies.map((policy) => [policy.name, policy]));
  const requests: TimeOffRequest[] = [];
  const changes: TimeOffChange[] = [];
  let nextRequestId = input.firstRequestId;
  let typeCursor = random.int(0, DURATION_TYPES.length - 1);

  for (const employee of employees) {
    if (lifecycleOn(employee, today) === 'hired') continue;
    const count = random.weightedPick(REQUEST_COUNT_WEIGHTS);
    for (let n = 0; n < count; n++) {
      // Round-robin over the types so even a 10-person company has every duration type.
      const type = DURATION_TYPES[typeCursor++ % DURATION_TYPES.length]!;
      const policyType = random.pick(HOUR_TYPES.has(type) ? HOUR_TYPES_POLICY : DAY_TYPES_POLICY);
      const policy = policyByName.get(policyNameFor(policyType, employee.siteId))!;
      const lastDay = employee.terminationDate ? addDays(employee.terminationDate, -1) : addDays(today, 90);
      const firstDay = maxDate(employee.startDate, addDays(today, -240));
      if (firstDay > lastDay) continue;
      const startDate = pickDate(random, firstDay, lastDay);
      const timing = timingFor(random, type, startDate);
      const status = random.weightedPick(STATUS_WEIGHTS);
      const createdMs = Math.min(
        nowMs - 60_000,
        (dayNumber(startDate) - random.int(1, 40)) * 86_400_000 + random.int(0, 86_399_999),
      );
      const laterMs = (from: number) => Math.min(nowMs - 1_000, from + random.int(3_600_000, 10 * 86_400_000));
      const chained = status === 'approved' && random.chance(0.05);
      let previous: TimeOffRequest | null = null;
      let createdAt = createdMs;
      const versions = chained ? random.int(2, 3) : 1;
      for (let version = 0; version < versions; version++) {
        const isLast = version === versions - 1;
        const versionTiming: RequestTiming = isLast
          ? timing
          : { ...timing, startDate: addDays(timing.startDate, -(versions - version)) };
        if (versionTiming.endDate) versionTiming.endDate = maxDate(versionTiming.endDate, versionTiming.startDate);
        const request = shapeRequest(
          {
            requestId: nextRequestId++,
            employeeId: employee.id,
            policy,
            status: isLast ? status : 'canceled',
            createdOn: bobTimestamp(createdAt),
            description: random.chance(0.3) ? 'Booked in the sandbox' : null,
            reasonCode: policyType === 'Sick' && random.chance(0.5) ? 3000 : null,
            originalRequestId: previous ? (previous.originalRequestId ?? previous.requestId) : null,
            previousRequestId: previous ? previous.requestId : null,
          },
          versionTiming,
          today,
        );
        requests.push(request);
        changes.push(...changesFor(request, createdAt, laterMs(createdAt), policy.approvalRequired));
        if (previous) {
          // The hard edit cancels the previous version at the moment the new one is created.
          changes.push({
            at: createdAt,
            changeType: 'Canceled',
            changeReason: 'Request was edited',
            requestId: previous.requestId,
          });
        }
        previous = request;
        createdAt = laterMs(createdAt);
      }
    }
  }
  changes.sort((a, b) => a.at - b.at || a.requestId - b.requestId);
  return { requests, changes, nextRequestId };
}

function changesFor(
  request: TimeOffRequest,
  createdAt: number,
  laterAt: number,
  approvalRequired: boolean,
): TimeOffChange[] {
  const entry = (
    at: number,
    changeType: TimeOffChange['changeType'],
    changeReason: string | null = null,
  ): TimeOffChange => ({
    at,
    changeType,
    changeReason,
    requestId: request.requestId,
  });
  const opened = approvalRequired ? [entry(createdAt, 'Pending')] : [];
  switch (request.status) {
    case 'approved':
      return approvalRequired ? [...opened, entry(laterAt, 'Created')] : [entry(createdAt, 'Created')];
    case 'pending':
      return [entry(createdAt, 'Pending')];
    case 'declined':
      // Sandbox choice: a declined pending request shows up as Canceled (HiBob's enum has no Declined).
      return [entry(createdAt, 'Pending'), entry(laterAt, 'Canceled', 'Declined by approver')];
    case 'canceled':
      return request.previousRequestId === null && request.originalRequestId === null
        ? [entry(createdAt, 'Created'), entry(laterAt, 'Canceled', 'Canceled by employee')]
        : [entry(createdAt, 'Created')];
    case 'deleted':
      return [entry(createdAt, 'Created'), entry(laterAt, 'Deleted', 'Deleted by admin')];
  }
}

function timingFor(random: SeededGenerator, type: DurationType, startDate: string): RequestTiming {
  const span = (max: number) => addDays(startDate, random.int(0, max));
  switch (type) {
    case 'days':
      return {
        type,
        startDate,
        endDate: span(9),
        startPortion: random.chance(0.2) ? 'afternoon' : 'all_day',
        endPortion: random.chance(0.2) ? 'morning' : 'all_day',
      };
    case 'hours': {
      // One draw of quarter hours (1 h … 6 h 30): some requests carry minutes, as HiBob's hour-based policies allow.
      const quarters = random.int(4, 26);
      return { type, startDate, hours: Math.trunc(quarters / 4), minutes: (quarters % 4) * 15 };
    }
    case 'portionOnRange':
      return { type, startDate, endDate: span(4), dayPortion: random.pick(['morning', 'afternoon'] as const) };
    case 'hoursOnRange':
      return { type, startDate, endDate: span(4), dailyHours: random.int(1, 4) };
    case 'differentDayDurations': {
      const endDate = span(3);
      const durations = [];
      for (let day = startDate; day <= endDate; day = addDays(day, 1))
        durations.push({ date: day, duration: random.int(1, 7) });
      return { type, startDate, endDate, durations };
    }
    case 'specificHoursDayDurations':
      return {
        type,
        startDate,
        endDate: span(2),
        startTime: '09:00',
        endTime: random.pick(['11:00', '12:30', '13:00']),
      };
    case 'differentSpecificHoursDayDurations':
      return { type, startDate, endDate: span(2) };
    case 'percentageOnRange':
      return { type, startDate, endDate: span(6), percentage: random.pick([20, 25, 50, 80]) };
    case 'openEnded':
      return { type, startDate };
  }
}

function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
