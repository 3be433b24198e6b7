import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  NotFoundError,
  PermissionError,
  type Probe,
  ProviderError,
  runProbes,
} from '../src/index.js';

const probe = (id: string, call: () => Promise<unknown>, extra: Partial<Probe> = {}): Probe => ({
  id,
  title: `Read ${id}`,
  severity: 'optional',
  capabilities: [],
  permission: `${id}:read`,
  steps: [`Grant ${id}:read`],
  call,
  ...extra,
});
const fail = (error: Error) => async () => {
  throw error;
};

describe('runProbes', () => {
  it('ok, missing with the fix, skipped with the reason, error on that row only', async () => {
    const checks = await runProbes([
      probe('employees', async () => [1]),
      probe('leave', fail(new PermissionError('denied', { permission: 'Leave › View' }))),
      probe('policies', fail(new NotFoundError('resource', 'GET /policies')), { notFound: 'no policies on this plan' }),
      probe('balances', fail(new ProviderError('boom'))),
      probe('webhooks', async () => null, { skip: () => 'no webhook secret configured' }),
      probe('fields', async () => ({ missing: ['salary'] }), {
        inspect: (result) => ({ status: 'degraded', missingFields: (result as { missing: string[] }).missing }),
      }),
    ]);
    expect(checks.map((check) => [check.id, check.status])).toEqual([
      ['employees', 'ok'],
      ['leave', 'missing'],
      ['policies', 'skipped'],
      ['balances', 'error'],
      ['webhooks', 'skipped'],
      ['fields', 'degraded'],
    ]);
    expect(checks[1]?.fix).toEqual({ permission: 'Leave › View', steps: ['Grant leave:read'] });
    expect(checks[2]?.summary).toBe('no policies on this plan');
    expect(checks[4]?.summary).toBe('no webhook secret configured');
    expect(checks[5]?.missingFields).toEqual(['salary']);
  });

  it('an authentication error stops the run: later probes are skipped, never called', async () => {
    let called = false;
    const checks = await runProbes([
      probe('employees', fail(new AuthenticationError('refused'))),
      probe('leave', async () => {
        called = true;
      }),
    ]);
    expect(checks.map((check) => check.status)).toEqual(['error', 'skipped']);
    expect(checks[1]?.summary).toMatch(/credentials were refused/);
    expect(called).toBe(false);
  });
});
