import { randomBytes } from 'node:crypto';
import {
  jsonReply,
  type Reply,
  Router,
  type SandboxHandle,
  type SandboxOptions,
  type SandboxRequest,
  SlidingWindowRateLimiter,
  startServer,
} from '@hrkit/sandbox-kit';
import { ACME_SIGNATURE_HEADER, signAcmeBody } from '../webhooks.js';
import { type AcmeCompany, generateAcmeCompany } from './company.js';

// #region sandbox-server
/** Acme documents 600 requests per minute per API key. */
const RATE_LIMIT = { limit: 600, windowMs: 60_000 };

/**
 * An Acme-compatible API on 127.0.0.1 built from the sandbox kit: a router, the seeded company above, Bearer keys
 * with scopes, cursor pages, Acme's error bodies and its rate limit (429 + Retry-After + X-RateLimit-Reset).
 */
export async function startAcmeSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  const today = (options.now ?? new Date().toISOString()).slice(0, 10);
  const company = generateAcmeCompany({ seed: options.seed ?? 1, employees: options.employees ?? 40, today });
  // Fresh random keys per sandbox: a leak test can then look for exactly these strings.
  const keys = new Map<string, readonly string[]>([
    [`acme_full_${randomBytes(12).toString('hex')}`, ['employees:read', 'leave:read']],
    [`acme_restricted_${randomBytes(12).toString('hex')}`, ['employees:read']],
  ]);
  const [fullKey, restrictedKey] = [...keys.keys()] as [string, string];
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  const limiter = new SlidingWindowRateLimiter({ enabled: options.rateLimits ?? true, retryAfterHeader: true });

  const router = new Router();
  router.get(
    '/v1/employees',
    guarded('employees:read', (request) => listEmployees(company, request)),
  );
  router.get(
    '/v1/employees/:id',
    guarded('employees:read', (request) => oneEmployee(company, request)),
  );
  router.get(
    '/v1/leave',
    guarded('leave:read', (request) => listLeave(company, request, options.timeOffPageSize ?? LEAVE_PAGE)),
  );

  /** Bearer key → scope → rate limit, in that order, with Acme's error bodies. */
  function guarded(scope: string, handler: (request: SandboxRequest) => Reply) {
    return (request: SandboxRequest): Reply => {
      const key = /^Bearer (\S+)$/.exec(request.header('authorization') ?? '')?.[1];
      const scopes = key ? keys.get(key) : undefined;
      if (!key || !scopes) return jsonReply(401, { error: 'invalid or missing API key' });
      if (!scopes.includes(scope)) return jsonReply(403, { error: 'insufficient scope', missing_scope: scope });
      const decision = limiter.hit(key, request.routeName, RATE_LIMIT);
      if (!decision.allowed) return jsonReply(429, { error: 'rate limit exceeded' }, limiter.headers(decision));
      return handler(request);
    };
  }

  const server = await startServer({
    routes: router,
    ...(options.host ? { host: options.host } : {}),
    port: options.port ?? 0,
  });
  const baseUrl = `${server.url}/v1`;
  return {
    provider: 'acme',
    url: server.url,
    connectionConfig: () => ({ apiKey: fullKey, baseUrl }),
    badConnectionConfig: () => ({ apiKey: 'acme_wrong_0000000000000000', baseUrl }),
    restrictedConnection: () => ({
      config: { apiKey: restrictedKey, baseUrl },
      expectedMissingCheck: 'timeOff.requests',
    }),
    secrets: () => [fullKey, restrictedKey, webhookSecret],
    expected: {
      employeeRemoteIds: ({ includeInactive }) =>
        company.employees.filter((row) => includeInactive || row.status !== 'LEFT').map((row) => row.emp_id),
      timeOffRequestRemoteIds: ({ from, to, includePending }) =>
        leaveIn(company, from, to)
          .filter((row) => includePending || row.state !== 'PENDING')
          .map((row) => row.leave_id),
    },
    webhooks: {
      secret: webhookSecret,
      sampleDelivery: () => {
        const employee = company.employees[0];
        const body = JSON.stringify({
          id: 'evt_1',
          event: 'employee.updated',
          emp_id: employee?.emp_id ?? '1',
          occurred_at: `${today}T09:00:00Z`,
        });
        return {
          body,
          headers: { 'content-type': 'application/json', [ACME_SIGNATURE_HEADER]: signAcmeBody(body, webhookSecret) },
        };
      },
    },
    close: () => server.close(),
  };
}
// #endregion sandbox-server

const EMPLOYEE_PAGE = 25;
const LEAVE_PAGE = 50;

function listEmployees(company: AcmeCompany, request: SandboxRequest): Reply {
  const leavers = request.query.get('include_leavers') === 'true';
  const rows = company.employees.filter((row) => leavers || row.status !== 'LEFT');
  return page(rows, request, EMPLOYEE_PAGE);
}

function oneEmployee(company: AcmeCompany, request: SandboxRequest): Reply {
  const found = company.employees.find((row) => row.emp_id === request.params.id);
  return found ? jsonReply(200, found) : jsonReply(404, { error: 'employee not found' });
}

function listLeave(company: AcmeCompany, request: SandboxRequest, pageSize: number): Reply {
  const from = request.query.get('from');
  const to = request.query.get('to');
  if (!from || !to) return jsonReply(400, { error: 'from and to are required (YYYY-MM-DD)' });
  return page(leaveIn(company, from, to), request, pageSize);
}

function leaveIn(company: AcmeCompany, from: string, to: string) {
  return company.leave.filter((row) => row.first_day <= to && (row.last_day ?? row.first_day) >= from);
}

/** Acme's paging: `limit` (capped) and an opaque cursor that encodes the offset. */
function page<T>(rows: readonly T[], request: SandboxRequest, maxLimit: number): Reply {
  const limit = Math.min(Number(request.query.get('limit') ?? maxLimit) || maxLimit, maxLimit);
  const cursor = request.query.get('cursor');
  const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
  if (!Number.isInteger(offset) || offset < 0) return jsonReply(400, { error: 'invalid cursor' });
  const next = offset + limit < rows.length ? Buffer.from(String(offset + limit)).toString('base64url') : null;
  return jsonReply(200, { data: rows.slice(offset, offset + limit), next_cursor: next });
}
