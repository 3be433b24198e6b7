import {
  buildReport,
  type CapabilityName,
  type DiagnosticCheck,
  type DiagnosticsReport,
  HrKitError,
  PermissionError,
  type Probe,
  runProbes,
} from '@hrkit/core';
import type { BambooHrClient } from './client.js';
import { BAMBOOHR } from './config.js';
import type { RawReport } from './raw/report.js';
import { CORE_FIELDS, EMPLOYMENT_FIELDS, SENSITIVE_FIELDS } from './readers/employee-fields.js';

type Status = DiagnosticCheck['status'];

function entry(
  id: string,
  title: string,
  status: Status,
  summary: string,
  extra: Partial<Pick<DiagnosticCheck, 'severity' | 'capabilities' | 'missingFields' | 'fix'>> = {},
): DiagnosticCheck {
  return {
    id,
    title,
    status,
    severity: extra.severity ?? 'optional',
    capabilities: extra.capabilities ?? [],
    summary,
    missingFields: extra.missingFields ?? [],
    fix: extra.fix ?? null,
  };
}

const DIRECTORY_STEPS = [
  'In BambooHR, open Settings › Employee Community (Directory) and enable directory or org-chart sharing',
];
const WEBHOOK_STEPS = [
  'Create webhooks in Settings › Webhooks as an admin, or ask BambooHR support to enable API webhooks',
];

const ACCESS_LEVEL_STEPS = (what: string) => [
  'In BambooHR, open Settings › Access Levels and find the level of the user who created the API key',
  `Give that level View access to ${what}`,
  'API keys act with their owner’s permissions: an Admin-level owner sees every field',
];

/**
 * BambooHR drops fields the key's user cannot see from a report (and nulls some): compare what was asked for with
 * the columns and values that came back.
 */
/** Fields every real employee has: all-null there means withheld. Optional ones (address2…) may just be empty. */
const ALWAYS_FILLED = new Set([
  'firstName',
  'lastName',
  'status',
  'hireDate',
  'employmentHistoryStatus',
  'jobTitle',
  'department',
  'dateOfBirth',
]);

export function missingFields(report: RawReport, requested: readonly string[]): string[] {
  const columns = new Set((report.fields ?? []).map((field) => field.id));
  const rows = report.employees;
  return requested.filter((field) => {
    if (field === 'id') return false;
    const inRows = rows.some((row) => field in row);
    if (!columns.has(field) && !inRows) return true;
    // A column whose every value is null in a company with people is withheld, not empty.
    return (
      ALWAYS_FILLED.has(field) &&
      rows.length >= 3 &&
      rows.every((row) => row[field] === null || row[field] === undefined)
    );
  });
}

// #region check
/**
 * `check()`: BambooHR's own probes first (the key, whose access level it carries, and the custom report whose
 * columns show the withheld fields), then one table row per capability for core's runProbes: a 403 becomes
 * `missing` with the Access Levels fix (docs/providers/bamboohr.md, section 7).
 */
export async function runCheck(
  client: BambooHrClient,
  clock: { today: string; now: Date },
): Promise<DiagnosticsReport> {
  const checks: DiagnosticCheck[] = [await checkKey(client)];
  if (checks[0]?.status !== 'ok') return buildReport(BAMBOOHR, checks, clock.now);
  const report = await readReport(client, checks);
  if (!report) return buildReport(BAMBOOHR, checks, clock.now);
  checks.push(...fieldChecks(report));
  const someone = report.employees[0]?.id ?? '0';
  checks.push(...(await runProbes(capabilityProbes(client, clock, someone))));
  return buildReport(BAMBOOHR, checks, clock.now);
}
// #endregion check

/** `/employees/0` is the key's owner: naming them tells the admin whose access level governs every other check. */
async function checkKey(client: BambooHrClient): Promise<DiagnosticCheck> {
  const auth = await client.probe('/v1/employees/0', { fields: 'firstName,lastName' });
  if (auth.status === 401 || auth.status === 403)
    return entry(
      'auth',
      'API key',
      'error',
      auth.status === 401
        ? 'BambooHR refused the API key (401): it is wrong, revoked, or belongs to another company domain'
        : 'BambooHR answered 403 to the key itself: API access is disabled (e.g. after repeated invalid keys) or the owner is deactivated',
      {
        severity: 'required',
        fix: {
          permission: null,
          steps: [
            'Check companyDomain: the part before .bamboohr.com in the login URL',
            'In BambooHR, open your name › API Keys, create a key, and pass it as apiKey',
          ],
        },
      },
    );
  const owner = auth.body && typeof auth.body === 'object' ? (auth.body as Record<string, unknown>) : {};
  const ownerName = [owner.firstName, owner.lastName].filter((part) => typeof part === 'string').join(' ');
  return entry(
    'auth',
    'API key',
    'ok',
    `BambooHR accepted the API key${ownerName ? `; it acts with the access level of ${ownerName} (employee ${String(owner.id)})` : ''}`,
    { severity: 'required' },
  );
}

/** The custom report with every field the adapter may ask for; null (and a required failure) when it fails. */
async function readReport(client: BambooHrClient, checks: DiagnosticCheck[]): Promise<RawReport | null> {
  const title = 'Employees (custom reports)';
  const capabilities: CapabilityName[] = ['employees.list', 'employees.get'];
  try {
    const report = await client.customReport([...CORE_FIELDS, ...EMPLOYMENT_FIELDS, ...SENSITIVE_FIELDS]);
    const summary = `Custom report returned ${report.employees.length} employees (leavers included)`;
    checks.push(entry('employees.list', title, 'ok', summary, { severity: 'required', capabilities }));
    return report;
  } catch (error) {
    if (!(error instanceof HrKitError)) throw error;
    checks.push(
      entry(
        'employees.list',
        title,
        error.status === 403 ? 'missing' : 'error',
        `Custom report failed: ${error.message}`,
        {
          severity: 'required',
          capabilities,
          fix: {
            permission: 'Reports › Custom reports',
            steps: ACCESS_LEVEL_STEPS('custom reports and employee data'),
          },
        },
      ),
    );
    return null;
  }
}

/** Which requested columns BambooHR withheld from this key, per group of fields. */
function fieldChecks(report: RawReport): DiagnosticCheck[] {
  const fieldCheck = (
    id: string,
    title: string,
    fields: readonly string[],
    severity: 'required' | 'optional',
    what: string,
  ) => {
    let missing = missingFields(report, fields);
    // The manager has three aliases; one readable is enough.
    const supervisor = ['supervisorEId', 'supervisorId', 'supervisor'];
    if (supervisor.some((field) => fields.includes(field) && !missing.includes(field)))
      missing = missing.filter((field) => !supervisor.includes(field));
    const capabilities: CapabilityName[] = ['employees.list'];
    if (missing.length === 0)
      return entry(id, title, 'ok', `${title}: every requested field came back`, { severity, capabilities });
    return entry(
      id,
      title,
      'missing',
      `${title}: BambooHR withheld ${missing.join(', ')} from this API key (omitted or null)`,
      {
        severity,
        capabilities,
        missingFields: missing,
        fix: {
          permission: `Access Levels › ${what} › View`,
          steps: ACCESS_LEVEL_STEPS(`the fields ${missing.join(', ')}`),
        },
      },
    );
  };
  return [
    fieldCheck('fields.core', 'Core fields (name, status, dates)', CORE_FIELDS, 'required', 'Personal and Job'),
    fieldCheck(
      'fields.employment',
      'Job and employment fields',
      EMPLOYMENT_FIELDS,
      'optional',
      'Job (Employment Status, Job Information)',
    ),
    fieldCheck(
      'fields.sensitive',
      'Sensitive personal fields (includeSensitive)',
      SENSITIVE_FIELDS,
      'optional',
      'Personal',
    ),
  ];
}

/**
 * One row per capability. BambooHR's 403 does not name what is missing, so each row names the Access Levels entry
 * that grants its call (`permission`), and `what` the admin must give View access to.
 */
function capabilityProbes(client: BambooHrClient, clock: { today: string; now: Date }, someone: string): Probe[] {
  const since = new Date(clock.now.getTime() - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const row = (
    id: string,
    title: string,
    capabilities: CapabilityName[],
    grant: { permission: string; what: string },
    call: () => Promise<unknown>,
  ): Probe => ({
    id,
    title,
    severity: 'optional',
    capabilities,
    permission: grant.permission,
    steps: ACCESS_LEVEL_STEPS(grant.what),
    call: () => withPermission(call, grant.permission),
    inspect: () => ({ summary: `${title}: readable` }),
  });
  return [
    row(
      'employees.history',
      'Job and employment history tables',
      ['employees.history'],
      {
        permission: 'Access Levels › Job › Job Information, Employment Status: View',
        what: 'the Job Information and Employment Status tables',
      },
      () => client.table(someone, 'jobInfo'),
    ),
    row(
      'compensation',
      'Compensation table',
      ['compensation'],
      { permission: 'Access Levels › Job › Compensation: View', what: 'the Compensation table' },
      () => client.compensation(someone),
    ),
    row(
      'employees.changes',
      'Changed-employees feed',
      ['employees.changes'],
      { permission: 'Access Levels › All employees', what: 'all employees' },
      () => client.changed(since),
    ),
    row(
      'timeOff.requests',
      'Time-off requests',
      ['timeOff.requests', 'timeOff.request'],
      {
        permission: 'Access Levels › Time Off › View requests',
        what: 'Time Off (requests and history) for all employees',
      },
      () => client.timeOffRequests({ start: clock.today, end: clock.today }),
    ),
    row(
      'timeOff.whosOut',
      "Who's out",
      ['timeOff.whosOut', 'timeOff.outToday'],
      {
        permission: "Settings › Time Off › Who's Out visibility",
        what: "Who's Out (the feature must also be enabled for the company)",
      },
      () => client.whosOut(clock.today, clock.today),
    ),
    row(
      'timeOff.balances',
      'Time-off balances',
      ['timeOff.balances'],
      { permission: 'Access Levels › Time Off › View balances', what: 'Time Off balances' },
      () => client.calculator(someone, clock.today),
    ),
    row(
      'timeOff.policies',
      'Time-off types and policies',
      ['timeOff.policies'],
      { permission: 'Access Levels › Time Off', what: 'Time Off settings' },
      () => client.timeOffTypes(),
    ),
    {
      id: 'directory',
      title: 'Employee directory',
      severity: 'optional',
      capabilities: [],
      permission: 'Settings › Employee Directory sharing',
      steps: DIRECTORY_STEPS,
      call: () => client.probe('/v1/employees/directory'),
      inspect: ({ status }: { status: number }) =>
        status === 403
          ? {
              status: 'missing',
              summary:
                'The company directory is disabled or hidden from this key (403). hrkit reads employees through custom reports and does not need it.',
              fix: {
                permission: 'Settings › Employee Directory sharing',
                steps: DIRECTORY_STEPS,
              },
            }
          : { status: status === 200 ? 'ok' : 'degraded', summary: `Directory answered ${status}` },
    } as Probe<{ status: number }>,
    {
      id: 'webhooks',
      title: 'Webhooks',
      severity: 'optional',
      capabilities: ['webhooks'],
      permission: 'Webhooks',
      steps: WEBHOOK_STEPS,
      call: () => client.probe('/v1/webhooks'),
      inspect: ({ status }: { status: number }) =>
        status === 403
          ? {
              status: 'missing',
              summary: 'This key may not manage permissioned webhooks (403); verifying deliveries still works',
              fix: {
                permission: 'Webhooks',
                steps: WEBHOOK_STEPS,
              },
            }
          : {
              summary: 'Webhooks can be listed with this key; deliveries are verified with the webhook private key',
            },
    } as Probe<{ status: number }>,
  ] as Probe[];
}

/** A 403 names the Access Levels entry this probe needs (BambooHR's own 403 names none). */
async function withPermission(call: () => Promise<unknown>, permission: string): Promise<unknown> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof PermissionError)) throw error;
    throw new PermissionError(error.message, {
      provider: BAMBOOHR,
      request: error.request,
      status: error.status,
      permission,
    });
  }
}
