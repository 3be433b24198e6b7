import {
  type ConnectorContext,
  connectionHttp,
  type DataIssueHandler,
  type HttpClient,
  NotFoundError,
  parseProviderData,
} from '@hrkit/core';
import type { z } from 'zod';
import { apiRootOf, BAMBOOHR, type BambooHrConnectionConfig } from './config.js';
import { mapBambooHrError } from './errors.js';
import { RawEmployeeChanged } from './raw/changes.js';
import { RawEmployeeRow, type RawReport, RawReportEnvelope, readEmployeeRows } from './raw/report.js';
import { RawCompensationTable, RawTable } from './raw/tables.js';
import { RawBalances, RawTimeOffPolicies, RawTimeOffRequests, RawTimeOffTypes, RawWhosOut } from './raw/time-off.js';

const IDS_PLACEHOLDER = '\u0000hrkit-employee-ids\u0000';

/**
 * BambooHR's report filter takes ids as JSON numbers; a 19-digit id must not pass through a JS number (it would be
 * rounded), so the digits are written into the body as they are.
 */
function withNumericIds(json: string, ids: readonly string[] | undefined): string {
  if (!ids) return json;
  const list = ids.map((id) => (/^\d+$/.test(id) ? id : JSON.stringify(id))).join(',');
  return json.replace(JSON.stringify(IDS_PLACEHOLDER), `[${list}]`);
}

// #region client
/**
 * BambooHR's endpoints, typed, on core's HttpClient (timeouts, retries with backoff, Retry-After, redaction, and the
 * connection's logger and clock). Always asks for JSON.
 */
export class BambooHrClient {
  readonly http: HttpClient;
  readonly config: BambooHrConnectionConfig;

  constructor(context: Pick<ConnectorContext<BambooHrConnectionConfig>, 'config' | 'connect' | 'redactor' | 'logger'>) {
    this.config = context.config;
    this.http = connectionHttp(context, {
      provider: BAMBOOHR,
      baseUrl: apiRootOf(context.config),
      // The API key is the Basic username; the password is ignored by BambooHR ("x" by convention).
      auth: { kind: 'basic', username: context.config.apiKey, password: 'x' },
      userAgent: 'hrkit-bamboohr',
      // BambooHR publishes no quota; throttling is answered with 503/429 + Retry-After, which the toolkit honours.
      rateLimits: [],
      mapError: mapBambooHrError,
      // No rules, but a shared limiter still spreads a 429's reset to every worker using this key.
      ...(context.connect.rateLimiter ? { rateLimiter: context.connect.rateLimiter } : {}),
      // Ids come as JSON numbers on the newer endpoints: a 19-digit one must keep its digits (docs/providers/bamboohr.md).
      losslessIntegers: true,
    });
  }

  private parse<S extends z.ZodType>(schema: S, body: unknown, what: string, request: string): z.output<S> {
    return parseProviderData(schema, body, { provider: BAMBOOHR, what, request });
  }

  /**
   * `POST /v1/reports/custom`: every employee including leavers, with exactly the fields asked for. A read, so it
   * is retried like a GET. The Content-Type must be exactly `application/json` or BambooHR parses the body as XML.
   */
  async customReport(
    fields: readonly string[],
    options: { employeeIds?: readonly string[]; signal?: AbortSignal; onDataIssue?: DataIssueHandler } = {},
  ): Promise<RawReport> {
    const body = {
      title: 'hrkit employees',
      fields,
      ...(options.employeeIds ? { filters: { employeeIds: IDS_PLACEHOLDER } } : {}),
    };
    const response = await this.http.request({
      method: 'POST',
      path: '/v1/reports/custom',
      searchParams: { format: 'JSON', onlyCurrent: 'true' },
      body: withNumericIds(JSON.stringify(body), options.employeeIds),
      headers: { 'content-type': 'application/json' },
      idempotent: true,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const label = 'POST /v1/reports/custom';
    const envelope = this.parse(RawReportEnvelope, response.body, 'custom report', label);
    return { ...envelope, employees: readEmployeeRows(envelope.employees, BAMBOOHR, label, options.onDataIssue) };
  }

  async employee(id: string, fields: readonly string[], signal?: AbortSignal) {
    const path = `/v1/employees/${encodeURIComponent(id)}`;
    const response = await this.http.get(path, {
      searchParams: { fields: fields.join(','), onlyCurrent: 'true' },
      allowStatuses: [404],
      ...(signal ? { signal } : {}),
    });
    if (response.status === 404 || response.body === '')
      throw new NotFoundError('employee', id, { provider: BAMBOOHR, request: `GET ${path}`, status: 404 });
    return this.parse(RawEmployeeRow, response.body, 'employee', `GET ${path}`);
  }

  async table(employeeId: string, table: string, signal?: AbortSignal) {
    const path = `/v1/employees/${encodeURIComponent(employeeId)}/tables/${encodeURIComponent(table)}`;
    const response = await this.http.get(path, signal ? { signal } : {});
    return this.parse(RawTable, response.body === '' ? [] : response.body, `${table} table`, `GET ${path}`);
  }

  /** The compensation table: its `rate` is an object, so it has its own row schema. */
  async compensation(employeeId: string, signal?: AbortSignal) {
    const path = `/v1/employees/${encodeURIComponent(employeeId)}/tables/compensation`;
    const response = await this.http.get(path, signal ? { signal } : {});
    return this.parse(
      RawCompensationTable,
      response.body === '' ? [] : response.body,
      'compensation table',
      `GET ${path}`,
    );
  }

  async changed(since: string, signal?: AbortSignal) {
    const response = await this.http.get('/v1/employees/changed', {
      searchParams: { since },
      ...(signal ? { signal } : {}),
    });
    return this.parse(RawEmployeeChanged, response.body, 'changed employees', 'GET /v1/employees/changed');
  }

  async timeOffRequests(
    query: { start: string; end: string; id?: string; employeeId?: string; status?: string },
    signal?: AbortSignal,
  ) {
    const response = await this.http.get('/v1/time_off/requests', {
      searchParams: query,
      ...(signal ? { signal } : {}),
    });
    return this.parse(RawTimeOffRequests, response.body, 'time-off requests', 'GET /v1/time_off/requests');
  }

  async whosOut(start: string, end: string, signal?: AbortSignal) {
    const response = await this.http.get('/v1/time_off/whos_out', {
      searchParams: { start, end },
      ...(signal ? { signal } : {}),
    });
    return this.parse(RawWhosOut, response.body, "who's out", 'GET /v1/time_off/whos_out');
  }

  async calculator(employeeId: string, end: string, signal?: AbortSignal) {
    const path = `/v1/employees/${encodeURIComponent(employeeId)}/time_off/calculator`;
    const response = await this.http.get(path, { searchParams: { end }, ...(signal ? { signal } : {}) });
    return this.parse(RawBalances, response.body, 'time-off balances', `GET ${path}`);
  }

  async timeOffTypes(signal?: AbortSignal) {
    const response = await this.http.get('/v1/meta/time_off/types', signal ? { signal } : {});
    return this.parse(RawTimeOffTypes, response.body, 'time-off types', 'GET /v1/meta/time_off/types');
  }

  async timeOffPolicies(signal?: AbortSignal) {
    const response = await this.http.get('/v1/meta/time_off/policies', signal ? { signal } : {});
    return this.parse(RawTimeOffPolicies, response.body, 'time-off policies', 'GET /v1/meta/time_off/policies');
  }

  /** Cheap probes for `check()`: status only, the body is not needed. */
  async probe(path: string, searchParams?: Record<string, string>): Promise<{ status: number; body: unknown }> {
    const response = await this.http.get(path, {
      ...(searchParams ? { searchParams } : {}),
      allowStatuses: [400, 401, 403, 404],
    });
    return { status: response.status, body: response.body };
  }
}
// #endregion client
