import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatePayData, type PaySandboxData } from './pay-data.js';
import type { PayAccess, PayReply, PayRouteRequest } from './pay-route-types.js';
import { type PayRouteOptions, payRoutes } from './pay-routes.js';

export interface PaySandboxOptions extends PayRouteOptions {
  seed?: number;
  /** Employees in the directory. Default 25. */
  employees?: number;
  /** How many of them (the last ones) hide their Payroll section from the service user. Default 2. */
  payrollHidden?: number;
  /** "Today", YYYY-MM-DD. Default 2026-11-20. */
  today?: string;
}

export interface PaySandboxCredential {
  serviceUserId: string;
  token: string;
  access: PayAccess;
}

/** One request the server answered (no bodies: they may hold pay data). */
export interface PaySandboxHit {
  method: string;
  path: string;
  /** The pay route's name, `hibob.people.search` for the id listing, null when nothing matched. */
  route: string | null;
  status: number;
  query: string;
  body: unknown;
}

export interface PaySandbox {
  readonly url: string;
  readonly data: PaySandboxData;
  /** Payroll and attendance granted. */
  readonly full: PaySandboxCredential;
  /** Directory only: no Payroll, no attendance permission. */
  readonly restricted: PaySandboxCredential;
  readonly hits: PaySandboxHit[];
  close(): Promise<void>;
}

/**
 * A self-contained HiBob pay sandbox on 127.0.0.1 (ephemeral port): the pay routes, Basic auth for two service users,
 * and `POST /v1/people/search` answering ids (what attendance needs to list everyone). The full HiBob sandbox registers
 * the same routes through `payRoutes()`; this server lets the pay module be tested on its own.
 */
export async function startPaySandbox(options: PaySandboxOptions = {}): Promise<PaySandbox> {
  const seed = options.seed ?? 1;
  const count = options.employees ?? 25;
  const hiddenCount = Math.min(options.payrollHidden ?? 2, count);
  const employeeIds = Array.from({ length: count }, (_, i) =>
    String(3_100_000_000_000_000_000n + BigInt(seed) * 1_000_000n + BigInt(i)),
  );
  const data = generatePayData({
    seed,
    employeeIds,
    payrollHiddenIds: employeeIds.slice(count - hiddenCount),
    today: options.today ?? '2026-11-20',
  });
  const routes = payRoutes(data, options);
  const full: PaySandboxCredential = {
    serviceUserId: `SERVICE-PAY-${seed}`,
    token: `pay-sandbox-token-${seed}-full-7f3a9c`,
    access: { payroll: true, attendance: true },
  };
  const restricted: PaySandboxCredential = {
    serviceUserId: `SERVICE-DIR-${seed}`,
    token: `pay-sandbox-token-${seed}-directory-41be2d`,
    access: { payroll: false, attendance: false },
  };
  const hits: PaySandboxHit[] = [];

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const raw = await readBody(req);
      let route: string | null = null;
      let body: unknown;
      const reply = ((): PayReply => {
        const caller = [full, restricted].find(
          (c) =>
            req.headers.authorization === `Basic ${Buffer.from(`${c.serviceUserId}:${c.token}`).toString('base64')}`,
        );
        if (!caller)
          return { status: 401, json: { key: 'unauthorized', error: 'The request could not be authenticated' } };
        const method = (req.method ?? 'GET').toUpperCase();
        const parseBody = () => (raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8')));
        if (method === 'POST' && url.pathname === '/v1/people/search') {
          route = 'hibob.people.search';
          body = parseBody();
          return { status: 200, json: { employees: employeeIds.map((id) => ({ id })) } };
        }
        for (const candidate of routes) {
          const params = match(candidate.pattern, url.pathname);
          if (!params || candidate.method !== method) continue;
          route = candidate.name;
          const request: PayRouteRequest = {
            method,
            path: url.pathname,
            params,
            query: url.searchParams,
            json: () => {
              body = parseBody();
              return body;
            },
          };
          return candidate.handler(request, caller.access);
        }
        return { status: 404, json: { key: 'not_found', error: `not found: ${method} ${url.pathname}` } };
      })();
      hits.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        route,
        status: reply.status,
        query: url.search,
        body,
      });
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.json));
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"key":"internal","error":"sandbox failure"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    data,
    full,
    restricted,
    hits,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function match(pattern: string, path: string): Record<string, string> | null {
  const expected = pattern.split('/').filter(Boolean);
  const actual = path.split('/').filter(Boolean);
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of expected.entries()) {
    const value = actual[i] as string;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(value);
    else if (segment !== value) return null;
  }
  return params;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
