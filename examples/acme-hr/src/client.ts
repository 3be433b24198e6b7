import { type ConnectorContext, connectionHttp, type HttpClient, NotFoundError } from '@hrkit/core';
import { ACME, type AcmeConnectionConfig } from './config.js';
import { mapAcmeError } from './errors.js';
import { RawAcmeEmployee } from './raw/employee.js';
import { RawAcmeLeave } from './raw/leave.js';
import { rawPage } from './raw/page.js';

// #region client
/**
 * Acme's endpoints, typed, on core's HttpClient — which already does timeouts, retries with backoff (429, 5xx,
 * dropped connections, truncated bodies), Retry-After and reset headers, and secret redaction.
 */
export class AcmeClient {
  readonly http: HttpClient;

  constructor(context: ConnectorContext<AcmeConnectionConfig>) {
    this.http = connectionHttp(context, {
      provider: ACME,
      baseUrl: context.config.baseUrl,
      auth: { kind: 'header', name: 'authorization', value: `Bearer ${context.config.apiKey}` },
      mapError: mapAcmeError,
    });
  }

  /** One page of `GET /employees`. Acme hides leavers unless `include_leavers=true`. */
  employeesPage(cursor: string | undefined, includeLeavers: boolean, signal?: AbortSignal) {
    const searchParams = { cursor, limit: 25, include_leavers: includeLeavers };
    return this.http.read(rawPage(RawAcmeEmployee), 'employee page', '/employees', { searchParams, signal });
  }

  /** `GET /employees/{id}`; Acme answers 404 for an unknown id. */
  async employee(remoteId: string, signal?: AbortSignal) {
    try {
      return await this.http.read(RawAcmeEmployee, 'employee', `/employees/${encodeURIComponent(remoteId)}`, {
        signal,
      });
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError('employee', remoteId, { provider: ACME });
      throw error;
    }
  }

  /** One page of `GET /leave`: entries overlapping [from, to]. */
  leavePage(range: { from: string; to: string }, cursor: string | undefined, signal?: AbortSignal) {
    const searchParams = { ...range, cursor, limit: 50 };
    return this.http.read(rawPage(RawAcmeLeave), 'leave page', '/leave', { searchParams, signal });
  }
}
// #endregion client
