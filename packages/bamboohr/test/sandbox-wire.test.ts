import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxFixture, raw } from './helpers.js';

describe('BambooHR sandbox: wire fidelity', () => {
  let fixture: Awaited<ReturnType<typeof sandboxFixture>>;
  let key: string;
  let base: string;
  beforeAll(async () => {
    fixture = await sandboxFixture();
    key = fixture.sandbox.connectionConfig().apiKey;
    base = `/api/gateway.php/${fixture.sandbox.company.domain}/v1`;
  });
  afterAll(() => fixture.sandbox.close());

  it('answers a bad key with 401, an empty body and the X-BambooHR-Error-Message header', async () => {
    const response = await raw(fixture.sandbox.url, `${base}/employees/0`, {
      key: 'not-a-real-key',
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
    expect(response.headers.get('x-bamboohr-error-message')).toBe('API key not provided or invalid');
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="https://api.bamboohr.com/acme"');
    expect((await raw(fixture.sandbox.url, `${base}/employees/0`)).status).toBe(401);
  });

  it('takes the key as Basic user name with any password, on both URL forms', async () => {
    const other = await fetch(`${fixture.sandbox.url}/api/v1/employees/0?fields=firstName`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${key}:anything`).toString('base64')}`,
        accept: 'application/json',
      },
    });
    expect(other.status).toBe(200);
    expect(await other.json()).toMatchObject({ id: '1' });
    expect((await raw(fixture.sandbox.url, '/api/gateway.php/other-co/v1/employees/0', { key })).status).toBe(404);
    // Many clients add a trailing slash (`meta/time_off/types/`): accepted.
    expect((await raw(fixture.sandbox.url, `${base}/meta/time_off/types/`, { key })).status).toBe(200);
  });

  it('answers XML unless Accept: application/json', async () => {
    const xml = await raw(fixture.sandbox.url, `${base}/employees/1/tables/jobInfo`, { key });
    expect(xml.headers.get('content-type')).toContain('text/xml');
    expect(xml.text).toMatch(
      /^<\?xml version="1.0"\?>\n<table>\n <row id="\d+" employeeId="1">\n {2}<field id="date">\d{4}-\d{2}-\d{2}<\/field>/,
    );
    const json = await raw(fixture.sandbox.url, `${base}/employees/1/tables/jobInfo`, {
      key,
      headers: { accept: 'application/json' },
    });
    expect(JSON.parse(json.text)[0]).toMatchObject({ employeeId: '1', teams: null });
    const employee = await raw(fixture.sandbox.url, `${base}/employees/1?fields=firstName`, { key });
    expect(employee.text).toContain('<employee id="1">');
  });

  it('custom reports: all employees incl. leavers, strings only, 0000-00-00, supervisorId = employee number', async () => {
    const body = JSON.stringify({
      title: 't',
      fields: ['firstName', 'status', 'terminationDate', 'supervisorId', 'supervisorEId', 'supervisor', 'nope'],
    });
    const report = await raw(fixture.sandbox.url, `${base}/reports/custom?format=JSON&onlyCurrent=true`, {
      key,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(report.status).toBe(200);
    const parsed = JSON.parse(report.text) as { fields: { id: string }[]; employees: Record<string, string | null>[] };
    expect(parsed.fields.map((f) => f.id)).not.toContain('nope');
    expect(parsed.employees).toHaveLength(fixture.sandbox.company.employees.size);
    const leaver = parsed.employees.find((e) => e.status === 'Inactive');
    const active = parsed.employees.find((e) => e.status === 'Active' && e.supervisorEId);
    expect(leaver?.terminationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(parsed.employees.find((e) => e.status === 'Active')?.terminationDate).toBe('0000-00-00');
    const manager = fixture.sandbox.company.employees.get(active!.supervisorEId!)!;
    expect(active?.supervisorId).toBe(manager.employeeNumber);
    expect(active?.supervisorId).not.toBe(manager.id);
    expect(active?.supervisor).toBe(`${manager.lastName}, ${manager.firstName}`);
    for (const row of parsed.employees)
      for (const value of Object.values(row)) expect(value === null || typeof value === 'string').toBe(true);
  });

  it('custom reports refuse a Content-Type other than exactly application/json (treated as XML)', async () => {
    const response = await raw(fixture.sandbox.url, `${base}/reports/custom?format=JSON`, {
      key,
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({ fields: ['firstName'] }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-bamboohr-error-message')).toBe('Malformed XML');
  });

  it('directory: actives only, supervisor as a name, canUploadPhoto as an integer; 403 when disabled', async () => {
    const response = await raw(fixture.sandbox.url, `${base}/employees/directory`, {
      key,
      headers: { accept: 'application/json' },
    });
    const directory = JSON.parse(response.text) as { employees: Record<string, unknown>[] };
    const expected = fixture.sandbox.expected
      .employeeRemoteIds({ includeInactive: false })
      .filter((id) => fixture.sandbox.company.employees.get(id)!.hireDate <= '2026-03-02');
    expect(directory.employees.map((e) => e.id).sort()).toEqual(expected.sort());
    expect(directory.employees[0]?.canUploadPhoto).toBe(1);
    fixture.sandbox.control.setDirectoryEnabled(false);
    expect((await raw(fixture.sandbox.url, `${base}/employees/directory`, { key })).status).toBe(403);
    fixture.sandbox.control.setDirectoryEnabled(true);
    const restricted = fixture.sandbox.restrictedConnection().config.apiKey as string;
    expect((await raw(fixture.sandbox.url, `${base}/employees/directory`, { key: restricted })).status).toBe(403);
  });

  it('time-off requests need start and end; ids and amounts are strings; whos_out uses integers and holidays', async () => {
    expect((await raw(fixture.sandbox.url, `${base}/time_off/requests?start=2026-01-01`, { key })).status).toBe(400);
    const list = JSON.parse(
      (
        await raw(fixture.sandbox.url, `${base}/time_off/requests?start=2025-01-01&end=2027-01-01`, {
          key,
          headers: { accept: 'application/json' },
        })
      ).text,
    ) as { id: unknown; amount: { amount: unknown }; status: { status: string }; notes: unknown }[];
    expect(typeof list[0]?.id).toBe('string');
    expect(typeof list[0]?.amount.amount).toBe('string');
    expect(new Set(list.map((r) => r.status.status))).toContain('superceded');
    const whosOut = JSON.parse(
      (
        await raw(fixture.sandbox.url, `${base}/time_off/whos_out?start=2026-01-01&end=2026-04-30`, {
          key,
          headers: { accept: 'application/json' },
        })
      ).text,
    ) as { id: unknown; type: string; employeeId?: unknown }[];
    expect(typeof whosOut[0]?.id).toBe('number');
    expect(whosOut.some((entry) => entry.type === 'holiday' && entry.employeeId === undefined)).toBe(true);
  });

  it('throttles with 429 or the legacy 503, always with Retry-After', async () => {
    fixture.sandbox.control.throttleNext(2, { status: 503, retryAfterSeconds: 7 });
    const first = await raw(fixture.sandbox.url, `${base}/meta/time_off/types`, { key });
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('7');
    fixture.sandbox.control.throttleNext(1, { status: 429, retryAfterSeconds: 2 });
    const limited = await raw(fixture.sandbox.url, `${base}/meta/time_off/types`, { key });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
    expect((await raw(fixture.sandbox.url, `${base}/meta/time_off/types`, { key })).status).toBe(200);
  });

  it('enforces its per-key rate limit when rateLimits is on', async () => {
    const limited = await sandboxFixture({ rateLimits: true, requestsPerMinute: 3 });
    try {
      const apiKey = limited.sandbox.connectionConfig().apiKey;
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push(
          (await raw(limited.sandbox.url, '/api/gateway.php/acme/v1/meta/time_off/types', { key: apiKey })).status,
        );
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.sandbox.close();
    }
  });

  it('has an HTTP control API under /_sandbox', async () => {
    const created = await fetch(`${fixture.sandbox.url}/_sandbox/employees`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Ada', lastName: 'Control', employmentHistoryStatus: 'Contractor' }),
    });
    const employee = (await created.json()) as { id: string };
    expect(fixture.sandbox.company.employees.get(employee.id)?.lastName).toBe('Control');
    const bad = await fetch(`${fixture.sandbox.url}/_sandbox/employees`, { method: 'POST', body: '{}' });
    expect(bad.status).toBe(400);
    const post = (path: string, body: unknown) =>
      fetch(`${fixture.sandbox.url}/_sandbox${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post(`/employees/${employee.id}/terminate`, { date: '2026-03-01' })).status).toBe(200);
    expect(fixture.sandbox.company.statusOf(fixture.sandbox.company.employees.get(employee.id)!)).toBe('Inactive');
    const leave = (await (
      await post('/time-off/requests', { employeeId: '2', typeId: '77', start: '2026-03-10', end: '2026-03-11' })
    ).json()) as { id: string };
    expect((await post(`/time-off/requests/${leave.id}/status`, { status: 'approved' })).status).toBe(200);
    expect(fixture.sandbox.company.requests.get(leave.id)?.status).toBe('approved');
    expect(
      (await post('/time-off/requests', { employeeId: '2', typeId: '999', start: '2026-03-10', end: '2026-03-11' }))
        .status,
    ).toBe(400);
  });

  it('serves the write endpoints as recorded: 201 + Location, 200 with empty text/html, and stamps changes', async () => {
    const json = { 'content-type': 'application/json', accept: 'application/json' };
    const created = await raw(fixture.sandbox.url, `${base}/employees`, {
      key,
      method: 'POST',
      headers: json,
      body: JSON.stringify({ firstName: 'Test', lastName: 'Employee' }),
    });
    expect(created.status).toBe(201);
    const { id } = JSON.parse(created.text) as { id: string };
    expect(created.headers.get('location')).toMatch(new RegExp(`/api/gateway.php/acme/v1/employees/${id}$`));
    const row = await raw(fixture.sandbox.url, `${base}/employees/${id}/tables/employmentStatus`, {
      key,
      method: 'POST',
      headers: json,
      body: JSON.stringify({ date: '2026-03-02', employmentStatus: 'Part-Time' }),
    });
    expect([row.status, row.text, row.headers.get('content-type')]).toEqual([200, '', 'text/html; charset=UTF-8']);
    expect(fixture.sandbox.company.employment(fixture.sandbox.company.employees.get(id)!)?.employmentStatus).toBe(
      'Part-Time',
    );
    const leave = await raw(fixture.sandbox.url, `${base}/employees/${id}/time_off/request`, {
      key,
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ status: 'requested', start: '2026-06-15', end: '2026-06-16', timeOffTypeId: 78 }),
    });
    expect(leave.status).toBe(201);
    const request = JSON.parse(leave.text) as { id: string; amount: { amount: string }; dates: Record<string, string> };
    expect(request.amount.amount).toBe('16');
    expect(request.dates).toEqual({ '2026-06-15': '8', '2026-06-16': '8' });
    const denied = await raw(fixture.sandbox.url, `${base}/time_off/requests/${request.id}/status`, {
      key,
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ status: 'denied' }),
    });
    expect(denied.status).toBe(200);
    expect(fixture.sandbox.company.requests.get(request.id)?.status).toBe('denied');
    const missing = await raw(fixture.sandbox.url, `${base}/employees`, {
      key,
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(missing.status).toBe(400);
  });

  it('checks the company in the newer host form and renders reports as XML on request', async () => {
    // fetch() will not send a custom Host header; node:http will.
    const withHost = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${fixture.sandbox.url}/api/v1/employees/0`, {
          headers: { host, authorization: `Basic ${Buffer.from(`${key}:x`).toString('base64')}` },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await withHost('other.bamboohr.com')).toBe(404);
    expect(await withHost('acme.bamboohr.com')).toBe(200);
    const xml = await raw(fixture.sandbox.url, `${base}/reports/custom?format=XML`, {
      key,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: ['firstName'] }),
    });
    expect(xml.headers.get('content-type')).toContain('text/xml');
    expect(xml.text).toMatch(/<report>[\s\S]*<employee id="1">\n\s+<field id="firstName">[^<]+<\/field>/);
  });
});
