import {
  type Absence,
  NotFoundError,
  paginatePages,
  type ReadOptions,
  type TimeOffRangeOptions,
  type TimeOffRequest,
  type TimeOffRequestChangesOptions,
} from '@hrkit/core';
import { ABSENCE_PAGE, type PersonioClient } from '../client.js';
import { PERSONIO } from '../config.js';
import { toAbsence } from '../mapping/absence.js';
import { fromAbsencePeriod, fromTimeOff } from '../mapping/time-off-request.js';

type Params = Record<string, string | readonly string[] | undefined>;

/**
 * Both absence endpoints page by page number from 1 (`offset=0` is read as page 1, so counting records or pages
 * from 0 silently repeats or skips: docs/providers/personio.md › Paging). A repeated page fails instead of looping.
 */
function pages<T extends { attributes: { id: string } }>(
  fetch: (
    page: number,
  ) => Promise<{ data: T[]; metadata?: { total_elements?: number | null; total_pages?: number | null } | null }>,
  request: string,
) {
  return paginatePages(
    async (page) => {
      const answer = await fetch(page);
      return { items: answer.data, total: answer.metadata?.total_elements, totalPages: answer.metadata?.total_pages };
    },
    { firstPage: 1, limit: ABSENCE_PAGE, idOf: (raw) => raw.attributes.id, provider: PERSONIO, request },
  );
}

/** Day-based requests from `/company/time-offs`, then hour-based ones from `/company/absence-periods`. */
async function* requests(client: PersonioClient, params: Params, options: ReadOptions): AsyncIterable<TimeOffRequest> {
  const seen = new Set<string>(); // Personio has served one record on two pages: each request is read once
  const once = (request: TimeOffRequest) => !seen.has(request.id) && Boolean(seen.add(request.id));
  for await (const raw of pages(
    (page) => client.timeOffsPage(page, params, options.signal),
    'GET /company/time-offs',
  )) {
    const request = fromTimeOff(raw, options);
    if (once(request)) yield request;
  }
  const types = await client.timeOffTypes(options.signal);
  const periods = pages(
    (page) => client.absencePeriodsPage(page, params, options.signal),
    'GET /company/absence-periods',
  );
  for await (const raw of periods) {
    const request = fromAbsencePeriod(raw, types, options);
    if (once(request)) yield request;
  }
}

/** Requests overlapping [from, to]; the range is checked again here (Personio's `end_date` was seen to leak a day). */
export async function* listTimeOffRequests(client: PersonioClient, options: TimeOffRangeOptions) {
  for await (const request of requests(client, { start_date: options.from, end_date: options.to }, options)) {
    if (request.start.date > options.to || (request.end?.date ?? request.start.date) < options.from) continue;
    if (options.includePending || request.status.value !== 'requested') yield request;
  }
}

/** `updated_from` by day (the finest both endpoints share), then the instant is compared here. */
export async function* listTimeOffRequestChanges(client: PersonioClient, options: TimeOffRequestChangesOptions) {
  const params = { updated_from: options.since.slice(0, 10), updated_to: options.until?.slice(0, 10) };
  for await (const request of requests(client, params, options)) {
    if (
      request.updatedAt &&
      (request.updatedAt < options.since || (options.until && request.updatedAt > options.until))
    )
      continue;
    if (options.includePending || request.status.value !== 'requested') yield request;
  }
}

/** A v1 number reads `/company/time-offs/{id}`; a UUID (what webhooks name) is looked up among the employee's. */
export async function getTimeOffRequest(client: PersonioClient, employeeId: string, id: string, options: ReadOptions) {
  const found = /^\d+$/.test(id)
    ? fromTimeOff(await client.timeOff(id, options.signal), options)
    : await first(requests(client, { 'employees[]': [employeeId], 'absence_periods[]': [id] }, options), id);
  if (found?.employee.remoteId !== employeeId) throw new NotFoundError('time-off request', id, { provider: PERSONIO });
  return found;
}

async function first(requests: AsyncIterable<TimeOffRequest>, id: string) {
  for await (const request of requests) if (request.remoteId === id) return request;
  return null;
}

/** Who's out: the approved requests over the range (Personio has no endpoint for it). */
export async function* listWhosOut(client: PersonioClient, options: TimeOffRangeOptions): AsyncIterable<Absence> {
  for await (const request of listTimeOffRequests(client, { ...options, includePending: false }))
    if (request.status.value === 'approved') yield toAbsence(request);
}
