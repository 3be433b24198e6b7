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
import { generatePersonioCompany, type PersonioCompany } from './company.js';
import { absencePeriodJson, employeeJson, timeOffJson, typeJson } from './wire.js';

export interface PersonioSandboxOptions extends SandboxOptions {
  /** Status of a refused token: Personio documents 403 "not valid", users report 401. Default 401. */
  invalidTokenStatus?: 401 | 403;
}

export interface PersonioSandboxHandle extends SandboxHandle {
  company: PersonioCompany;
  /** Token exchanges that carried the client secret in the URL (Personio accepts it; an adapter must not). */
  secretsInUrl(): number;
  /** A credential whose attribute whitelist lacks `status` and the customer's category. */
  narrowConnection(): Record<string, unknown>;
  tokenAuth: Required<NonNullable<SandboxHandle['tokenAuth']>>;
}

interface Credential {
  secret: string;
  scopes: readonly string[];
  hidden: readonly string[];
}

/** Documented limits: `/auth` 60 a minute, the employee list 300 a minute; a 429 carries no headers. */
const AUTH_LIMIT = { limit: 60, windowMs: 60_000 };
const EMPLOYEES_LIMIT = { limit: 300, windowMs: 60_000 };
const fail = (status: number, message: string, code = 0) =>
  jsonReply(status, { success: false, error: { code, message } });

/**
 * A Personio-compatible v1 API on 127.0.0.1: the token exchange, employees (record offset, 0-based pages, whitelist
 * omission), time-offs and absence periods (page-number offset where 0 reads as 1), types, balances, Personio's errors.
 */
export async function startPersonioSandbox(options: PersonioSandboxOptions = {}): Promise<PersonioSandboxHandle> {
  const today = (options.now ?? new Date().toISOString()).slice(0, 10);
  const company = generatePersonioCompany({ seed: options.seed ?? 1, employees: options.employees ?? 40, today });
  const secret = () => `papi-${randomBytes(18).toString('base64url')}`;
  const credentials = new Map<string, Credential>();
  const add = (scopes: string[], hidden: string[] = []) => {
    const id = `papi-${randomBytes(8).toString('hex')}`;
    credentials.set(id, { secret: secret(), scopes, hidden });
    return id;
  };
  const full = add(['employees:read', 'absences:read']);
  const restricted = add(['employees:read']);
  const narrow = add(['employees:read', 'absences:read'], ['status', company.category.key]);
  const tokens = new Map<string, Credential>();
  const issued: string[] = [];
  let exchanges = 0;
  let secretsInUrl = 0;
  let failing = { count: 0, status: 503 };
  const webhookToken = `whk_${randomBytes(16).toString('hex')}`;
  const limiter = new SlidingWindowRateLimiter({ enabled: options.rateLimits ?? true, retryAfterHeader: false });
  const pageSize = Math.min(options.timeOffPageSize ?? 200, 200);

  const router = new Router();
  router.post('/v1/auth', (request) => {
    exchanges++;
    if (failing.count > 0) {
      failing.count--;
      return fail(failing.status, 'Something went wrong', failing.status);
    }
    if (!limiter.hit('auth', 'auth', AUTH_LIMIT).allowed) return fail(429, 'Too many requests', 429);
    const body = readBody(request);
    if (request.query.has('client_secret')) secretsInUrl++;
    const id = body.get('client_id') ?? request.query.get('client_id');
    const credential = id ? credentials.get(id) : undefined;
    if (!credential || (body.get('client_secret') ?? request.query.get('client_secret')) !== credential.secret)
      return fail(401, 'Wrong credentials', 401);
    // The same token for the same credential for 24 h, as Personio does; a revoked one is replaced.
    const token =
      [...tokens].find(([, owner]) => owner === credential)?.[0] ?? `papi-${randomBytes(24).toString('base64url')}`;
    if (!tokens.has(token)) issued.push(token);
    tokens.set(token, credential);
    return jsonReply(200, { success: true, data: { token, expires_in: 86_400, scope: credential.scopes.join(' ') } });
  });

  const get = (path: string, scope: string, handler: (request: SandboxRequest, credential: Credential) => Reply) =>
    router.get(path, (request) => {
      const token = /^Bearer (\S+)$/.exec(request.header('authorization') ?? '')?.[1];
      if (!token) return fail(401, 'Authorization is not provided');
      const credential = tokens.get(token);
      if (!credential) return fail(options.invalidTokenStatus ?? 401, 'Provided authorization is not valid');
      if (!credential.scopes.includes(scope)) return fail(403, 'Access to this resource is not granted', 403);
      if (path.startsWith('/v1/company/employees') && !limiter.hit(token, 'employees', EMPLOYEES_LIMIT).allowed)
        return fail(429, 'Too many requests', 429);
      const reply = handler(request, credential);
      return { ...reply, headers: { ...reply.headers, authorization: `Bearer ${token}` } };
    });

  get('/v1/company/employees', 'employees:read', (request, credential) => {
    const since = request.query.get('updated_since');
    const rows = company.employees.filter((row) => !since || row.modifiedAt.slice(0, 10) >= since.slice(0, 10));
    const limit = clamp(request.query.get('limit'), 50, 100);
    const offset = Math.max(0, Number(request.query.get('offset') ?? 0) || 0);
    const data = rows.slice(offset, offset + limit).map((row) => employeeJson(row, credential.hidden));
    const metadata = {
      total_elements: rows.length,
      current_page: Math.floor(offset / limit),
      total_pages: Math.ceil(rows.length / limit),
    };
    return jsonReply(200, { success: true, metadata, offset, limit, data });
  });
  get('/v1/company/employees/attributes', 'employees:read', (_request, credential) => {
    const sample = company.employees[0];
    const attributes = sample
      ? Object.entries(sample.attributes).filter(([key]) => !credential.hidden.includes(key))
      : [];
    return jsonReply(200, {
      success: true,
      data: attributes.map(([key, a]) => ({ key, label: a.label, type: a.type, universal_id: a.universal_id })),
    });
  });
  get('/v1/company/employees/:id', 'employees:read', (request, credential) => {
    const found = company.employees.find((row) => String(row.id) === request.params.id);
    return found
      ? jsonReply(200, { success: true, data: employeeJson(found, credential.hidden) })
      : fail(404, 'Es ist ein Problem aufgetreten ', 404);
  });
  get('/v1/company/employees/:id/absences/balance', 'absences:read', (request) => {
    const found = company.employees.find((row) => String(row.id) === request.params.id);
    if (!found) return fail(404, 'Es ist ein Problem aufgetreten ', 404);
    const taken = (typeId: number) =>
      company.timeOffs.filter((t) => t.employeeId === found.id && t.typeId === typeId && t.status === 'approved');
    const data = company.types
      .filter((type) => type.unit === 'day')
      .map((type) => {
        const past = taken(type.id)
          .filter((t) => t.first <= today)
          .reduce((sum, t) => sum + t.days, 0);
        const upcoming = taken(type.id)
          .filter((t) => t.first > today)
          .reduce((sum, t) => sum + t.days, 0);
        return {
          id: type.id,
          name: type.name,
          category: type.category,
          balance: 28 - past,
          available_balance: 28 - past - upcoming,
        };
      });
    return jsonReply(200, { success: true, data });
  });
  get('/v1/company/time-off-types', 'absences:read', () =>
    jsonReply(200, { success: true, metadata: { current_page: 1, total_pages: 1 }, data: company.types.map(typeJson) }),
  );
  get('/v1/company/time-offs', 'absences:read', (request) =>
    pageByNumber(
      request,
      pageSize,
      filterRange(
        request,
        company.timeOffs,
        (t) => [t.first, t.last],
        (t) => t.employeeId,
      ),
      (t) => timeOffJson(t, company),
    ),
  );
  get('/v1/company/time-offs/:id', 'absences:read', (request) => {
    const found = company.timeOffs.find((t) => String(t.id) === request.params.id);
    return found
      ? jsonReply(200, { success: true, data: timeOffJson(found, company) })
      : fail(404, 'The absence period was not found.', 404);
  });
  get('/v1/company/absence-periods', 'absences:read', (request) => {
    const wanted = request.query.getAll('absence_periods[]');
    const rows = filterRange(
      request,
      company.absencePeriods,
      (p) => [p.breakdowns[0]?.date ?? '', p.breakdowns.at(-1)?.date ?? ''],
      (p) => p.employeeId,
    );
    return pageByNumber(
      request,
      pageSize,
      rows.filter((p) => wanted.length === 0 || wanted.includes(p.id)),
      (p) => absencePeriodJson(p, company),
    );
  });

  const server = await startServer({
    routes: router,
    ...(options.host ? { host: options.host } : {}),
    port: options.port ?? 0,
  });
  const baseUrl = `${server.url}/v1`;
  const configOf = (id: string) => ({ clientId: id, clientSecret: credentials.get(id)?.secret, baseUrl });
  const open = (row: { status: string }) => row.status !== 'inactive';
  const overlapping = (from: string, to: string, pending: boolean) => [
    ...company.timeOffs
      .filter((t) => t.first <= to && t.last >= from && (pending || t.status === 'approved'))
      .map((t) => t.id_v2),
    ...company.absencePeriods
      .filter(
        (p) =>
          (p.breakdowns[0]?.date ?? '') <= to &&
          (p.breakdowns.at(-1)?.date ?? '') >= from &&
          (pending || p.status === 'approved'),
      )
      .map((p) => p.id),
  ];
  return {
    provider: 'personio',
    url: server.url,
    company,
    connectionConfig: () => configOf(full),
    badConnectionConfig: () => ({ ...configOf(full), clientSecret: 'papi-wrong-secret-0000000000' }),
    restrictedConnection: () => ({ config: configOf(restricted), expectedMissingCheck: 'timeOff.requests' }),
    narrowConnection: () => configOf(narrow),
    secretsInUrl: () => secretsInUrl,
    secrets: () => [...[...credentials.values()].map((c) => c.secret), webhookToken],
    expected: {
      employeeRemoteIds: ({ includeInactive }) =>
        company.employees.filter((row) => includeInactive || open(row)).map((row) => String(row.id)),
      timeOffRequestRemoteIds: ({ from, to, includePending }) => overlapping(from, to, includePending),
    },
    tokenAuth: {
      failNextExchanges: (count, status = 503) => {
        failing = { count, status };
      },
      exchanges: () => exchanges,
      issuedTokens: () => [...issued],
      revokeIssuedTokens: () => tokens.clear(),
    },
    webhooks: {
      secret: webhookToken,
      authenticatesBody: false,
      sampleDelivery: () => {
        const body = JSON.stringify({
          company_id: '7033',
          event_name: 'person.updated',
          occurred_at: `${today}T09:00:00Z`,
          payload: { id: String(company.employees[0]?.id ?? 1) },
        });
        return { body, headers: { 'content-type': 'application/json', authorization: webhookToken } };
      },
    },
    close: () => server.close(),
  };
}

function readBody(request: SandboxRequest): URLSearchParams {
  const text = request.rawBody.toString('utf8');
  if ((request.header('content-type') ?? '').includes('json')) {
    const json = (request.json() ?? {}) as Record<string, unknown>;
    return new URLSearchParams(Object.entries(json).map(([key, value]): [string, string] => [key, String(value)]));
  }
  return new URLSearchParams(text);
}

const clamp = (value: string | null, fallback: number, max: number) =>
  Math.min(Math.max(1, Number(value ?? fallback) || fallback), max);

/** Overlap with start_date/end_date, `updated_from`/`updated_to` by day, `employees[]`. */
function filterRange<T extends { updatedAt: string }>(
  request: SandboxRequest,
  rows: readonly T[],
  span: (row: T) => [string, string],
  employeeOf: (row: T) => number,
): T[] {
  const q = request.query;
  const [from, to] = [q.get('start_date') ?? '0000-01-01', q.get('end_date') ?? '9999-12-31'];
  const [updatedFrom, updatedTo] = [q.get('updated_from') ?? '0000', q.get('updated_to') ?? '9999'];
  const people = q.getAll('employees[]');
  return rows.filter((row) => {
    const [first, last] = span(row);
    const updated = row.updatedAt.slice(0, 10);
    return (
      first <= to &&
      last >= from &&
      updated >= updatedFrom.slice(0, 10) &&
      updated <= updatedTo.slice(0, 10) &&
      (people.length === 0 || people.includes(String(employeeOf(row))))
    );
  });
}

/** Personio's quirk: `offset` is a page number from 1, and 0 is read as 1 (a record offset silently gives page 1). */
function pageByNumber<T>(request: SandboxRequest, size: number, rows: readonly T[], json: (row: T) => unknown): Reply {
  const limit = Math.min(clamp(request.query.get('limit'), 200, 200), size);
  const page = Math.max(1, Number(request.query.get('offset') ?? 1) || 1);
  const totalPages = Math.ceil(rows.length / limit);
  const data =
    page > totalPages && totalPages > 0 ? rows.slice(0, limit) : rows.slice((page - 1) * limit, page * limit);
  const metadata = { total_elements: rows.length, current_page: page, total_pages: totalPages };
  return jsonReply(200, { success: true, metadata, offset: page - 1, limit, data: data.map(json) });
}
