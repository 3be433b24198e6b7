import { expect } from 'vitest';
import { type ConformanceContext, drain } from '../context.js';

/**
 * No secret the sandbox issued — nor its base64 form, as sent in Basic auth — appears in any error the suite
 * provoked (message, stack, JSON) or any log line. Runs last so it sees everything the other checks caused, and
 * provokes the usual failures itself so it can never pass vacuously.
 */
export async function secretsNeverLeak(context: ConformanceContext): Promise<void> {
  // Runtime tokens (token auth) are secrets too: the kit redacts each one it obtains.
  const runtimeTokens = context.sandbox.tokenAuth?.issuedTokens() ?? [];
  const secrets = [...context.sandbox.secrets(), ...runtimeTokens].filter((secret) => secret.length >= 4);
  expect(secrets.length, 'sandbox.secrets() is empty: the suite cannot check for leaks').toBeGreaterThan(0);

  await context.failureOf(() => drain(context.connect(context.sandbox.badConnectionConfig()).employees.list()));
  await context.failureOf(() => context.connect().employees.get('hrkit-conformance-no-such-employee'));
  const restricted = await context.connect(context.sandbox.restrictedConnection().config).check();
  await drain(context.connect().employees.list({ includeInactive: true }));
  expect(context.errors.length, 'no error was provoked').toBeGreaterThan(0);
  expect(context.logger.lines.length, 'nothing was logged through ConnectOptions.logger').toBeGreaterThan(0);

  const texts: [string, string][] = [
    ['logs', context.logger.text()],
    ['check() report', JSON.stringify(restricted)],
    ...context.errors.map((error, index): [string, string] => [`error #${index}`, errorText(error)]),
  ];
  // Personal financial data is held to the same rule: bank account numbers the sandbox declares never leak either.
  const truthOf = context.sandbox.expected.employeeRecords;
  const accounts = truthOf
    ? context.expectedEmployeeIds(true).flatMap((remoteId) => truthOf(remoteId).bankAccounts ?? [])
    : [];
  const forms = [
    ...secrets.flatMap((secret) => [secret, Buffer.from(secret).toString('base64')]),
    ...accounts.filter((value) => value.length >= 6),
  ];
  const leaks = texts.flatMap(([where, text]) =>
    forms.filter((form) => text.includes(form)).map((form) => `${where} contains ${mask(form)}`),
  );
  expect(leaks, 'secrets leaked').toEqual([]);
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  let json = '';
  try {
    json = JSON.stringify(error);
  } catch {
    json = '';
  }
  return [error.message, error.stack ?? '', json, String((error as { cause?: unknown }).cause ?? '')].join('\n');
}

/** Name the leaked value without printing it in the test report. */
function mask(secret: string): string {
  return `${secret.slice(0, 2)}…(${secret.length} chars)`;
}
