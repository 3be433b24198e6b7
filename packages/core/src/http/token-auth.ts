import { AuthenticationError, HrKitError } from '../errors/errors.js';
import type { Redactor } from '../errors/redaction.js';
import type { Clock } from './clock.js';
import type { HttpClient } from './http-client.js';

/** What a token exchange returns: the runtime token and, when the provider says it, its lifetime. */
export interface AccessToken {
  value: string;
  /** Seconds the token stays valid; null or absent when the provider does not say (kept until refused). */
  expiresInSeconds?: number | null;
}

/**
 * Exchanges the connection's credentials for a runtime token. Receives an HttpClient without auth that retries
 * like any idempotent read (the exchange creates nothing) and redacts the connection's secrets.
 */
export type TokenExchange = (http: HttpClient, signal?: AbortSignal) => Promise<AccessToken>;

export interface TokenAuthSettings {
  kind: 'token';
  exchange: TokenExchange;
  /** Refresh this long before the token expires. Default 60 s. */
  refreshBeforeMs?: number;
  /** Header carrying the token. Default `authorization` with `Bearer <token>`. */
  header?: (token: string) => Record<string, string>;
}

/**
 * One connection's runtime token: exchanged on first use, cached, refreshed before expiry, dropped when a request
 * with it is refused. Concurrent callers share one exchange. Every token obtained is added to the redactor.
 */
export class TokenAuth {
  private current: { token: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly settings: TokenAuthSettings,
    private readonly exchanger: HttpClient,
    private readonly redactor: Redactor,
    private readonly clock: Clock,
  ) {}

  /** The token to send now, exchanging one when there is none or it is about to expire. */
  async token(signal?: AbortSignal): Promise<string> {
    const refreshBefore = this.settings.refreshBeforeMs ?? 60_000;
    if (this.current && this.clock.now() < this.current.expiresAt - refreshBefore) return this.current.token;
    this.pending ??= this.exchange(signal).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  headers(token: string): Record<string, string> {
    return this.settings.header?.(token) ?? { authorization: `Bearer ${token}` };
  }

  /** The provider refused `token`: forget it, so the next call exchanges a new one. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = null;
  }

  private async exchange(signal?: AbortSignal): Promise<string> {
    const grant = await this.settings.exchange(this.exchanger, signal);
    if (typeof grant?.value !== 'string' || grant.value === '')
      throw new AuthenticationError(`${this.exchanger.provider}: the token exchange answered without a token`, {
        provider: this.exchanger.provider,
      });
    this.redactor.addAuthorizationValue(`Bearer ${grant.value}`);
    const lifetime = grant.expiresInSeconds;
    const expiresAt =
      typeof lifetime === 'number' && Number.isFinite(lifetime) ? this.clock.now() + lifetime * 1000 : Infinity;
    this.current = { token: grant.value, expiresAt };
    return grant.value;
  }
}

export interface ClientCredentialsOptions {
  /** Token endpoint, relative to the client's base URL (e.g. `/oauth/token`, `/auth`). */
  path: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  /** How the credentials travel in the body (never in the URL). Default `form` (OAuth 2.0, RFC 6749 §4.4). */
  body?: 'form' | 'json';
  /** Names of the credential fields. Default `client_id` / `client_secret`. */
  fields?: { id: string; secret: string };
  /** Extra fields (e.g. `grant_type`; default `client_credentials` for the form body). */
  extra?: Record<string, string>;
  /** Reads the token from the answer. Default OAuth's `{ access_token, expires_in }`. */
  read?: (body: unknown) => AccessToken | null;
}

/**
 * A client-credentials exchange (OAuth 2.0 or a provider's own token endpoint). A refusal (400/401/403) becomes an
 * AuthenticationError naming the endpoint, never the secret; transient failures were already retried.
 */
export function clientCredentials(options: ClientCredentialsOptions): TokenExchange {
  const fields = options.fields ?? { id: 'client_id', secret: 'client_secret' };
  const format = options.body ?? 'form';
  const payload: Record<string, string> = {
    ...(format === 'form' ? { grant_type: 'client_credentials' } : {}),
    ...options.extra,
    [fields.id]: options.clientId,
    [fields.secret]: options.clientSecret,
    ...(options.scope ? { scope: options.scope } : {}),
  };
  return async (http, signal) => {
    let body: unknown;
    try {
      const response = await http.request({
        method: 'POST',
        path: options.path,
        idempotent: true,
        ...(format === 'json'
          ? { json: payload }
          : {
              body: new URLSearchParams(payload).toString(),
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
            }),
        ...(signal ? { signal } : {}),
      });
      body = response.body;
    } catch (error) {
      if (error instanceof HrKitError && error.status !== null && [400, 401, 403].includes(error.status))
        throw new AuthenticationError(
          `${http.provider} refused the client credentials at POST ${options.path} (${error.status}): check the client id and secret`,
          { provider: http.provider, request: `POST ${options.path}`, status: error.status },
        );
      throw error;
    }
    const token = (options.read ?? readOAuthToken)(body);
    if (!token)
      throw new AuthenticationError(`${http.provider}: POST ${options.path} answered without a token`, {
        provider: http.provider,
        request: `POST ${options.path}`,
      });
    return token;
  };
}

function readOAuthToken(body: unknown): AccessToken | null {
  const record = body as { access_token?: unknown; expires_in?: unknown } | null;
  if (typeof record?.access_token !== 'string') return null;
  const expires = Number(record.expires_in);
  return { value: record.access_token, expiresInSeconds: Number.isFinite(expires) ? expires : null };
}
