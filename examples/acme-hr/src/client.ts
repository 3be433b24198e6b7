import {
  type ConnectOptions,
  type ErrorMapper,
  HttpClient,
  type Logger,
  NotFoundError,
  parseProviderData,
  PermissionError,
  type Redactor,
} from '@hrkit/core';
import type { z } from 'zod';
import { ACME, type AcmeConnectionConfig } from './config.js';
import { RawAcmeEmployee, RawAcmeLeave, rawPage } from './raw.js';

// #region client
/**
 * Acme's endpoints, typed, on core's HttpClient — which already does timeouts, retries with backoff (429, 5xx,
 * dropped connections, truncated bodies), Retry-After and reset headers, and secret redaction.
 */
export class AcmeClient {
  readonly http: HttpClient;

  constructor(config: AcmeConnectionConfig, options: ConnectOptions, redactor: Redactor, logger: Logger) {
    this.http = new HttpClient({
      provider: ACME,
      baseUrl: config.baseUrl,
      auth: { kind: 'header', name: 'authorization', value: `Bearer ${config.apiKey}` },
      redactor,
      logger,
      mapError: mapAcmeError,
      // allowPrivateNetwork / allowedHosts: the consumer's base URL policy (docs/security.md).
      network: options,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      ...(options.retryLimit !== undefined ? { retry: { limit: options.retryLimit } } : {}),
    });
  }

  /** One page of `GET /employees`. Acme hides leavers unless `include_leavers=true`. */
  employeesPage(cursor: string | undefined, includeLeavers: boolean, signal?: AbortSignal) {
    return this.read(
      rawPage(RawAcmeEmployee),
      'employee page',
      '/employees',
      {
        cursor,
        limit: 25,
        include_leavers: includeLeavers,
      },
      signal,
    );
  }

  /** `GET /employees/{id}`; Acme answers 404 for an unknown id. */
  async employee(remoteId: string, signal?: AbortSignal) {
    try {
      return await this.read(RawAcmeEmployee, 'employee', `/employees/${encodeURIComponent(remoteId)}`, {}, signal);
    } catch (error) {
      if (error instanceof NotFoundError) throw new NotFoundError('employee', remoteId, { provider: ACME });
      throw error;
    }
  }

  /** One page of `GET /leave`: entries overlapping [from, to]. */
  leavePage(range: { from: string; to: string }, cursor: string | undefined, signal?: AbortSignal) {
    return this.read(rawPage(RawAcmeLeave), 'leave page', '/leave', { ...range, cursor, limit: 50 }, signal);
  }

  private async read<S extends z.ZodType>(
    schema: S,
    what: string,
    path: string,
    searchParams: Record<string, string | number | boolean | undefined>,
    signal?: AbortSignal,
  ): Promise<z.output<S>> {
    const response = await this.http.get(path, { searchParams, ...(signal ? { signal } : {}) });
    return parseProviderData(schema, response.body, { provider: ACME, what, request: `GET ${path}` });
  }
}

/** Acme says which scope a key lacks (`{"error":"…","missing_scope":"leave:read"}`): name it in the error. */
export const mapAcmeError: ErrorMapper = ({ status, body, request }) => {
  if (status !== 403) return undefined;
  const scope = (body as { missing_scope?: unknown } | undefined)?.missing_scope;
  const permission = typeof scope === 'string' ? scope : null;
  return new PermissionError(
    `${ACME} denied ${request}: the API key lacks the ${permission ?? 'required'} scope (Settings › API keys)`,
    { provider: ACME, request, status, permission },
  );
};
// #endregion client
