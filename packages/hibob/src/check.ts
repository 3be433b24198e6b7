import {
  type CapabilityName,
  type Clock,
  type DiagnosticCheck,
  NotFoundError,
  NotSupportedError,
  type Probe,
  type ProbeRunOptions,
  runProbes,
} from '@hrkit/core';
import {
  type GapResult,
  type Population,
  probeAudience,
  probeHistory,
  probePending,
  probePrivate,
} from './check/gaps.js';
import {
  ADD_TO_GROUP,
  employmentTypeRow,
  type FieldProbeDependencies,
  fieldRows,
  financialNotProbed,
  permissionFix,
} from './check/fields.js';
import type { HiBobClient } from './client.js';
import { categoryPermission, HIBOB_PERMISSIONS } from './errors.js';
import type { RawTimeOffRequest } from './raw/time-off.js';
import { allEmployeeIds } from './readers/attendance.js';
import type { HiBobReadContext } from './readers/context.js';
import { employeeIdOf } from './readers/employees.js';
import type { Session, SessionCache } from './readers/session.js';

/** Check ids `check()` always reports (plus one `fields.<category>` per category the mapping reads). */
export const HIBOB_CHECK_IDS = [
  'employees.list',
  'employees.get',
  'employees.audience',
  'customField.employmentType',
  'employees.history',
  'timeOff.requests',
  'timeOff.pending',
  'timeOff.private',
  'timeOff.whosOut',
  'timeOff.outToday',
  'timeOff.balances',
  'timeOff.policies',
  'compensation',
  'attendance',
  'webhooks',
] as const;

export interface CheckDependencies extends FieldProbeDependencies {
  client: HiBobClient;
  session: SessionCache;
  webhookSecret: string | undefined;
  clock: Clock;
  /** Pay is probed only when the connection opted into that data: even check() reads no salary unasked. */
  includeCompensation: boolean;
  includeAttendance: boolean;
  /** The connection opted in to bank and identifier reads: their categories are probed like the others. */
  includeFinancial: boolean;
  context: HiBobReadContext;
}

/** What the pay rows need: the client, and whether the connection opted into each kind of pay data. */
export type PayProbeDependencies = Pick<
  CheckDependencies,
  'client' | 'context' | 'includeCompensation' | 'includeAttendance'
>;

/** How many employees the field probe samples: enough that one person's empty record does not hide a category. */
const SAMPLE_SIZE = 25;
const DAY_MS = 86_400_000;

/**
 * HiBob's wording for core's runProbes: after a 401 nothing else is probed (HiBob blocks callers that repeat
 * failed logins); a 403 names the probe's permission in Bob's words (HiBob's own 403 names none we can rely on).
 */
export const HIBOB_PROBE_RUN: ProbeRunOptions = {
  credentialsFix: {
    permission: null,
    steps: [
      'In Bob: Settings › Integrations › Automation › Service users: check the service user ID and its token (shown once; refresh it if lost)',
      'Legacy API access tokens stopped working on 31 Oct 2024: use a service user',
    ],
  },
  refusedReason: 'the credentials were refused (HiBob blocks callers that repeat failed logins)',
  permissionFrom: 'probe',
  missingSummary: (message) => `The service user lacks a permission: ${message}`,
  fixOnEveryGap: true,
};

/** One table row whose call judges its own answer (a GapResult): status, summary, and a fix when it names another. */
function row(
  id: string,
  title: string,
  capabilities: CapabilityName[],
  fix: NonNullable<DiagnosticCheck['fix']>,
  run: () => Promise<GapResult>,
  extra: Partial<Pick<Probe<GapResult>, 'severity' | 'skip'>> = {},
): Probe<GapResult> {
  return {
    id,
    title,
    severity: extra.severity ?? 'optional',
    capabilities,
    permission: fix.permission,
    steps: fix.steps,
    ...(extra.skip ? { skip: extra.skip } : {}),
    call: run,
    inspect: (result) => ({
      status: result.status,
      summary: result.summary,
      ...(result.missingFields ? { missingFields: result.missingFields } : {}),
      ...(result.fix !== undefined ? { fix: result.fix } : {}),
    }),
  };
}

/**
 * `check()`: a probe table for core's runProbes, in report order. The rows share what earlier ones learned (the
 * visible ids, the fields metadata, the population, the policy types): runProbes runs them in order. Never throws
 * for a gap: each one is a row with the permission to grant in Bob's words (docs/providers/hibob.md, "check()").
 */
export function runCheck(deps: CheckDependencies): Promise<DiagnosticCheck[]> {
  const { client } = deps;
  const now = deps.clock.now();
  const day = (offset: number) => new Date(now + offset * DAY_MS).toISOString().slice(0, 10);
  let ids: string[] = [];
  let session: Session | null = null;
  let population: Population | null = null;
  let feed: RawTimeOffRequest[] = [];
  let requestsReadable = false;
  let policyTypes: Promise<string[]> | null = null;
  // Read once: pending requests and balances need the policy types too, and the policies row reports the read.
  const readPolicyTypes = () => (policyTypes ??= client.policyTypes());
  const whosOutFix = permissionFix(HIBOB_PERMISSIONS.whosOut);
  const needsWhosOut: GapResult = {
    status: 'missing',
    summary: 'Not probed: time-off requests are unreadable (see timeOff.requests)',
    fix: whosOutFix,
  };

  const fields: Probe<DiagnosticCheck[]> = {
    id: 'fields',
    title: 'Fields metadata and employee fields (GET /company/people/fields)',
    severity: 'required',
    capabilities: ['employees.list'],
    permission: HIBOB_PERMISSIONS.permissionGroup,
    steps: [ADD_TO_GROUP],
    call: async () => {
      session = await deps.session.get();
      const probed = await fieldRows(deps, session, ids.slice(0, SAMPLE_SIZE));
      return [
        ...probed.checks,
        employmentTypeRow(deps, session, probed.returned),
        ...(deps.includeFinancial ? [] : [financialNotProbed()]),
      ];
    },
    expand: (rows) => rows,
  };

  const table = [
    row(
      'employees.list',
      'List employees (POST /people/search)',
      ['employees.list'],
      permissionFix(HIBOB_PERMISSIONS.directory, 'Access data for: include every employee you sync (and leavers)'),
      async () => {
        const employees = await client.search({ fields: ['root.id'], showInactive: true });
        ids = employees.map(employeeIdOf).filter((id): id is string => id !== null);
        if (ids.length === 0)
          return {
            status: 'degraded',
            summary: 'The service user sees no employees: its "Access data for" audience is empty',
          };
        return { status: 'ok', summary: `${ids.length} employees visible (leavers included)` };
      },
      { severity: 'required' },
    ),
    row(
      'employees.get',
      'Read one employee (POST /people/{id})',
      ['employees.get'],
      permissionFix(HIBOB_PERMISSIONS.directory),
      async () => {
        const first = ids[0];
        if (!first) return { status: 'skipped', summary: 'No employee visible to read' };
        await client.read(first, ['root.id']);
        return { status: 'ok', summary: 'Single-employee reads work' };
      },
      { severity: 'required' },
    ),
    fields,
    row(
      'employees.audience',
      'Which employees the service user sees ("Access data for")',
      ['employees.list'],
      { permission: HIBOB_PERMISSIONS.audience, steps: [ADD_TO_GROUP, `Set: ${HIBOB_PERMISSIONS.audience}`] },
      async () => {
        if (!session) return { status: 'skipped', summary: 'Not probed: the fields metadata is unreadable' };
        const probed = await probeAudience(client, session, day(0));
        population = probed.population;
        return probed.result;
      },
    ),
    row(
      'employees.history',
      'Employment history (work, employment, lifecycle tables)',
      ['employees.history'],
      permissionFix(
        categoryPermission('Work', true),
        `Also: ${categoryPermission('Employment', true)}`,
        `Also: ${categoryPermission('Lifecycle', true)}`,
      ),
      () => probeHistory(client, population, ids[0], day(0)),
    ),
    row(
      'timeOff.requests',
      'Time-off requests (changes feed)',
      ['timeOff.requests', 'timeOff.requestChanges', 'timeOff.request'],
      whosOutFix,
      async () => {
        const window = { since: new Date(now - 30 * DAY_MS).toISOString(), to: new Date(now).toISOString() };
        const changes = await client.changes({ ...window, includePending: false });
        requestsReadable = true;
        return { status: 'ok', summary: `${changes.length} request changes in the last 30 days` };
      },
    ),
    row('timeOff.whosOut', "Who's out", ['timeOff.whosOut'], whosOutFix, async () => {
      const outs = await client.whosOut({ from: day(0), to: day(7), includePending: false });
      return { status: 'ok', summary: `${outs.length} absences in the next 7 days` };
    }),
    row('timeOff.outToday', 'Out today', ['timeOff.outToday'], whosOutFix, async () => {
      const outs = await client.outToday(day(0));
      return { status: 'ok', summary: `${outs.length} people out today` };
    }),
    // Pending and private requests come on top of "See who's out": without it, that is the permission to name.
    row(
      'timeOff.pending',
      'Pending time-off requests (includePending)',
      ['timeOff.requests', 'timeOff.requestChanges', 'timeOff.whosOut'],
      permissionFix(HIBOB_PERMISSIONS.pendingRequests),
      async () => {
        if (!requestsReadable) return needsWhosOut;
        const window = { since: new Date(now - 180 * DAY_MS).toISOString(), to: new Date(now).toISOString() };
        const probed = await probePending(client, window, await readPolicyTypes().catch(() => null));
        feed = probed.changes;
        return probed.result;
      },
    ),
    row(
      'timeOff.private',
      'Private-policy requests and absences',
      ['timeOff.requests', 'timeOff.requestChanges', 'timeOff.whosOut', 'timeOff.outToday'],
      permissionFix(HIBOB_PERMISSIONS.privatePolicies),
      async () => (requestsReadable ? probePrivate(client, { from: day(-90), to: day(90) }, feed) : needsWhosOut),
    ),
    row(
      'timeOff.balances',
      'Time-off balances',
      ['timeOff.balances'],
      permissionFix(HIBOB_PERMISSIONS.balances),
      async () => {
        // Balances are read per policy type, so a balance read first lists the types: without the settings
        // permission it fails, whatever the balance permission says.
        const types = await readPolicyTypes().catch(() => null);
        if (types === null)
          return {
            status: 'missing',
            summary: `Balances are read per policy type, and listing the policy types needs "${HIBOB_PERMISSIONS.timeOffSettings}" (see timeOff.policies): balance reads fail until it is granted`,
            fix: permissionFix(HIBOB_PERMISSIONS.timeOffSettings),
          };
        const [first, policyType] = [ids[0], types[0]];
        if (!first) return { status: 'skipped', summary: 'No employee visible to probe a balance for' };
        if (!policyType)
          return { status: 'skipped', summary: 'The company has no time-off policy types: no balance to read' };
        try {
          await client.balance(first, policyType, day(0));
        } catch (error) {
          // Not on a policy of that type: the endpoint itself answered, which is what is being checked.
          if (!(error instanceof NotFoundError)) throw error;
        }
        return { status: 'ok', summary: 'Balances readable' };
      },
    ),
    row(
      'timeOff.policies',
      'Time-off policy types and policies',
      ['timeOff.policies'],
      permissionFix(HIBOB_PERMISSIONS.timeOffSettings),
      async () => {
        const types = await readPolicyTypes();
        return { status: 'ok', summary: `${types.length} policy types: ${types.slice(0, 5).join(', ')}` };
      },
    ),
    ...payProbes(deps, () => ids[0], day(0)),
    row(
      'webhooks',
      'Webhooks (Bob-Signature verification)',
      ['webhooks'],
      { permission: null, steps: ['Pass the secret from Settings › Integrations › Webhooks as webhookSecret'] },
      async () => ({ status: 'ok', summary: 'A webhook secret is configured; deliveries are verified with it' }),
      {
        skip: () =>
          deps.webhookSecret
            ? null
            : 'No webhookSecret configured: pass the secret from Settings › Integrations › Webhooks to verify deliveries',
      },
    ),
  ] as Probe[];
  return runProbes(table, HIBOB_PROBE_RUN);
}

/**
 * Salary history and attendance, probed with one row each (discarded unread), and only when the connection opted
 * into that data: without it the row is skipped and nothing is sent.
 */
export function payProbes(deps: PayProbeDependencies, firstId: () => string | undefined, today: string): Probe[] {
  const { client } = deps;
  return [
    row(
      'compensation',
      'Salary history (Payroll)',
      ['compensation'],
      permissionFix(
        HIBOB_PERMISSIONS.payroll,
        `People's Data › Payroll: tick "View" (and "View history" for past salary rows)`,
        `Check ${HIBOB_PERMISSIONS.audience}`,
      ),
      async () => {
        try {
          await client.bulkSalaries({ limit: 1 }, undefined);
          return { status: 'ok', summary: 'The service user can read the Salary table' };
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          return {
            status: 'degraded',
            summary:
              'The bulk salaries endpoint is not available on this account; reads fall back to the legacy GET /v1/payroll/history',
          };
        }
      },
      {
        skip: () =>
          deps.includeCompensation
            ? null
            : 'Not probed: pay data is off. Connect with { includeCompensation: true } to check the Payroll permission',
      },
    ),
    row(
      'attendance',
      'Attendance entries (Time and Attendance)',
      ['attendance'],
      permissionFix(HIBOB_PERMISSIONS.attendance),
      async () => {
        const first = firstId() ?? (await allEmployeeIds(deps.context))[0];
        if (!first) return { status: 'skipped', summary: 'No readable employee to probe attendance with' };
        try {
          await client.attendanceEntries({ employeeIds: [first], from: today, to: today, limit: 1 }, undefined);
          return { status: 'ok', summary: 'The service user can search attendance entries' };
        } catch (error) {
          if (!(error instanceof NotSupportedError)) throw error;
          return {
            status: 'missing',
            summary: error.message,
            fix: {
              permission: null,
              steps: ['The Time and Attendance module must be active on the Bob account (HiBob sells it separately)'],
            },
          };
        }
      },
      {
        skip: () =>
          deps.includeAttendance
            ? null
            : 'Not probed: attendance is off. Connect with { includeAttendance: true } to check the attendance permission',
      },
    ),
  ] as Probe[];
}
