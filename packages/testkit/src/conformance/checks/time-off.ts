import { Absence, type Connection, TimeOffBalance, TimeOffPolicy, TimeOffRequest } from '@hrkit/core';
import { expect } from 'vitest';
import { type ConformanceContext, drain } from '../context.js';
import { expectNonEmpty, expectUniqueIds, expectValidRecords, overlaps } from './assertions.js';

type Boundary = { date: string };

/** Every record's [start, end] overlaps the asked window. */
function expectWithin(
  records: readonly { id: string; start: Boundary; end: Boundary | null }[],
  from: string,
  to: string,
  what: string,
) {
  const outside = records
    .filter((record) => !overlaps(record.start.date, record.end?.date ?? null, from, to))
    .map((record) => `${record.id} (${record.start.date}…${record.end?.date ?? 'open'})`);
  expect(outside, `${what} returned records outside [${from}, ${to}]`).toEqual([]);
}

/** Employees referenced by time-off records are employees the credential can see (leavers included). */
function expectKnownEmployees(
  context: ConformanceContext,
  records: readonly { id: string; employee: { remoteId: string } }[],
  what: string,
) {
  const known = new Set(context.expectedEmployeeIds(true));
  const strangers = records.filter((record) => !known.has(record.employee.remoteId)).map((record) => record.id);
  expect(strangers, `${what} names employees the sandbox does not have`).toEqual([]);
}

export async function timeOffRequestsInRange(context: ConformanceContext): Promise<void> {
  const connection = context.connect();
  const { from, to } = context.options.timeOffWindow;
  for (const includePending of [false, true]) {
    const what = `timeOff.requests({ from: ${from}, to: ${to}, includePending: ${includePending} })`;
    const requests = await drain(connection.timeOff.requests({ from, to, includePending }));
    if (includePending) expectNonEmpty(requests, what);
    else
      expect(
        requests.filter((request) => request.status.value === 'requested').map((request) => request.id),
        `${what} returned requests still awaiting approval`,
      ).toEqual([]);
    expectValidRecords(TimeOffRequest, requests, context.key, what);
    expectUniqueIds(requests, what);
    expectWithin(requests, from, to, what);
    expectKnownEmployees(context, requests, what);
  }
  // A narrower window is a subset: the adapter filters by the range it was asked, not a fixed one.
  const narrow = { from, to: from };
  const inNarrow = await drain(connection.timeOff.requests({ ...narrow, includePending: true }));
  expectWithin(inNarrow, narrow.from, narrow.to, `timeOff.requests(${narrow.from}…${narrow.to})`);
}

/** Skip reason when the sandbox handle has no time-off ground truth (see SandboxHandle.expected). */
export function withoutTimeOffGroundTruth(context: ConformanceContext): string | null {
  return context.sandbox.expected.timeOffRequestRemoteIds
    ? null
    : `the ${context.key} sandbox handle has no expected.timeOffRequestRemoteIds: time-off completeness is not checked`;
}

/**
 * Every request overlapping the window is read, each once — with the sandbox's time-off pages made small
 * (`timeOffPageSize`), so an adapter that stops after the first page, or mis-computes the next offset, fails.
 */
export async function timeOffRequestsMatchGroundTruth(context: ConformanceContext): Promise<void> {
  const truth = context.sandbox.expected.timeOffRequestRemoteIds;
  if (!truth) throw new Error(withoutTimeOffGroundTruth(context) ?? 'no ground truth');
  const { from, to } = context.options.timeOffWindow;
  const connection = context.connect();
  for (const includePending of [false, true]) {
    const expected = [...truth({ from, to, includePending })].sort();
    expect(
      expected.length,
      `the ground truth has fewer than two time-off pages in [${from}, ${to}] (timeOffPageSize ${context.options.timeOffPageSize}): generate more leave`,
    ).toBeGreaterThan(context.options.timeOffPageSize);
    const read = await drain(connection.timeOff.requests({ from, to, includePending }));
    expect(
      read.map((request) => request.remoteId).sort(),
      `timeOff.requests({ from: ${from}, to: ${to}, includePending: ${includePending} }) differs from the sandbox's ground truth (pages of ${context.options.timeOffPageSize})`,
    ).toEqual(expected);
  }
}

export async function timeOffRequestIdsAreStable(context: ConformanceContext): Promise<void> {
  const window = { ...context.options.timeOffWindow, includePending: true };
  const read = async (connection: Connection) => (await drain(connection.timeOff.requests(window))).map((r) => r.id);
  const first = await read(context.connect());
  expect((await read(context.connect())).sort(), 'time-off request ids differ between two reads').toEqual(first.sort());
}

export async function timeOffRequestAgreesWithList(context: ConformanceContext): Promise<void> {
  const connection = context.connect();
  const listed = await drain(connection.timeOff.requests({ ...context.options.timeOffWindow, includePending: true }));
  expectNonEmpty(listed, 'timeOff.requests');
  for (const request of listed.slice(0, 3)) {
    const fetched = await connection.timeOff.request(request.employee.remoteId, request.remoteId);
    expect(fetched, `timeOff.request(${request.remoteId}) disagrees with timeOff.requests`).toEqual(request);
  }
}

export async function timeOffRequestChangesSince(context: ConformanceContext): Promise<void> {
  const since = `${context.options.timeOffWindow.from}T00:00:00.000Z`;
  const what = `timeOff.requestChanges({ since: ${since} })`;
  const requests = await drain(context.connect().timeOff.requestChanges({ since, includePending: true }));
  expectValidRecords(TimeOffRequest, requests, context.key, what);
  expectUniqueIds(requests, `${what} (latest state per request)`);
  const stale = requests.filter((request) => {
    const changed = request.updatedAt ?? request.requestedAt;
    return changed !== null && Date.parse(changed) < Date.parse(since);
  });
  expect(
    stale.map((request) => request.id),
    `${what} returned requests last changed before since`,
  ).toEqual([]);
}

export async function whosOutInRange(context: ConformanceContext): Promise<void> {
  const { from, to } = context.options.timeOffWindow;
  const what = `timeOff.whosOut({ from: ${from}, to: ${to} })`;
  const absences = await drain(context.connect().timeOff.whosOut({ from, to }));
  expectNonEmpty(absences, what);
  expectValidRecords(Absence, absences, context.key, what);
  expectUniqueIds(absences, what);
  expectWithin(absences, from, to, what);
  expectKnownEmployees(context, absences, what);
}

export async function outTodayCoversTheDay(context: ConformanceContext): Promise<void> {
  const connection = context.connect();
  const { from, to } = context.options.timeOffWindow;
  for (const date of [from, to]) {
    const what = `timeOff.outToday({ date: ${date} })`;
    const absences = await drain(connection.timeOff.outToday({ date }));
    expectValidRecords(Absence, absences, context.key, what);
    expectWithin(absences, date, date, what);
  }
}

export async function balancesAsOf(context: ConformanceContext): Promise<void> {
  const asOf = context.options.timeOffWindow.from;
  const what = `timeOff.balances({ asOf: ${asOf} })`;
  const balances = await drain(context.connect().timeOff.balances({ asOf }));
  expectNonEmpty(balances, what);
  expectValidRecords(TimeOffBalance, balances, context.key, what);
  expectUniqueIds(balances, what);
  expect(
    balances.filter((balance) => balance.asOf !== asOf).map((balance) => balance.id),
    `${what}: asOf ignored`,
  ).toEqual([]);
  expectKnownEmployees(context, balances, what);
}

export async function policiesValid(context: ConformanceContext): Promise<void> {
  const policies = await drain(context.connect().timeOff.policies());
  expectNonEmpty(policies, 'timeOff.policies');
  expectValidRecords(TimeOffPolicy, policies, context.key, 'timeOff.policies');
  expectUniqueIds(policies, 'timeOff.policies');
}
