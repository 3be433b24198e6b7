import { VirtualClock } from '@hrkit/core/testing';
import { expect } from 'vitest';
import { type ConformanceContext, drain } from '../context.js';

/** Skip reason when the sandbox does not exchange tokens (the provider uses static credentials). */
export function withoutTokenAuth(context: ConformanceContext): string | null {
  return context.sandbox.tokenAuth ? null : `the ${context.key} sandbox has no token auth (handle.tokenAuth)`;
}

/**
 * A token exchange that fails transiently (503 twice) is retried like any idempotent read — it creates nothing —
 * and the read then completes. An adapter that posts the exchange as a non-idempotent call fails here. Runs on a
 * VirtualClock, so the backoff never really waits.
 */
export async function tokenExchangeIsRetried(context: ConformanceContext): Promise<void> {
  const auth = context.sandbox.tokenAuth;
  if (!auth) throw new Error(withoutTokenAuth(context) ?? 'no token auth');
  const before = auth.exchanges();
  auth.failNextExchanges(2, 503);
  const connection = context.connect(undefined, { clock: new VirtualClock(Date.parse(context.options.now)) });
  const employees = await drain(connection.employees.list()).catch((error: unknown) => {
    context.errors.push(error);
    throw new Error(
      `reading after two failed token exchanges failed: the exchange was not retried (${(error as Error).message})`,
    );
  });
  expect(employees.length, 'no employee read after the retried exchange').toBeGreaterThan(0);
  expect(
    auth.exchanges() - before,
    'the token exchange was not retried (expected 2 failures + 1 success)',
  ).toBeGreaterThanOrEqual(3);
}

/** Skip reason when the sandbox cannot revoke the tokens it issued. */
export function withoutTokenRevocation(context: ConformanceContext): string | null {
  return (
    withoutTokenAuth(context) ??
    (context.sandbox.tokenAuth?.revokeIssuedTokens ? null : `the ${context.key} sandbox cannot revoke tokens`)
  );
}

/**
 * A runtime token the provider refuses mid-connection (revoked, expired early) is exchanged again once, and the read
 * goes on: the consumer never sees the 401.
 */
export async function refusedTokenIsRenewed(context: ConformanceContext): Promise<void> {
  const auth = context.sandbox.tokenAuth;
  if (!auth?.revokeIssuedTokens) throw new Error(withoutTokenRevocation(context) ?? 'no token revocation');
  const connection = context.connect();
  expect((await drain(connection.employees.list())).length, 'no employee read').toBeGreaterThan(0);
  const before = auth.exchanges();
  auth.revokeIssuedTokens();
  const again = await drain(connection.employees.list()).catch((error: unknown) => {
    context.errors.push(error);
    throw new Error(`a revoked runtime token was not renewed: ${(error as Error).message}`);
  });
  expect(again.length, 'no employee read after the token was renewed').toBeGreaterThan(0);
  expect(auth.exchanges() - before, 'the refused token was not exchanged again exactly once').toBe(1);
}
