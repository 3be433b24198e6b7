import { AuthenticationError, createHrKit, WebhookVerificationError } from '@hrkit/core';
import { MemoryLogger } from '@hrkit/core/testing';
import { SkippingClock } from '@hrkit/testkit/faults';
import { afterEach, describe, expect, it } from 'vitest';
import { personio } from '../src/index.js';
import { type PersonioSandboxHandle, startPersonioSandbox } from '../src/sandbox/index.js';

const NOW = '2026-03-02T09:00:00Z';
let sandbox: PersonioSandboxHandle | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const kit = createHrKit({ providers: [personio({ employmentTypeField: 'employment category' })] });
const connect = (config: Record<string, unknown>, logger = new MemoryLogger()) =>
  kit.connect('personio', config, { clock: new SkippingClock(), logger });
const drain = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe('token auth', () => {
  it('exchanges once for many reads, with the secret in the body, and never logs secret or token', async () => {
    sandbox = await startPersonioSandbox({ seed: 2, employees: 30, now: NOW });
    const logs = new MemoryLogger();
    const connection = connect(sandbox.connectionConfig(), logs);
    await drain(connection.employees.list({ includeInactive: true }));
    await drain(connection.timeOff.requests({ from: '2026-01-01', to: '2026-06-30', includePending: true }));
    expect(sandbox.tokenAuth.exchanges()).toBe(1);
    expect(sandbox.secretsInUrl()).toBe(0);
    const text = logs.text();
    expect(text).toContain('POST /auth');
    for (const secret of [...sandbox.secrets(), ...sandbox.tokenAuth.issuedTokens()])
      expect(text).not.toContain(secret);
  });

  it('a refused exchange is an AuthenticationError naming the endpoint, without the secret', async () => {
    sandbox = await startPersonioSandbox({ seed: 2, employees: 5, now: NOW });
    const config = sandbox.badConnectionConfig();
    const error = await connect(config)
      .employees.get('1')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(String((error as Error).message)).toMatch(/POST \/auth/);
    expect(JSON.stringify(error)).not.toContain(String(config.clientSecret));
  });

  it('a 403 "Provided authorization is not valid" (as documented) is an expired token: exchanged again once', async () => {
    sandbox = await startPersonioSandbox({ seed: 2, employees: 5, now: NOW, invalidTokenStatus: 403 });
    const connection = connect(sandbox.connectionConfig());
    await drain(connection.employees.list({}));
    sandbox.tokenAuth.revokeIssuedTokens();
    expect((await drain(connection.employees.list({ includeInactive: true }))).length).toBe(5);
    expect(sandbox.tokenAuth.exchanges()).toBe(2);
  });
});

describe('the sandbox pages time off as Personio does', () => {
  it('offset is a page number: 0 and 1 answer the same page, a record offset falls back to page one', async () => {
    sandbox = await startPersonioSandbox({ seed: 4, employees: 40, now: NOW, timeOffPageSize: 5 });
    const config = sandbox.connectionConfig();
    const auth = await fetch(`${config.baseUrl}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_id: config.clientId, client_secret: config.clientSecret }),
    });
    const { data } = (await auth.json()) as { data: { token: string } };
    const page = async (offset: number) => {
      const url = `${config.baseUrl}/company/time-offs?limit=5&offset=${offset}`;
      const answer = await fetch(url, { headers: { authorization: `Bearer ${data.token}` } });
      return (await answer.json()) as { data: { attributes: { id: number } }[]; metadata: { current_page: number } };
    };
    const [zero, one, two, records] = await Promise.all([page(0), page(1), page(2), page(500)]);
    expect(zero.data).toEqual(one.data);
    expect(one.metadata.current_page).toBe(1);
    expect(two.data[0]?.attributes.id).not.toBe(one.data[0]?.attributes.id);
    expect(records.data).toEqual(one.data);
  });
});

describe('check() and the attribute whitelist', () => {
  it('names the attributes the whitelist leaves out, with the Personio setting to change', async () => {
    sandbox = await startPersonioSandbox({ seed: 3, employees: 10, now: NOW });
    const report = await connect(sandbox.narrowConnection()).check();
    const employees = report.checks.find((check) => check.id === 'employees.list');
    expect(employees).toMatchObject({ status: 'degraded', missingFields: ['status', 'employment category'] });
    expect(employees?.fix?.steps.join(' ')).toMatch(/API credentials.*readable employee attributes/);
    const [first] = await drain(connect(sandbox.narrowConnection()).employees.list({ includeInactive: true }));
    expect(first?.employmentType.customerCategory).toBeNull();
    expect(first?.employmentStatus.value).toBe('unknown');
  });

  it('with the full whitelist the category is read by its label', async () => {
    sandbox = await startPersonioSandbox({ seed: 3, employees: 10, now: NOW });
    const connection = connect(sandbox.connectionConfig());
    expect((await connection.check()).ok).toBe(true);
    const employees = await drain(connection.employees.list({ includeInactive: true }));
    expect(
      employees.every((employee) => employee.employmentType.customerCategory?.field.name === 'Employment category'),
    ).toBe(true);
  });
});

describe('webhooks', () => {
  it('accept the configured token with or without Bearer, refuse another, and point absences at the request', async () => {
    sandbox = await startPersonioSandbox({ seed: 5, employees: 10, now: NOW });
    const connection = connect(sandbox.connectionConfig());
    const token = sandbox.webhooks!.secret;
    const request = sandbox.company.timeOffs[0]!;
    const body = JSON.stringify({
      company_id: '7033',
      event_name: 'absence-period.deleted',
      occurred_at: '2026-03-02T08:00:00Z',
      payload: { id: request.id_v2, person: { id: String(request.employeeId) } },
    });
    const outcome = connection.webhooks.handle({ body, headers: { authorization: `Bearer ${token}` } }, token);
    expect(outcome).toMatchObject({
      kind: 'events',
      events: [{ entity: 'time_off_request', action: 'deleted', remoteId: request.id_v2 }],
    });
    expect(() => connection.webhooks.handle({ body, headers: { authorization: `${token}x` } }, token)).toThrow(
      WebhookVerificationError,
    );
    // What a webhook names is read again through the same id the reads use.
    const read = await connection.timeOff.request(String(request.employeeId), request.id_v2);
    expect(read.remoteId).toBe(request.id_v2);
  });
});

describe('unreadable records', () => {
  it('an employee without a readable id is reported through onDataIssue, and the others are listed', async () => {
    sandbox = await startPersonioSandbox({ seed: 6, employees: 6, now: NOW });
    const broken = sandbox.company.employees[2]!;
    broken.attributes.id = { label: 'ID', value: 1.5, type: 'integer', universal_id: 'id' };
    const issues: unknown[] = [];
    const listed = await drain(
      connect(sandbox.connectionConfig()).employees.list({
        includeInactive: true,
        onDataIssue: (issue) => issues.push(issue),
      }),
    );
    expect(listed).toHaveLength(5);
    expect(issues).toEqual([{ recordIndex: 2, field: 'id', value: 1.5, reason: 'id is not an integer' }]);
  });
});
