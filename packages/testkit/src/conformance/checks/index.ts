import type { CapabilityName } from '@hrkit/core';
import type { ConformanceContext } from '../context.js';
import {
  declaredCapabilitiesAnswer,
  definitionMatchesConnector,
  undeclaredCapabilitiesRefuse,
} from './capabilities.js';
import {
  badCredentialsAreAuthenticationErrors,
  checkIsOkOnFullAccess,
  checkNamesTheMissingPermission,
} from './credentials.js';
import { employeeRecordsMatchGroundTruth, withoutEmployeeRecordsTruth } from './employee-records.js';
import {
  abortedReadFails,
  employeeIdsAreStable,
  employeesMatchGroundTruth,
  getAgreesWithList,
  listingAtPageBoundaries,
  rawOnlyWhenAsked,
} from './employees.js';
import { attendanceInRange, compensationValid, employeeChangesValid, historyValid } from './other-records.js';
import { secretsNeverLeak } from './secrets.js';
import { sandboxHandleIsUsable } from './sandbox.js';
import {
  balancesAsOf,
  outTodayCoversTheDay,
  policiesValid,
  timeOffRequestAgreesWithList,
  timeOffRequestChangesSince,
  timeOffRequestIdsAreStable,
  timeOffRequestsInRange,
  timeOffRequestsMatchGroundTruth,
  withoutTimeOffGroundTruth,
  whosOutInRange,
} from './time-off.js';
import {
  refusedTokenIsRenewed,
  tokenExchangeIsRetried,
  withoutTokenAuth,
  withoutTokenRevocation,
} from './token-auth.js';
import { webhooksVerify } from './webhooks.js';

export interface ConformanceCheck {
  /** The test title. */
  title: string;
  /** The check applies when the adapter declares this capability (always when absent). */
  capability?: CapabilityName;
  /** A reason to skip (shown in the report) when the sandbox cannot support the check yet; run it when null. */
  skipWhen?(context: ConformanceContext): string | null;
  run(context: ConformanceContext): Promise<void>;
}

/**
 * Every check, in run order. Capability-bound checks run when the adapter declares the capability; the
 * "undeclared capabilities refuse" check covers the others, so every capability is exercised one way or the other.
 */
export const conformanceChecks: readonly ConformanceCheck[] = [
  {
    title: 'the sandbox handle is usable (loopback, base URL, ground truth with leavers, secrets)',
    run: sandboxHandleIsUsable,
  },
  { title: 'the definition and the connector declare the same v1 capabilities', run: definitionMatchesConnector },
  { title: 'undeclared capabilities fail with NotSupportedError', run: undeclaredCapabilitiesRefuse },
  { title: 'declared capabilities answer', run: declaredCapabilitiesAnswer },
  {
    title: 'employees.list validates and lists each employee exactly once (ground truth, with and without leavers)',
    capability: 'employees.list',
    run: employeesMatchGroundTruth,
  },
  {
    title: 'employee ids and records are stable across reads',
    capability: 'employees.list',
    run: employeeIdsAreStable,
  },
  {
    title: 'companies sized at paging boundaries are listed completely and once (see pageSize)',
    capability: 'employees.list',
    run: listingAtPageBoundaries,
  },
  { title: 'an aborted signal fails the read', capability: 'employees.list', run: abortedReadFails },
  {
    title: 'includeRaw attaches the provider payload, and only when asked',
    capability: 'employees.list',
    run: rawOnlyWhenAsked,
  },
  {
    title: 'employees.get agrees with employees.list; an unknown id is NotFoundError',
    capability: 'employees.get',
    run: getAgreesWithList,
  },
  {
    title:
      'work location, entity, termination, groups and bank accounts match ground truth; accounts masked unless unmasked',
    capability: 'employees.list',
    skipWhen: withoutEmployeeRecordsTruth,
    run: employeeRecordsMatchGroundTruth,
  },
  { title: 'employees.history validates and filters by employee', capability: 'employees.history', run: historyValid },
  { title: 'employees.changes entries are well-formed', capability: 'employees.changes', run: employeeChangesValid },
  {
    title: 'timeOff.requests validate and overlap the asked range',
    capability: 'timeOff.requests',
    run: timeOffRequestsInRange,
  },
  {
    title: 'timeOff.requests reads every request in the range, across page boundaries (ground truth)',
    capability: 'timeOff.requests',
    skipWhen: withoutTimeOffGroundTruth,
    run: timeOffRequestsMatchGroundTruth,
  },
  {
    title: 'time-off request ids are stable across reads',
    capability: 'timeOff.requests',
    run: timeOffRequestIdsAreStable,
  },
  {
    title: 'timeOff.request agrees with timeOff.requests',
    capability: 'timeOff.request',
    run: timeOffRequestAgreesWithList,
  },
  {
    title: 'timeOff.requestChanges validate, once per request, changed since',
    capability: 'timeOff.requestChanges',
    run: timeOffRequestChangesSince,
  },
  {
    title: 'timeOff.whosOut validates and overlaps the asked range',
    capability: 'timeOff.whosOut',
    run: whosOutInRange,
  },
  { title: 'timeOff.outToday covers the asked day', capability: 'timeOff.outToday', run: outTodayCoversTheDay },
  { title: 'timeOff.balances validate and honour asOf', capability: 'timeOff.balances', run: balancesAsOf },
  { title: 'timeOff.policies validate', capability: 'timeOff.policies', run: policiesValid },
  { title: 'compensation validates', capability: 'compensation', run: compensationValid },
  { title: 'attendance validates and stays in range', capability: 'attendance', run: attendanceInRange },
  {
    title: 'webhooks accept the signed sample and refuse tampered, wrong-secret and unsigned deliveries',
    capability: 'webhooks',
    run: webhooksVerify,
  },
  { title: 'bad credentials give an AuthenticationError', run: badCredentialsAreAuthenticationErrors },
  {
    title: 'a failed token exchange is retried like any idempotent read (token auth)',
    skipWhen: withoutTokenAuth,
    run: tokenExchangeIsRetried,
  },
  {
    title: 'a refused runtime token is exchanged again once and the read goes on (token auth)',
    skipWhen: withoutTokenRevocation,
    run: refusedTokenIsRenewed,
  },
  { title: 'check() is ok on a full-access credential', run: checkIsOkOnFullAccess },
  {
    title: 'check() on a restricted credential reports the missing permission with a fix',
    run: checkNamesTheMissingPermission,
  },
  { title: 'no secret appears in any error or log line', run: secretsNeverLeak },
];

export * from './assertions.js';
export * from './fault-tolerance.js';
export * from './capabilities.js';
export * from './capability-calls.js';
export * from './credentials.js';
export * from './employee-records.js';
export * from './employees.js';
export * from './other-records.js';
export * from './sandbox.js';
export * from './secrets.js';
export * from './time-off.js';
export * from './token-auth.js';
export * from './webhooks.js';
