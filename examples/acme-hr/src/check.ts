import { type DiagnosticCheck, PermissionError } from '@hrkit/core';
import type { AcmeClient } from './client.js';

// #region check
/**
 * `check()` probes one page of each endpoint the adapter uses and reports, per capability, what works and — in
 * Acme's own words — how to fix what does not. It never throws for a missing permission.
 */
export async function probeAcme(client: AcmeClient): Promise<DiagnosticCheck[]> {
  const today = new Date().toISOString().slice(0, 10);
  return [
    await probe(
      {
        id: 'employees.list',
        title: 'Read employees',
        severity: 'required',
        capabilities: ['employees.list', 'employees.get'],
      },
      'employees:read',
      () => client.employeesPage(undefined, false),
    ),
    await probe(
      { id: 'timeOff.requests', title: 'Read leave', severity: 'optional', capabilities: ['timeOff.requests'] },
      'leave:read',
      () => client.leavePage({ from: today, to: today }, undefined),
    ),
  ];
}

async function probe(
  entry: Pick<DiagnosticCheck, 'id' | 'title' | 'severity' | 'capabilities'>,
  scope: string,
  call: () => Promise<unknown>,
): Promise<DiagnosticCheck> {
  try {
    await call();
    return { ...entry, status: 'ok', summary: `The API key has ${scope}`, missingFields: [], fix: null };
  } catch (error) {
    const missing = error instanceof PermissionError;
    return {
      ...entry,
      status: missing ? 'missing' : 'error',
      summary: (error as Error).message,
      missingFields: [],
      fix: missing
        ? { permission: scope, steps: [`In Acme HR, open Settings › API keys, edit the key and enable "${scope}"`] }
        : null,
    };
  }
}
// #endregion check
