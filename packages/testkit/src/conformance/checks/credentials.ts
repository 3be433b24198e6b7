import { AuthenticationError, DiagnosticsReport } from '@hrkit/core';
import { expect } from 'vitest';
import { type ConformanceContext, drain } from '../context.js';
import { describeError, expectTypedError } from './assertions.js';

/** A wrong secret gives an AuthenticationError (never retried, never a generic error). */
export async function badCredentialsAreAuthenticationErrors(context: ConformanceContext): Promise<void> {
  const connection = context.connect(context.sandbox.badConnectionConfig());
  const error = await context.failureOf(() => drain(connection.employees.list()));
  expectTypedError(error, AuthenticationError, `employees.list with bad credentials (${describeError(error)})`);
  expect((error as AuthenticationError).retryable).toBe(false);
}

/** `check()` on the full credential is ok and well-formed. */
export async function checkIsOkOnFullAccess(context: ConformanceContext): Promise<void> {
  const report = await context.connect().check();
  expect(DiagnosticsReport.safeParse(report).success, 'check() returned a malformed report').toBe(true);
  expect(report.provider).toBe(context.key);
  const failing = report.checks.filter((check) => check.status !== 'ok' && check.status !== 'skipped');
  expect(failing, 'check() on a full-access credential reports problems').toEqual([]);
  expect(report.ok).toBe(true);
}

/** `check()` on the restricted credential names the missing permission, with a fix, instead of throwing. */
export async function checkNamesTheMissingPermission(context: ConformanceContext): Promise<void> {
  const { config, expectedMissingCheck } = context.sandbox.restrictedConnection();
  const report = await context.connect(config).check();
  expect(DiagnosticsReport.safeParse(report).success, 'check() returned a malformed report').toBe(true);
  const entry = report.checks.find((check) => check.id === expectedMissingCheck);
  expect(
    entry,
    `check() has no entry "${expectedMissingCheck}" (ids: ${report.checks.map((c) => c.id)})`,
  ).toBeDefined();
  expect(entry?.status, `check "${expectedMissingCheck}"`).toBe('missing');
  expect(entry?.fix, `check "${expectedMissingCheck}" must say how to fix it`).not.toBeNull();
  expect((entry?.fix?.steps.length ?? 0) > 0 || Boolean(entry?.fix?.permission), 'the fix is empty').toBe(true);
  if (entry?.severity === 'required') expect(report.ok).toBe(false);
}
