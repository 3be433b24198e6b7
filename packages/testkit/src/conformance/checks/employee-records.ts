import { type Employee, maskValue } from '@hrkit/core';
import { expect } from 'vitest';
import type { EmployeeRecordsTruth } from '@hrkit/sandbox-kit';
import { type ConformanceContext, drain } from '../context.js';

export function withoutEmployeeRecordsTruth(context: ConformanceContext): string | null {
  return context.sandbox.expected.employeeRecords
    ? null
    : `the ${context.key} sandbox handle has no expected.employeeRecords: work location, entity, termination, groups and bank accounts are not checked against ground truth`;
}

function actual(employee: Employee, key: keyof EmployeeRecordsTruth): unknown {
  switch (key) {
    case 'workCountry':
      return employee.workLocation?.address?.countryCode ?? null;
    case 'legalEntity':
      return employee.company?.name ?? null;
    case 'terminationType':
      return employee.termination?.type.value ?? null;
    case 'groups':
      return (employee.groups ?? []).map((group) => `${group.type.value}:${group.name}`).sort();
    case 'bankAccounts':
      return (employee.bankAccounts ?? []).map((account) => account.iban ?? account.accountNumber).sort();
  }
}

/**
 * Each record the sandbox declares matches for every employee: work country, entity, termination type, groups, and
 * bank accounts read unmasked by name. The same accounts come masked without `unmask`, and none of the unmasked
 * values shows up in a log line.
 */
export async function employeeRecordsMatchGroundTruth(context: ConformanceContext): Promise<void> {
  const truthOf = context.sandbox.expected.employeeRecords;
  if (!truthOf) throw new Error(withoutEmployeeRecordsTruth(context) ?? 'no ground truth');
  const connection = context.connect(undefined, { includeFinancial: true });
  const read = { includeInactive: true, includeSensitive: true };
  const unmasked = await drain(
    connection.employees.list({ ...read, unmask: ['bankAccounts.iban', 'bankAccounts.accountNumber'] }),
  );
  const masked = new Map((await drain(connection.employees.list(read))).map((employee) => [employee.id, employee]));
  const checked = new Set<string>();
  const values: string[] = [];
  for (const employee of unmasked) {
    const truth = truthOf(employee.remoteId);
    for (const key of Object.keys(truth) as (keyof EmployeeRecordsTruth)[]) {
      const expected = truth[key];
      if (expected === undefined) continue;
      checked.add(key);
      const want = Array.isArray(expected) ? [...expected].sort() : expected;
      expect(actual(employee, key), `${key} of employee ${employee.remoteId}`).toEqual(want);
    }
    for (const value of truth.bankAccounts ?? []) {
      values.push(value);
      const accounts = masked.get(employee.id)?.bankAccounts ?? [];
      expect(
        accounts.map((account) => account.iban ?? account.accountNumber),
        `bank accounts of ${employee.remoteId} must come masked without unmask`,
      ).toContain(maskValue(value));
    }
  }
  expect(checked.size, 'expected.employeeRecords declared nothing for any employee').toBeGreaterThan(0);
  const logs = context.logger.text();
  expect(values.filter((value) => logs.includes(value)).length, 'bank account numbers appear in log lines').toBe(0);
}
