import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxHandle, SandboxOptions } from '@hrkit/sandbox-kit';

/** A tiny provider API ("FakeHR") for testing the suite itself: cursor pages of 10, Bearer tokens, HMAC webhooks. */
export interface FakeEmployeeRow {
  id: string;
  name: string;
  status: 'active' | 'left';
}
export interface FakeLeaveRow {
  id: string;
  employee_id: string;
  first_day: string;
  last_day: string;
  state: 'approved' | 'pending';
}

const DAY = 86_400_000;
export const FAKE_SIGNATURE_HEADER = 'x-fake-signature';

export function sign(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export interface FakeSandboxQuirks {
  /** The server ignores from/to on /leave (the adapter must filter, or it returns records out of range). */
  leaveIgnoresRange?: boolean;
  /**
   * Token auth: `POST /api/token` (form body `client_secret=<config token>`) issues a runtime token, and only
   * runtime tokens open the data endpoints. The handle then has `tokenAuth`.
   */
  tokenAuth?: boolean;
}

export async function startFakeSandbox(options: SandboxOptions = {}, quirks: FakeSandboxQuirks = {}) {
  const seed = options.seed ?? 1;
  const count = options.employees ?? 25;
  const now = Date.parse(options.now ?? '2026-03-02T09:00:00.000Z');
  const token = `fake-full-token-${seed}`;
  const restrictedToken = `fake-restricted-token-${seed}`;
  const webhookSecret = `whsec-fake-${seed}-secret`;
  const employees: FakeEmployeeRow[] = Array.from({ length: count }, (_, index) => ({
    id: String(1000 + seed * 100 + index),
    name: `Person ${index}`,
    status: index % 5 === 4 ? 'left' : 'active',
  }));
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);
  const leave: FakeLeaveRow[] = employees
    .filter((_, index) => index % 2 === 0)
    .map((employee, index) => {
      const start = ((index * 17) % 160) - 80;
      return {
        id: `L${employee.id}`,
        employee_id: employee.id,
        first_day: day(start),
        last_day: day(start + (index % 4)),
        state: index % 3 === 0 ? 'pending' : 'approved',
      };
    });

  const page = <T>(rows: T[], cursor: string | null, size = 10) => {
    const offset = cursor ? Number(cursor) : 0;
    const next = offset + size < rows.length ? String(offset + size) : null;
    return { items: rows.slice(offset, offset + size), next };
  };
  const leaveIn = (from: string, to: string, pending: boolean) =>
    leave.filter(
      (row) =>
        (quirks.leaveIgnoresRange || (row.first_day <= to && row.last_day >= from)) &&
        (pending || row.state === 'approved'),
    );
  // Token auth: runtime token → the static credential it stands for.
  const runtimeTokens = new Map<string, string>();
  const issued: string[] = [];
  let exchanges = 0;
  let failingExchanges = { count: 0, status: 503 };
  let body = '';

  const route = (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://sandbox');
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (quirks.tokenAuth && url.pathname === '/api/token' && request.method === 'POST') {
      exchanges++;
      if (failingExchanges.count > 0) {
        failingExchanges.count--;
        return json(failingExchanges.status, { error: 'token service unavailable' });
      }
      const secret = new URLSearchParams(body).get('client_secret');
      if (secret !== token && secret !== restrictedToken) return json(401, { error: 'invalid_client' });
      const runtime = `fake-runtime-${seed}-${exchanges}-${issued.length}`;
      runtimeTokens.set(runtime, secret);
      issued.push(runtime);
      return json(200, { access_token: runtime, expires_in: 3600 });
    }
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const credential = quirks.tokenAuth ? runtimeTokens.get(bearer) : bearer;
    const auth = credential ? `Bearer ${credential}` : undefined;
    if (auth !== `Bearer ${token}` && auth !== `Bearer ${restrictedToken}`)
      return json(401, { error: 'invalid token' });
    const cursor = url.searchParams.get('cursor');
    if (url.pathname === '/api/employees') {
      const inactive = url.searchParams.get('include_inactive') === 'true';
      return json(200, page(inactive ? employees : employees.filter((e) => e.status === 'active'), cursor));
    }
    const one = /^\/api\/employees\/([^/]+)$/.exec(url.pathname);
    if (one) {
      const found = employees.find((employee) => employee.id === one[1]);
      return found ? json(200, found) : json(404, { error: 'no such employee' });
    }
    if (url.pathname === '/api/leave') {
      if (auth === `Bearer ${restrictedToken}`) return json(403, { error: 'missing scope leave:read' });
      const from = url.searchParams.get('from') ?? '0000-01-01';
      const to = url.searchParams.get('to') ?? '9999-12-31';
      const pending = url.searchParams.get('include_pending') === 'true';
      return json(200, page(leaveIn(from, to, pending), cursor, options.timeOffPageSize ?? 10));
    }
    json(404, { error: 'no route' });
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      body = Buffer.concat(chunks).toString('utf8');
      route(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const handle: SandboxHandle = {
    provider: 'fakehr',
    url,
    connectionConfig: () => ({ token, baseUrl: `${url}/api` }),
    badConnectionConfig: () => ({ token: 'fake-wrong-token', baseUrl: `${url}/api` }),
    restrictedConnection: () => ({
      config: { token: restrictedToken, baseUrl: `${url}/api` },
      expectedMissingCheck: 'timeOff.requests',
    }),
    secrets: () => [token, restrictedToken, webhookSecret],
    expected: {
      employeeRemoteIds: ({ includeInactive }) =>
        employees.filter((e) => includeInactive || e.status === 'active').map((e) => e.id),
      timeOffRequestRemoteIds: ({ from, to, includePending }) => leaveIn(from, to, includePending).map((row) => row.id),
    },
    ...(quirks.tokenAuth
      ? {
          tokenAuth: {
            failNextExchanges: (count: number, status = 503) => {
              failingExchanges = { count, status };
            },
            exchanges: () => exchanges,
            issuedTokens: () => [...issued],
            revokeIssuedTokens: () => runtimeTokens.clear(),
          },
        }
      : {}),
    webhooks: {
      secret: webhookSecret,
      sampleDelivery: () => {
        const body = JSON.stringify({ type: 'employee.updated', employee_id: employees[0]?.id, at: day(0) });
        return {
          body,
          headers: { 'content-type': 'application/json', [FAKE_SIGNATURE_HEADER]: sign(body, webhookSecret) },
        };
      },
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return handle;
}
