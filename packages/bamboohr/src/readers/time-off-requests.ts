import {
  NotFoundError,
  type ReadOptions,
  type TimeOffRangeOptions,
  type TimeOffRequest,
  type TimeOffRequestChangesOptions,
} from '@hrkit/core';
import { BAMBOOHR } from '../config.js';
import { PeopleIndex } from '../mapping/people-index.js';
import { mapTimeOffRequest } from '../mapping/time-off-request.js';
import { date } from '../mapping/values.js';
import type { BambooHrReadContext } from './context.js';

// #region read-time-off
/** Requests overlapping [from, to]: BambooHR answers one unpaged list. Pending ones only when asked for. */
export async function* listTimeOffRequests(
  context: BambooHrReadContext,
  options: TimeOffRangeOptions,
): AsyncIterable<TimeOffRequest> {
  const raw = await context.client.timeOffRequests({ start: options.from, end: options.to }, options.signal);
  const people = new PeopleIndex(BAMBOOHR);
  for (const item of raw) {
    const request = mapTimeOffRequest(item, { provider: BAMBOOHR, people, includeRaw: options.includeRaw });
    if (!options.includePending && request.status.value === 'requested') continue;
    yield request;
  }
}
// #endregion read-time-off

/**
 * BambooHR has no change feed for time off: read the requests whose leave lies within ±2 years of the asked
 * instants and keep those whose status changed (or that were created) on or after the day of `since`. Day
 * granularity: BambooHR gives list dates without a time, so a change earlier that same day is included too.
 */
export async function* listTimeOffRequestChanges(
  context: BambooHrReadContext,
  options: TimeOffRequestChangesOptions,
): AsyncIterable<TimeOffRequest> {
  const sinceDay = options.since.slice(0, 10);
  const untilDay = (options.until ?? new Date(context.now()).toISOString()).slice(0, 10);
  const window = { start: shiftYears(sinceDay, -2), end: shiftYears(untilDay, 2) };
  const people = new PeopleIndex(BAMBOOHR);
  for (const item of await context.client.timeOffRequests(window, options.signal)) {
    const changed = date(item.status?.lastChanged) ?? date(item.created);
    if (!changed || changed < sinceDay || changed > untilDay) continue;
    const request = mapTimeOffRequest(item, { provider: BAMBOOHR, people, includeRaw: options.includeRaw });
    if (!options.includePending && request.status.value === 'requested') continue;
    yield request;
  }
}

export async function getTimeOffRequest(
  context: BambooHrReadContext,
  employeeRemoteId: string,
  requestRemoteId: string,
  options: ReadOptions = {},
): Promise<TimeOffRequest> {
  // The list endpoint filtered by id is the only read of one request; it still insists on a date window.
  const raw = await context.client.timeOffRequests(
    { start: '1900-01-01', end: '2999-12-31', id: requestRemoteId, employeeId: employeeRemoteId },
    options.signal,
  );
  const found = raw.find((item) => item.id === requestRemoteId && item.employeeId === employeeRemoteId);
  if (!found) throw new NotFoundError('time-off request', requestRemoteId, { provider: BAMBOOHR });
  return mapTimeOffRequest(found, { provider: BAMBOOHR, people: new PeopleIndex(BAMBOOHR), ...options });
}

function shiftYears(isoDate: string, years: number): string {
  return `${String(Number(isoDate.slice(0, 4)) + years).padStart(4, '0')}${isoDate.slice(4, 10)}`.replace(
    '-02-29',
    '-02-28',
  );
}
