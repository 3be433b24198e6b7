import {
  type Absence,
  issueValue,
  type OutTodayOptions,
  type ReadOptions,
  reportDataIssue,
  type TimeOffRangeOptions,
  type TimeOffRequest,
} from '@hrkit/core';
import type { BambooHrClient } from '../client.js';
import { BAMBOOHR } from '../config.js';
import { PeopleIndex } from '../mapping/people-index.js';
import { mapWhosOut } from '../mapping/absence.js';
import { mapTimeOffRequest } from '../mapping/time-off-request.js';
import { date } from '../mapping/values.js';
import { type BambooHrReadContext, todayIn } from './context.js';

// #region read-absences
/** Who is out in [from, to] (`whos_out`, approved leave and holidays). */
export async function* listWhosOut(context: BambooHrReadContext, options: TimeOffRangeOptions): AsyncIterable<Absence> {
  yield* await readAbsences(context.client, options.from, options.to, options);
}

/** Who is out on one day, today on the connection's clock unless `date` is given. */
export async function* listOutToday(
  context: BambooHrReadContext,
  options: OutTodayOptions = {},
): AsyncIterable<Absence> {
  const day = options.date ?? todayIn(context);
  yield* await readAbsences(context.client, day, day, options);
}
// #endregion read-absences

/** whos_out for a window, enriched with the matching requests (type, unit, amount) read for the same window. */
export async function readAbsences(
  client: BambooHrClient,
  from: string,
  to: string,
  options: ReadOptions,
): Promise<Absence[]> {
  const entries = await client.whosOut(from, to, options.signal);
  const people = new PeopleIndex(BAMBOOHR);
  const requests = new Map<string, TimeOffRequest>();
  if (entries.some((entry) => entry.type === 'timeOff'))
    for (const raw of await client.timeOffRequests({ start: from, end: to }, options.signal))
      requests.set(raw.id, mapTimeOffRequest(raw, { provider: BAMBOOHR, people }));
  const result: Absence[] = [];
  for (const [recordIndex, entry] of entries.entries()) {
    // A time-off row without an employee or a start date cannot be placed: reported, never skipped in silence
    // (holiday rows carry no employee by design).
    if (entry.type === 'timeOff' && (!entry.employeeId || !date(entry.start))) {
      const field = entry.employeeId ? 'start' : 'employeeId';
      const value = issueValue(field === 'start' ? entry.start : entry.employeeId);
      reportDataIssue(
        {
          recordIndex,
          recordId: entry.id,
          field,
          reason: field === 'start' ? 'unreadable start date' : 'missing employee id',
          ...(value !== undefined ? { value } : {}),
        },
        options.onDataIssue,
        { provider: BAMBOOHR, what: 'whos_out entry' },
      );
      continue;
    }
    const request = requests.get(entry.id);
    const absence = mapWhosOut(entry, {
      provider: BAMBOOHR,
      people,
      ...(request ? { request } : {}),
      includeRaw: options.includeRaw,
    });
    if (absence) result.push(absence);
  }
  return result;
}
