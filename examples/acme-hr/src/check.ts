import { buildReport, type DiagnosticsReport, type Probe, runProbes } from '@hrkit/core';
import type { AcmeClient } from './client.js';
import { ACME } from './config.js';

// #region check
/**
 * `check()` is a table: one cheap call per capability, the scope it needs and — in Acme's own words — how to
 * grant it. The runner turns a refused key into an error (and stops), a missing scope into `missing` with the fix.
 */
export async function checkAcme(client: AcmeClient): Promise<DiagnosticsReport> {
  const today = new Date().toISOString().slice(0, 10);
  const grant = (scope: string) => [`In Acme HR, open Settings › API keys, edit the key and enable "${scope}"`];
  const probes: Probe[] = [
    {
      id: 'employees.list',
      title: 'Read employees',
      severity: 'required',
      capabilities: ['employees.list', 'employees.get'],
      permission: 'employees:read',
      steps: grant('employees:read'),
      call: () => client.employeesPage(undefined, false),
    },
    {
      id: 'timeOff.requests',
      title: 'Read leave',
      severity: 'optional',
      capabilities: ['timeOff.requests'],
      permission: 'leave:read',
      steps: grant('leave:read'),
      call: () => client.leavePage({ from: today, to: today }, undefined),
    },
  ];
  return buildReport(ACME, await runProbes(probes));
}
// #endregion check
