import {
  type ConnectorContext,
  clientCredentials,
  connectionHttp,
  type HttpClient,
  NotFoundError,
  readNumber,
} from '@hrkit/core';
import { PERSONIO, type PersonioConnectionConfig } from './config.js';
import { mapPersonioError } from './errors.js';
import { RawPersonioAttributeSpec, RawPersonioEmployee } from './raw/employee.js';
import { rawOne, rawPage } from './raw/page.js';
import {
  RawPersonioAbsencePeriod,
  RawPersonioBalance,
  RawPersonioTimeOff,
  RawPersonioTimeOffType,
} from './raw/time-off.js';

type Params = Record<string, string | number | readonly string[] | undefined>;

/** Employees: record offset, at most 100 a page. Time-offs and absence periods: page numbers, at most 200. */
export const EMPLOYEE_PAGE = 100;
export const ABSENCE_PAGE = 200;

/**
 * Personio's v1 endpoints on core's HttpClient, which does the token exchange (`POST /auth`, credentials in a JSON
 * body, cached for its lifetime, exchanged again once when refused), retries, redaction and the documented limits.
 */
export class PersonioClient {
  readonly http: HttpClient;
  private types: Promise<Map<string, RawPersonioTimeOffType>> | null = null;

  constructor(context: ConnectorContext<PersonioConnectionConfig>) {
    const { clientId, clientSecret } = context.config;
    this.http = connectionHttp(context, {
      provider: PERSONIO,
      baseUrl: context.config.baseUrl,
      auth: {
        kind: 'token',
        exchange: clientCredentials({ path: '/auth', clientId, clientSecret, body: 'json', read: readToken }),
      },
      mapError: mapPersonioError,
      rateLimits: [
        { name: 'auth', method: 'POST', path: /^\/auth$/, limit: 60 },
        { name: 'employees', path: /^\/company\/employees/, limit: 300 },
      ],
    });
  }

  employeesPage(offset: number, params: Params = {}, signal?: AbortSignal) {
    const searchParams = { limit: EMPLOYEE_PAGE, offset, ...params };
    return this.http.read(rawPage(RawPersonioEmployee), 'employee page', '/company/employees', {
      searchParams,
      signal,
    });
  }

  async employee(remoteId: string, signal?: AbortSignal) {
    const path = `/company/employees/${encodeURIComponent(remoteId)}`;
    return (await this.one(rawOne(RawPersonioEmployee), 'employee', remoteId, path, signal)).data;
  }

  async attributes(signal?: AbortSignal) {
    const schema = rawPage(RawPersonioAttributeSpec);
    return (await this.http.read(schema, 'attributes', '/company/employees/attributes', { signal })).data;
  }

  /** `offset` is a page number from 1 here (Personio reads 0 as 1): see docs/providers/personio.md › Paging. */
  timeOffsPage(page: number, params: Params, signal?: AbortSignal) {
    const searchParams = { limit: ABSENCE_PAGE, offset: page, ...params };
    return this.http.read(rawPage(RawPersonioTimeOff), 'time-off page', '/company/time-offs', { searchParams, signal });
  }

  async timeOff(remoteId: string, signal?: AbortSignal) {
    const path = `/company/time-offs/${encodeURIComponent(remoteId)}`;
    return (await this.one(rawOne(RawPersonioTimeOff), 'time-off request', remoteId, path, signal)).data;
  }

  absencePeriodsPage(page: number, params: Params, signal?: AbortSignal) {
    const searchParams = { limit: ABSENCE_PAGE, offset: page, ...params };
    const schema = rawPage(RawPersonioAbsencePeriod);
    return this.http.read(schema, 'absence-period page', '/company/absence-periods', { searchParams, signal });
  }

  /** Time-off types by id, read once per connection: absence periods name their type without its category. */
  timeOffTypes(signal?: AbortSignal) {
    this.types ??= this.http
      .read(rawPage(RawPersonioTimeOffType), 'time-off types', '/company/time-off-types', { signal })
      .then((page) => new Map(page.data.map((type) => [type.attributes.id, type])))
      .catch((error) => {
        this.types = null;
        throw error;
      });
    return this.types;
  }

  async balances(employeeId: string, signal?: AbortSignal) {
    const path = `/company/employees/${encodeURIComponent(employeeId)}/absences/balance`;
    return (await this.one(rawPage(RawPersonioBalance), 'balance', employeeId, path, signal)).data;
  }

  private async one<S extends Parameters<HttpClient['read']>[0]>(
    schema: S,
    what: string,
    id: string,
    path: string,
    signal?: AbortSignal,
  ) {
    try {
      return await this.http.read(schema, what, path, { signal });
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError(what, id, { provider: PERSONIO });
      throw error;
    }
  }
}

/** `{ success, data: { token, expires_in } }`; old answers had no lifetime (the token is then kept until refused). */
function readToken(body: unknown) {
  const data = (body as { data?: { token?: unknown; expires_in?: unknown } } | null)?.data;
  return typeof data?.token === 'string' ? { value: data.token, expiresInSeconds: readNumber(data.expires_in) } : null;
}
