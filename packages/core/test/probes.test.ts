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

  it("options: the credentials fix and reason, the probe's permission first, the wording, a fix on every gap", async () => {
    const credentialsFix = { permission: null, steps: ['Check the service user and its token'] };
    const checks = await runProbes(
      [
        probe('leave', fail(new PermissionError('denied', { permission: 'internal:scope' }))),
        probe('balances', fail(new ProviderError('boom'))),
        probe('fields', async () => null, { inspect: () => ({ status: 'degraded', summary: 'some left out' }) }),
        probe('people', async () => null, {
          expand: () => [
            { ...row('fields.work'), status: 'ok' },
            { ...row('fields.home'), status: 'missing' },
          ],
        }),
        probe('employees', fail(new AuthenticationError('refused'))),
        probe('later', async () => null),
      ],
      {
        credentialsFix,
        refusedReason: 'the credentials were refused (the provider blocks repeated failed logins)',
        permissionFrom: 'probe',
        missingSummary: (message) => `The service user lacks a permission: ${message}`,
        fixOnEveryGap: true,
      },
    );
    expect(checks.map((check) => [check.id, check.status])).toEqual([
      ['leave', 'missing'],
      ['balances', 'error'],
      ['fields', 'degraded'],
      ['fields.work', 'ok'],
      ['fields.home', 'missing'],
      ['employees', 'error'],
      ['later', 'skipped'],
    ]);
    expect(checks[0]).toMatchObject({
      summary: 'The service user lacks a permission: denied',
      fix: { permission: 'leave:read', steps: ['Grant leave:read'] },
    });
    expect(checks[1]?.fix).toEqual({ permission: 'balances:read', steps: ['Grant balances:read'] });
    expect(checks[2]?.fix).toEqual({ permission: 'fields:read', steps: ['Grant fields:read'] });
    expect(checks[5]?.fix).toEqual(credentialsFix);
    expect(checks[6]?.summary).toBe(
      'Not probed: the credentials were refused (the provider blocks repeated failed logins)',
    );
  });

  it("without options a permission error names the provider's permission and an error row has no fix", async () => {
    const checks = await runProbes([
      probe('leave', fail(new PermissionError('denied', { permission: 'internal:scope' }))),
      probe('balances', fail(new ProviderError('boom'))),
    ]);
    expect(checks[0]?.fix?.permission).toBe('internal:scope');
    expect(checks[1]?.fix).toBeNull();
  });
});

function row(id: string) {
  return { id, title: id, severity: 'optional' as const, capabilities: [], summary: id, missingFields: [], fix: null };
}
