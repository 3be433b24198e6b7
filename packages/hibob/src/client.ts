import {
  type Clock,
  type HttpRequest,
  HttpClient,
  type Logger,
  type NetworkPolicy,
  parseProviderData,
  ProviderError,
  type RateLimiterFactory,
  type Redactor,
} from '@hrkit/core';
import type { z } from 'zod';
import { HIBOB, type HiBobConnectionConfig } from './config.js';
import { mapHiBobError } from './errors.js';
import { HIBOB_RATE_LIMITS } from './client/rate-limits.js';
import { ATTENDANCE_ENTRY_FIELDS, RawAttendanceSearch } from './raw/attendance.js';
import { RawFieldsResponse } from './raw/fields.js';
import { RawNamedList, RawNamedListsIndex } from './raw/named-lists.js';
import { type RawEmployee, RawReadResponse, RawSearchResponse } from './raw/people.js';
import { RawBulkSalaries, RawPayrollHistory, RawSalaryTable } from './raw/salary.js';
import { RawBulkTableResponse, RawTableResponse } from './raw/tables.js';
import {
  RawBalance,
  RawChanges,
  RawOuts,
  RawPolicy,
  RawPolicyNames,
  RawPolicyType,
  RawPolicyTypes,
  RawTimeOffRequest,
} from './raw/time-off.js';

export interface HiBobClientOptions {
  config: HiBobConnectionConfig;
  /** Default: a new one (the credentials are registered with it either way). */
  redactor?: Redactor;
  logger: Logger;
  clock?: Clock;
  rateLimits?: boolean;
  rateLimiter?: RateLimiterFactory;
  timeoutMs?: number;
  retryLimit?: number;
  /** The consumer's base URL policy (allowPrivateNetwork / allowedHosts), docs/security.md. */
  network?: NetworkPolicy;
}

/** `/people/search` body. `filters` is left out entirely when there is none: `filters: []` gives 400. */
export interface SearchRequest {
  fields: readonly string[];
  /** Only `root.id` / `root.email` with `equals` are accepted by HiBob, and one filter at most. */
  filter?: { fieldPath: 'root.id' | 'root.email'; values: readonly string[] };
  showInactive: boolean;
}

export type BulkTable = 'work' | 'employment' | 'lifecycle';

/** `GET /bulk/people/salaries` filters, sent unchanged with every cursor (HiBob requires identical filters). */
export interface BulkSalaryFilters {
  /** At most 200 ids; absent = every employee the service user can access. */
  employeeIds?: readonly string[];
  includeArchived?: boolean;
  limit: number;
}

/** `POST /attendance/entries/search` filters: the employees (required) and an inclusive clock-in range ≤ 33 days. */
export interface AttendanceSearch {
  employeeIds: readonly string[];
  from: string;
  to: string;
  limit: number;
}

const path = (...segments: string[]) => segments.map((segment) => encodeURIComponent(segment)).join('/');

/**
 * Typed HiBob endpoints on core's HttpClient: Basic auth with the service user, HiBob's per-minute allowances,
 * its error bodies, and a content-type check (Bob serves HTML pages with 200 on wrong paths).
 */
export class HiBobClient {
  readonly http: HttpClient;

  constructor(options: HiBobClientOptions) {
    this.http = new HttpClient({
      provider: HIBOB,
      baseUrl: options.config.baseUrl,
      auth: { kind: 'basic', username: options.config.serviceUserId, password: options.config.token },
      ...(options.redactor ? { redactor: options.redactor } : {}),
      logger: options.logger,
      mapError: mapHiBobError,
      ...(options.network ? { network: options.network } : {}),
      rateLimits: options.rateLimits === false ? [] : HIBOB_RATE_LIMITS,
      ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.retryLimit !== undefined ? { retry: { limit: options.retryLimit } } : {}),
    });
  }

  /** Send, check that JSON came back, parse leniently. GETs carry no Content-Type (got adds it only with a body). */
  private async call<S extends z.ZodType>(schema: S, what: string, request: HttpRequest): Promise<z.output<S>> {
    const response = await this.http.request(request);
    const label = `${request.method ?? 'GET'} ${request.path}`;
    const contentType = String(response.headers['content-type'] ?? '');
    if (contentType && !/json/i.test(contentType))
      throw new ProviderError(
        `HiBob answered ${label} with ${contentType.split(';')[0]} instead of JSON: a wrong path or a Bob web page, not API data`,
        { provider: HIBOB, request: label, status: response.status },
      );
    return parseProviderData(schema, response.body, { provider: HIBOB, what, request: label });
  }

  fields(signal?: AbortSignal) {
    return this.call(RawFieldsResponse, 'fields metadata', { path: '/v1/company/people/fields', signal });
  }

  namedLists(signal?: AbortSignal) {
    return this.call(RawNamedListsIndex, 'named lists', {
      path: '/v1/company/named-lists',
      searchParams: { includeArchived: true },
      signal,
    });
  }

  /** List names are case-sensitive (`terminationreason`); archived items are kept so old values still resolve. */
  namedList(name: string, signal?: AbortSignal) {
    return this.call(RawNamedList, `named list "${name}"`, {
      path: `/v1/company/named-lists/${path(name)}`,
      searchParams: { includeArchived: true },
      signal,
    });
  }

  /** A read, so it is marked idempotent and retried like a GET. */
  async search(body: SearchRequest, signal?: AbortSignal): Promise<RawEmployee[]> {
    const json: Record<string, unknown> = {
      fields: body.fields,
      showInactive: body.showInactive,
      humanReadable: 'APPEND',
    };
    if (body.filter && body.filter.values.length > 0)
      json.filters = [{ fieldPath: body.filter.fieldPath, operator: 'equals', values: body.filter.values }];
    const response = await this.call(RawSearchResponse, 'people search', {
      method: 'POST',
      path: '/v1/people/search',
      json,
      idempotent: true,
      signal,
    });
    return response.employees;
  }

  /** `POST /people/{id or work email}`; 404 becomes NotFoundError('employee'). */
  read(identifier: string, fields: readonly string[], signal?: AbortSignal): Promise<RawEmployee> {
    return this.call(RawReadResponse, 'employee', {
      method: 'POST',
      path: `/v1/people/${path(identifier)}`,
      json: { fields, humanReadable: 'APPEND' },
      idempotent: true,
      signal,
    });
  }

  async table(employeeId: string, table: BulkTable, signal?: AbortSignal) {
    const response = await this.call(RawTableResponse, `${table} table`, {
      path: `/v1/people/${path(employeeId)}/${table}`,
      signal,
    });
    return response.values;
  }

  /** One page of `/bulk/people/{table}`; the caller sends identical filters on every page. */
  bulkTable(table: BulkTable, employeeIds: readonly string[], cursor: string | undefined, signal?: AbortSignal) {
    return this.call(RawBulkTableResponse, `bulk ${table} table`, {
      path: `/v1/bulk/people/${table}`,
      searchParams: { employeeIds: employeeIds.join(','), limit: 200, includeArchived: false, cursor },
      signal,
    });
  }

  async policyTypes(signal?: AbortSignal) {
    return (await this.call(RawPolicyTypes, 'policy types', { path: '/v1/timeoff/policy-types', signal })).policyTypes;
  }

  policyType(name: string, signal?: AbortSignal) {
    return this.call(RawPolicyType, `policy type "${name}"`, {
      path: `/v1/timeoff/policy-types/${path(name)}`,
      signal,
    });
  }

  async policyNames(policyTypeName: string, signal?: AbortSignal) {
    const response = await this.call(RawPolicyNames, 'policy names', {
      path: '/v1/timeoff/policies/names',
      searchParams: { policyTypeName },
      signal,
    });
    return response.policyNames;
  }

  policy(policyName: string, signal?: AbortSignal) {
    return this.call(RawPolicy, `policy "${policyName}"`, {
      path: '/v1/timeoff/policies',
      searchParams: { policyName },
      signal,
    });
  }

  /** One window of the changes feed; `to - since` must stay within HiBob's six months. */
  async changes(window: { since: string; to: string; includePending: boolean }, signal?: AbortSignal) {
    const response = await this.call(RawChanges, 'time-off changes', {
      path: '/v1/timeoff/requests/changes',
      searchParams: { since: window.since, to: window.to, includePending: window.includePending },
      signal,
    });
    return response.changes;
  }

  async whosOut(range: { from: string; to: string; includePending: boolean }, signal?: AbortSignal) {
    const response = await this.call(RawOuts, "who's out", {
      path: '/v1/timeoff/whosout',
      // Private-policy absences come only with includePrivate=true (and the private-policy permission).
      searchParams: {
        from: range.from,
        to: range.to,
        includeHourly: true,
        includePrivate: true,
        includePending: range.includePending,
      },
      signal,
    });
    return response.outs;
  }

  async outToday(today: string | undefined, signal?: AbortSignal) {
    const response = await this.call(RawOuts, 'out today', {
      path: '/v1/timeoff/outtoday',
      searchParams: { today, includeHourly: true, includePrivate: true },
      signal,
    });
    return response.outs;
  }

  request(employeeId: string, requestId: string, signal?: AbortSignal) {
    return this.call(RawTimeOffRequest, 'time-off request', {
      path: `/v1/timeoff/employees/${path(employeeId)}/requests/${path(requestId)}`,
      signal,
    });
  }

  balance(employeeId: string, policyType: string, date: string, signal?: AbortSignal) {
    return this.call(RawBalance, 'time-off balance', {
      path: `/v1/timeoff/employees/${path(employeeId)}/balance`,
      searchParams: { policyType, date },
      signal,
    });
  }

  /** One page of the Salary table for many employees; 403 names the Payroll permission (errors.ts). */
  bulkSalaries(filters: BulkSalaryFilters, cursor: string | undefined, signal?: AbortSignal) {
    return this.call(RawBulkSalaries, 'bulk salaries page', {
      path: '/v1/bulk/people/salaries',
      searchParams: {
        limit: filters.limit,
        ...(filters.employeeIds?.length ? { employeeIds: filters.employeeIds.join(',') } : {}),
        includeArchived: filters.includeArchived ?? false,
        ...(cursor ? { cursor } : {}),
      },
      signal,
    });
  }

  /** One employee's Salary table rows (unparsed: the mapping validates each row). */
  async salaries(employeeId: string, signal?: AbortSignal) {
    return (
      await this.call(RawSalaryTable, 'salary table', { path: `/v1/people/${path(employeeId)}/salaries`, signal })
    ).values;
  }

  /** `GET /payroll/history` (legacy, announced for deprecation): every readable employee, one unpaginated answer. */
  async payrollHistory(showInactive: boolean, signal?: AbortSignal) {
    return (
      await this.call(RawPayrollHistory, 'payroll history', {
        path: '/v1/payroll/history',
        searchParams: { showInactive },
        signal,
      })
    ).employees;
  }

  /**
   * One page of attendance entries. Filters use `fieldId` as the daily-breakdown endpoint documents; 404 means the
   * account has no Time and Attendance module (NotSupportedError, errors.ts).
   */
  attendanceEntries(search: AttendanceSearch, cursor: string | undefined, signal?: AbortSignal) {
    return this.call(RawAttendanceSearch, 'attendance search page', {
      method: 'POST',
      path: '/v1/attendance/entries/search',
      json: {
        fields: [...ATTENDANCE_ENTRY_FIELDS],
        filters: [
          { fieldId: '/attendanceEntry/employeeId', operator: 'equals', values: [...search.employeeIds] },
          { fieldId: '/attendanceEntry/clockInDate', operator: 'from', values: [search.from] },
          { fieldId: '/attendanceEntry/clockInDate', operator: 'to', values: [search.to] },
        ],
        limit: search.limit,
        ...(cursor ? { cursor } : {}),
      },
      idempotent: true,
      signal,
    });
  }
}
