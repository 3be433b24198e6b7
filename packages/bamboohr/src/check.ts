import {
  buildReport,
  type CapabilityName,
  type DiagnosticCheck,
  type DiagnosticsReport,
  HrKitError,
} from '@hrkit/core';
import type { BambooHrClient } from './client.js';
import { BAMBOOHR } from './config.js';
import { CORE_FIELDS, EMPLOYMENT_FIELDS, SENSITIVE_FIELDS } from './readers/employee-fields.js';
import type { RawReport } from './raw/report.js';

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

async function statusOf(call: () => Promise<unknown>): Promise<{ status: number | 'ok'; error?: HrKitError }> {
  try {
    await call();
    return { status: 'ok' };
  } catch (error) {
    if (error instanceof HrKitError) return { status: error.status ?? 0, error };
    throw error;
  }
}

async function capabilityProbe(
  id: string,
  title: string,
  capabilities: CapabilityName[],
  call: () => Promise<unknown>,
  fix: { permission: string; what: string },
): Promise<DiagnosticCheck> {
  const result = await statusOf(call);
  if (result.status === 'ok') return entry(id, title, 'ok', `${title}: readable`, { capabilities });
  if (result.status === 403)
    return entry(id, title, 'missing', `${title}: BambooHR answered 403 for this API key`, {
      capabilities,
      fix: { permission: fix.permission, steps: ACCESS_LEVEL_STEPS(fix.what) },
    });
  return entry(id, title, 'error', `${title}: ${result.error?.message ?? 'failed'}`, { capabilities });
}

/** Probes every capability with the connection's key and says, in BambooHR's terms, what to change. */
export async function runCheck(
  client: BambooHrClient,
  clock: { today: string; now: Date },
): Promise<DiagnosticsReport> {
  const checks: DiagnosticCheck[] = [];
  const auth = await client.probe('/v1/employees/0', { fields: 'firstName,lastName' });
  if (auth.status === 401 || auth.status === 403) {
    checks.push(
      entry(
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
      ),
    );
    return buildReport(BAMBOOHR, checks, clock.now);
  }
  // `/employees/0` is the key's owner: naming them tells the admin whose access level governs every other check.
  const owner = auth.body && typeof auth.body === 'object' ? (auth.body as Record<string, unknown>) : {};
  const ownerName = [owner.firstName, owner.lastName].filter((part) => typeof part === 'string').join(' ');
  checks.push(
    entry(
      'auth',
      'API key',
      'ok',
      `BambooHR accepted the API key${ownerName ? `; it acts with the access level of ${ownerName} (employee ${String(owner.id)})` : ''}`,
      { severity: 'required' },
    ),
  );

  const requested = [...CORE_FIELDS, ...EMPLOYMENT_FIELDS, ...SENSITIVE_FIELDS];
  let report: RawReport | null = null;
  const reportCall = await statusOf(async () => {
    report = await client.customReport(requested);
  });
  const listCaps: CapabilityName[] = ['employees.list', 'employees.get'];
  if (!report) {
    checks.push(
      entry(
        'employees.list',
        'Employees (custom reports)',
        reportCall.status === 403 ? 'missing' : 'error',
        `Custom report failed: ${reportCall.error?.message ?? 'unknown'}`,
        {
          severity: 'required',
          capabilities: listCaps,
          fix: {
            permission: 'Reports › Custom reports',
            steps: ACCESS_LEVEL_STEPS('custom reports and employee data'),
          },
        },
      ),
    );
    return buildReport(BAMBOOHR, checks, clock.now);
  }
  const got = report as RawReport;
  checks.push(
    entry(
      'employees.list',
      'Employees (custom reports)',
      'ok',
      `Custom report returned ${got.employees.length} employees (leavers included)`,
      {
        severity: 'required',
        capabilities: listCaps,
      },
    ),
  );
  const fieldCheck = (
    id: string,
    title: string,
    fields: readonly string[],
    severity: 'required' | 'optional',
    what: string,
  ) => {
    let missing = missingFields(got, fields);
    // The manager has three aliases; one readable is enough.
    const supervisor = ['supervisorEId', 'supervisorId', 'supervisor'];
    if (supervisor.some((field) => fields.includes(field) && !missing.includes(field)))
      missing = missing.filter((field) => !supervisor.includes(field));
    checks.push(
      missing.length === 0
        ? entry(id, title, 'ok', `${title}: every requested field came back`, {
            severity,
            capabilities: ['employees.list'],
          })
        : entry(
            id,
            title,
            'missing',
            `${title}: BambooHR withheld ${missing.join(', ')} from this API key (omitted or null)`,
            {
              severity,
              capabilities: ['employees.list'],
              missingFields: missing,
              fix: {
                permission: `Access Levels › ${what} › View`,
                steps: ACCESS_LEVEL_STEPS(`the fields ${missing.join(', ')}`),
              },
            },
          ),
    );
  };
  fieldCheck('fields.core', 'Core fields (name, status, dates)', CORE_FIELDS, 'required', 'Personal and Job');
  fieldCheck(
    'fields.employment',
    'Job and employment fields',
    EMPLOYMENT_FIELDS,
    'optional',
    'Job (Employment Status, Job Information)',
  );
  fieldCheck(
    'fields.sensitive',
    'Sensitive personal fields (includeSensitive)',
    SENSITIVE_FIELDS,
    'optional',
    'Personal',
  );

  const someone = got.employees[0]?.id ?? '0';
  const since = new Date(clock.now.getTime() - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  checks.push(
    await capabilityProbe(
      'employees.history',
      'Job and employment history tables',
      ['employees.history'],
      () => client.table(someone, 'jobInfo'),
      {
        permission: 'Access Levels › Job › Job Information, Employment Status: View',
        what: 'the Job Information and Employment Status tables',
      },
    ),
    await capabilityProbe('compensation', 'Compensation table', ['compensation'], () => client.compensation(someone), {
      permission: 'Access Levels › Job › Compensation: View',
      what: 'the Compensation table',
    }),
    await capabilityProbe(
      'employees.changes',
      'Changed-employees feed',
      ['employees.changes'],
      () => client.changed(since),
      {
        permission: 'Access Levels › All employees',
        what: 'all employees',
      },
    ),
    await capabilityProbe(
      'timeOff.requests',
      'Time-off requests',
      ['timeOff.requests', 'timeOff.request'],
      () => client.timeOffRequests({ start: clock.today, end: clock.today }),
      {
        permission: 'Access Levels › Time Off › View requests',
        what: 'Time Off (requests and history) for all employees',
      },
    ),
    await capabilityProbe(
      'timeOff.whosOut',
      "Who's out",
      ['timeOff.whosOut', 'timeOff.outToday'],
      () => client.whosOut(clock.today, clock.today),
      {
        permission: "Settings › Time Off › Who's Out visibility",
        what: "Who's Out (the feature must also be enabled for the company)",
      },
    ),
    await capabilityProbe(
      'timeOff.balances',
      'Time-off balances',
      ['timeOff.balances'],
      () => client.calculator(someone, clock.today),
      {
        permission: 'Access Levels › Time Off › View balances',
        what: 'Time Off balances',
      },
    ),
    await capabilityProbe(
      'timeOff.policies',
      'Time-off types and policies',
      ['timeOff.policies'],
      () => client.timeOffTypes(),
      {
        permission: 'Access Levels › Time Off',
        what: 'Time Off settings',
      },
    ),
  );
  const directory = await client.probe('/v1/employees/directory');
  checks.push(
    directory.status === 403
      ? entry(
          'directory',
          'Employee directory',
          'missing',
          'The company directory is disabled or hidden from this key (403). hrkit reads employees through custom reports and does not need it.',
          {
            fix: {
              permission: 'Settings › Employee Directory sharing',
              steps: [
                'In BambooHR, open Settings › Employee Community (Directory) and enable directory or org-chart sharing',
              ],
            },
          },
        )
      : entry(
          'directory',
          'Employee directory',
          directory.status === 200 ? 'ok' : 'degraded',
          `Directory answered ${directory.status}`,
        ),
  );
  const hooks = await client.probe('/v1/webhooks');
  checks.push(
    hooks.status === 403
      ? entry(
          'webhooks',
          'Webhooks',
          'missing',
          'This key may not manage permissioned webhooks (403); verifying deliveries still works',
          {
            capabilities: ['webhooks'],
            fix: {
              permission: 'Webhooks',
              steps: [
                'Create webhooks in Settings › Webhooks as an admin, or ask BambooHR support to enable API webhooks',
              ],
            },
          },
        )
      : entry(
          'webhooks',
          'Webhooks',
          'ok',
          'Webhooks can be listed with this key; deliveries are verified with the webhook private key',
          { capabilities: ['webhooks'] },
        ),
  );
  return buildReport(BAMBOOHR, checks, clock.now);
}
