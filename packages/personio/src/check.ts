import { buildReport, type DiagnosticsReport, type Probe, runProbes } from '@hrkit/core';
import type { PersonioClient } from './client.js';
import { PERSONIO } from './config.js';
import { findCategory } from './mapping/employee.js';
import type { RawPersonioEmployee } from './raw/employee.js';

/** Attributes the mapping reads; Personio leaves out, silently, every attribute the credential's whitelist lacks. */
export const NEEDED_ATTRIBUTES = [
  'first_name',
  'last_name',
  'email',
  'status',
  'hire_date',
  'termination_date',
  'supervisor',
  'employment_type',
  'weekly_working_hours',
  'department',
  'office',
  'position',
];

const CREDENTIALS = 'In Personio, open Settings › Integrations › API credentials and edit this credential';
const access = (area: string, scope: string) => [CREDENTIALS, `Give it read access to "${area}" (${scope})`];

/**
 * `check()` as a table: one cheap call per area the credential may read, and which of the attributes the mapping
 * needs (the customer's category included) the whitelist leaves out, with the setting to change.
 */
export async function checkPersonio(client: PersonioClient, categoryField: string | undefined, today: string) {
  let sample: RawPersonioEmployee[] = [];
  const period = { start_date: today, end_date: today, limit: '1' };
  const probes: Probe[] = [
    {
      id: 'employees.list',
      title: 'Read employees',
      severity: 'required',
      capabilities: ['employees.list', 'employees.get', 'employees.changes'],
      permission: 'employees:read',
      steps: access('Employees', 'employees:read'),
      call: async () => (sample = (await client.employeesPage(0)).data),
      inspect: () => whitelist(sample, categoryField),
    },
    {
      id: 'timeOff.requests',
      title: 'Read absences (day-based time-offs and hour-based absence periods)',
      severity: 'optional',
      capabilities: [
        'timeOff.requests',
        'timeOff.requestChanges',
        'timeOff.request',
        'timeOff.whosOut',
        'timeOff.outToday',
      ],
      permission: 'absences:read',
      steps: access('Absences', 'absences:read'),
      call: () => Promise.all([client.timeOffsPage(1, period), client.absencePeriodsPage(1, period)]),
    },
    {
      id: 'timeOff.policies',
      title: 'Read time-off types',
      severity: 'optional',
      capabilities: ['timeOff.policies'],
      permission: 'absences:read',
      steps: access('Absences', 'absences:read'),
      call: () => client.timeOffTypes(),
    },
    {
      id: 'timeOff.balances',
      title: 'Read absence balances',
      severity: 'optional',
      capabilities: ['timeOff.balances'],
      permission: 'absences:read',
      steps: access('Absences', 'absences:read'),
      skip: () => (sample.length === 0 ? 'no employee to read a balance of' : null),
      call: () => client.balances(String(sample[0]?.attributes.id.value)),
    },
  ];
  return buildReport(PERSONIO, await runProbes(probes)) satisfies DiagnosticsReport;
}

/** Which needed attributes no employee of the first page carries: the whitelist lacks them. */
function whitelist(sample: readonly RawPersonioEmployee[], categoryField: string | undefined) {
  if (sample.length === 0) return undefined;
  const seen = new Set(sample.flatMap((raw) => Object.keys(raw.attributes)));
  const missing = NEEDED_ATTRIBUTES.filter((key) => !seen.has(key));
  if (categoryField && !sample.some((raw) => findCategory(raw.attributes, categoryField))) missing.push(categoryField);
  if (missing.length === 0) return undefined;
  return {
    status: 'degraded' as const,
    summary: `The credential's attribute whitelist leaves out ${missing.join(', ')}: Personio omits them from every answer`,
    missingFields: missing,
    fix: {
      permission: 'readable employee attributes',
      steps: [CREDENTIALS, `Add ${missing.map((key) => `"${key}"`).join(', ')} to its readable employee attributes`],
    },
  };
}
