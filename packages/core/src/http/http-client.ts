import { lookup as dnsLookup } from 'node:dns';
import got, { type Agents, type Method, type Response } from 'got';
import type { z } from 'zod';
import {
  AuthenticationError,
  ConfigurationError,
  HrKitError,
  NotFoundError,
  PermissionError,
  ProviderError,
  RateLimitedError,
  TransportError,
} from '../errors/errors.js';
import { Redactor } from '../errors/redaction.js';
import { parseProviderData } from '../errors/zod-errors.js';
import { VERSION } from '../version.js';
import { type Clock, systemClock } from './clock.js';
import { type Logger, silentLogger } from './logger.js';
import { baseUrlProblem, guardedLookup, type NetworkPolicy, REFUSED_ADDRESS_CODE } from './network-policy.js';
import { requestPathProblem } from './path-safety.js';
import { type RateLimiterFactory, type RateLimitRule, RateLimiter, type RequestRateLimiter } from './rate-limiter.js';
import { backoffDelay, defaultRetryPolicy, type RetryPolicy, serverRequestedDelay } from './retry-policy.js';
import { parseJsonLossless } from './lossless-json.js';
import { TokenAuth, type TokenAuthSettings } from './token-auth.js';

export type HttpAuth =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'header'; name: string; value: string }
  /** A runtime token exchanged for the credentials (see token-auth.ts and docs/writing-an-adapter.md). */
  | TokenAuthSettings
  | { kind: 'none' };

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the response is JSON, else the text. */
  body: T;
  text: string;
}

export interface HttpRequest {
  method?: Method;
  /** Path relative to the base URL; a leading slash is fine. */
  path: string;
  searchParams?: Record<string, string | number | boolean | undefined | null | readonly string[]>;
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
  /** Retry this request on failure. GETs default to true; POSTs only when the adapter says it is a read. */
  idempotent?: boolean;
  /** Expect JSON (default) or text (e.g. XML). A non-JSON answer to a JSON request is a provider error. */
  responseType?: 'json' | 'text';
  signal?: AbortSignal | undefined;
  /** Statuses the adapter handles itself instead of getting a typed error (e.g. 404 → "not found" result). */
  allowStatuses?: readonly number[];
}

/** Adapter hook: turn a failed response into a provider-specific typed error (e.g. name the HiBob permission). */
export type ErrorMapper = (context: {
  status: number;
  body: unknown;
  text: string;
  headers: Record<string, string | string[] | undefined>;
  request: string;
}) => HrKitError | undefined;

export interface HttpClientOptions {
  provider: string;
  baseUrl: string;
  auth?: HttpAuth;
  /** Holds the connection's secrets; every error message and log line goes through it. */
  redactor?: Redactor;
  userAgent?: string;
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Documented per-endpoint allowances, enforced client-side. Pass [] to switch off. */
  rateLimits?: readonly RateLimitRule[];
  /** Who enforces `rateLimits`: default an in-process `RateLimiter`; a shared budget plugs in here. */
  rateLimiter?: RateLimiterFactory;
  logger?: Logger;
  mapError?: ErrorMapper;
  clock?: Clock;
  random?: () => number;
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  agent?: Agents;
  /**
   * Read integer literals beyond 2^53 as strings (`parseJsonLossless`) instead of rounded numbers. For providers
   * that send ids as JSON numbers (BambooHR); costs a scan of each answer (docs/performance.md), so a provider that
   * quotes its ids (HiBob) leaves it off and relies on `readRecordId` to refuse a rounded id.
   */
  losslessIntegers?: boolean;
  /**
   * Where credentials may be sent (docs/security.md › Base URL policy). Adapters pass the connection's
   * ConnectOptions here. Default: https only (http to loopback), no private, link-local or metadata addresses.
   */
  network?: NetworkPolicy;
}

/** Counters a benchmark or a test can read. */
export interface HttpStats {
  requests: number;
  retries: number;
  byStatus: Record<number, number>;
  rateLimitWaits: number;
}

/** Sent when the adapter names no User-Agent: providers ask integrations to identify themselves. */
export const DEFAULT_USER_AGENT = `hrkit/${VERSION}`;

/** Never retried whatever the policy or an adapter's error mapper says: HiBob blocks callers that repeat bad logins. */
const NEVER_RETRIED_STATUSES = new Set([401, 403]);

const RETRYABLE_NETWORK_CODES = new Set([
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'EAI_AGAIN',
  'ECONNABORTED',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
]);

/**
 * The HTTP toolkit every adapter shares: base URL, auth, timeouts, retries with backoff and jitter that honour
 * Retry-After and reset headers, per-endpoint client-side rate limits, and redaction. got moves the bytes; the
 * retry loop is ours so that truncated bodies, reset headers and POST reads are all handled the same way.
 */
export class HttpClient {
  readonly stats: HttpStats = { requests: 0, retries: 0, byStatus: {}, rateLimitWaits: 0 };
  readonly redactor: Redactor;
  private readonly policy: RetryPolicy;
  private readonly limiter: RequestRateLimiter;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly logger: Logger;
  private readonly got: typeof got;
  private readonly baseUrl: string;
  private readonly tokens: TokenAuth | null;

  constructor(private readonly options: HttpClientOptions) {
    this.redactor = options.redactor ?? new Redactor();
    if (options.auth?.kind === 'basic') this.redactor.addBasicCredentials(options.auth.username, options.auth.password);
    if (options.auth?.kind === 'header') this.redactor.addAuthorizationValue(options.auth.value);
    this.policy = { ...defaultRetryPolicy, ...options.retry };
    validateClientOptions(options, this.policy);
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.logger = options.logger ?? silentLogger;
    const rules = options.rateLimits ?? [];
    this.limiter = options.rateLimiter ? options.rateLimiter(rules, this.clock) : new RateLimiter(rules, this.clock);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    // The token exchange goes through a client of its own: same host, retries, limits and redaction, no auth.
    this.tokens =
      options.auth?.kind === 'token'
        ? new TokenAuth(
            options.auth,
            new HttpClient({ ...options, auth: { kind: 'none' }, redactor: this.redactor, clock: this.clock }),
            this.redactor,
            this.clock,
          )
        : null;
    this.got = got.extend({
      retry: { limit: 0 },
      throwHttpErrors: false,
      followRedirect: false,
      timeout: { request: options.timeoutMs ?? 30_000 },
      headers: { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT, ...this.authHeaders(), ...options.headers },
      // Every name is resolved through the policy: a public-looking name pointing at a private address is refused
      // before the socket connects, so no credential leaves the process.
      dnsLookup: guardedLookup(dnsLookup as never, options.network ?? {}) as never,
      ...(options.agent ? { agent: options.agent } : {}),
    });
  }

  get provider(): string {
    return this.options.provider;
  }

  async get<T = unknown>(path: string, request: Omit<HttpRequest, 'path' | 'method'> = {}): Promise<HttpResponse<T>> {
    return this.request<T>({ ...request, path, method: 'GET' });
  }

  async post<T = unknown>(
    path: string,
    json: unknown,
    request: Omit<HttpRequest, 'path' | 'method' | 'json'> = {},
  ): Promise<HttpResponse<T>> {
    return this.request<T>({ ...request, path, method: 'POST', json });
  }

  /**
   * GET `path` and parse the body with the provider's lenient raw schema: a payload that does not fit is an
   * InvalidProviderDataError naming `what`, the request and the field path.
   */
  async read<S extends z.ZodType>(
    schema: S,
    what: string,
    path: string,
    request: Omit<HttpRequest, 'path' | 'method'> = {},
  ): Promise<z.output<S>> {
    const response = await this.get(path, request);
    return parseProviderData(schema, response.body, { provider: this.provider, what, request: `GET ${path}` });
  }

  async request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    const method = request.method ?? 'GET';
    const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
    const unsafe = requestPathProblem(path);
    if (unsafe)
      throw new ConfigurationError(
        `${this.provider}: refused to send ${method} ${this.redactor.redact(JSON.stringify(path))}: the path ${unsafe}`,
        { provider: this.provider, field: 'path' },
      );
    // Redacted once here: the label goes into every log line and error, and a path may carry a token.
    const label = this.redactor.redact(`${method} ${path}`);
    const idempotent = request.idempotent ?? (method === 'GET' || method === 'HEAD');
    let reauthenticated = false;
    for (let attempt = 1; ; attempt++) {
      const token = this.tokens ? await this.tokens.token(request.signal) : null;
      const sent =
        token && this.tokens ? { ...request, headers: { ...this.tokens.headers(token), ...request.headers } } : request;
      const waitedFor = this.clock.now();
      const settle = await this.limiter.acquire(method, path, request.signal);
      if (this.clock.now() > waitedFor) this.stats.rateLimitWaits++;
      let outcome: Awaited<ReturnType<typeof this.attempt<T>>>;
      try {
        outcome = await this.attempt<T>(sent, method, path, label);
      } finally {
        settle();
      }
      if (outcome.kind === 'ok') return outcome.response;
      const error = outcome.error;
      const requested = outcome.retryAfterMs;
      // The server closed the window until a known instant: hold back every request under the rule, whether or
      // not this one is retried (a POST, an exhausted retry budget), so the next call does not hit a 429 again.
      if (requested !== null && requested <= this.policy.maxRetryAfterMs)
        await this.limiter.block(method, path, this.clock.now() + requested);
      // A refused runtime token may just have expired early: exchange a new one and try once more.
      if (error.status === 401 && token && this.tokens && !reauthenticated) {
        reauthenticated = true;
        this.tokens.invalidate(token);
        attempt--;
        this.logger.debug('http.reauthenticate', { provider: this.provider, request: label });
        continue;
      }
      const neverRetried = error.status !== null && NEVER_RETRIED_STATUSES.has(error.status);
      const canRetry = idempotent && error.retryable && !neverRetried && attempt <= this.policy.limit;
      if (!canRetry) throw error;
      if (requested !== null && requested > this.policy.maxRetryAfterMs) throw error;
      const delay = requested ?? backoffDelay(this.policy, attempt, this.random);
      this.stats.retries++;
      this.logger.debug('http.retry', {
        provider: this.provider,
        request: label,
        attempt,
        delayMs: delay,
        reason: error.code,
      });
      await this.clock.sleep(delay, request.signal);
    }
  }

  /** One try, with every error it produces passed through the redactor. */
  private async attempt<T>(request: HttpRequest, method: Method, path: string, label: string): Promise<Outcome<T>> {
    const outcome = await this.attemptOnce<T>(request, method, path, label);
    if (outcome.kind === 'error') outcome.error = this.sanitize(outcome.error);
    return outcome;
  }

  private async attemptOnce<T>(request: HttpRequest, method: Method, path: string, label: string): Promise<Outcome<T>> {
    const started = this.clock.now();
    this.stats.requests++;
    const wantsJson = (request.responseType ?? 'json') === 'json';
    let response: Response<string>;
    try {
      response = (await this.got(`${this.baseUrl}${path}`, {
        method,
        searchParams: toSearchParams(request.searchParams),
        ...(request.json !== undefined ? { json: request.json } : {}),
        ...(request.body !== undefined ? { body: request.body } : {}),
        headers: { accept: wantsJson ? 'application/json' : '*/*', ...request.headers },
        ...(request.signal ? { signal: request.signal } : {}),
      })) as Response<string>;
    } catch (cause) {
      if (request.signal?.aborted) throw request.signal.reason ?? cause;
      const code = (cause as { code?: string }).code ?? 'UNKNOWN';
      if (code === REFUSED_ADDRESS_CODE) {
        const refused = new ConfigurationError(
          `${this.provider}: refused to connect for ${label}: ${(cause as Error).message}`,
          { provider: this.provider, request: label, field: 'baseUrl' },
        );
        return { kind: 'error', error: refused, retryAfterMs: null };
      }
      const retryable =
        RETRYABLE_NETWORK_CODES.has(code) ||
        (cause as Error).name === 'TimeoutError' ||
        code === 'ERR_GOT_REQUEST_ERROR';
      this.logger.debug('http.failure', { provider: this.provider, request: label, code });
      const error = new TransportError(
        `${this.provider}: ${label} failed before an answer arrived (${code}); retrying the same call is safe`,
        { provider: this.provider, request: label },
      );
      if (!retryable) Object.defineProperty(error, 'retryable', { value: false });
      return { kind: 'error', error, retryAfterMs: null };
    }
    const status = response.statusCode;
    this.stats.byStatus[status] = (this.stats.byStatus[status] ?? 0) + 1;
    const text = response.body;
    this.logger.debug('http.response', {
      provider: this.provider,
      request: label,
      status,
      ms: this.clock.now() - started,
    });
    const headers = response.headers as Record<string, string | string[] | undefined>;

    if ((status >= 200 && status < 300) || request.allowStatuses?.includes(status)) {
      if (!wantsJson || status === 204 || text === '')
        return { kind: 'ok', response: { status, headers, body: text as T, text } };
      const parsed = parseJson(text, this.options.losslessIntegers === true);
      if (parsed.ok) return { kind: 'ok', response: { status, headers, body: parsed.value as T, text } };
      // A 2xx that is not JSON: a truncated body is worth a retry; an HTML page is a provider quirk.
      const contentType = String(headers['content-type'] ?? '');
      const truncated = contentType.includes('json') || /^\s*[[{]/.test(text);
      const error = truncated
        ? new TransportError(
            `${this.provider}: ${label} answered with an incomplete JSON body; retrying the same call is safe`,
            {
              provider: this.provider,
              request: label,
              status,
            },
          )
        : new ProviderError(
            `${this.provider}: ${label} answered ${status} with ${contentType || 'a non-JSON body'} instead of JSON`,
            {
              provider: this.provider,
              request: label,
              status,
            },
          );
      return { kind: 'error', error, retryAfterMs: null };
    }

    const body = parseJson(text);
    const context = { status, body: body.ok ? body.value : undefined, text, headers, request: label };
    const mapped = this.options.mapError?.(context);
    const error = mapped ?? this.defaultError(context);
    // The status decides "never retry", whatever error the mapper chose; keep it on the error for that reason.
    if (error.status === null) Object.defineProperty(error, 'status', { value: status, enumerable: true });
    const retryAfterMs = NEVER_RETRIED_STATUSES.has(status) ? null : serverRequestedDelay(headers, this.clock.now());
    return { kind: 'error', error, retryAfterMs };
  }

  private defaultError(context: Parameters<ErrorMapper>[0]): HrKitError {
    const { status, request } = context;
    const options = { provider: this.provider, request, status };
    const detail = providerMessage(context.body) ?? (context.text.slice(0, 200) || 'no body');
    if (status === 401)
      return new AuthenticationError(
        `${this.provider} refused the credentials (401) on ${request}: ${detail}`,
        options,
      );
    if (status === 403)
      return new PermissionError(
        `${this.provider} denied ${request} (403): the credentials lack a permission. ${detail}`,
        options,
      );
    if (status === 404) return new NotFoundError('resource', request, options);
    if (status === 429) {
      const retryAfterMs = serverRequestedDelay(context.headers, this.clock.now());
      return new RateLimitedError(
        `${this.provider} rate-limited ${request} (429); ${
          retryAfterMs === null ? 'it did not say for how long' : `it asked to wait ${retryAfterMs} ms`
        }`,
        {
          ...options,
          retryAfterMs,
        },
      );
    }
    const retryable = this.policy.statusCodes.includes(status);
    return new ProviderError(`${this.provider} answered ${status} on ${request}: ${detail}`, {
      ...options,
      retryable,
      providerCode: providerCode(context.body),
    });
  }

  /**
   * The one place every error passes before it leaves the toolkit: no secret survives it. Every own string
   * field is redacted, not only the message: an adapter's mapper may put provider text into `permission` or
   * `providerCode`, and `request` carries the path.
   */
  private sanitize(error: HrKitError): HrKitError {
    error.message = this.redactor.redact(error.message);
    if (error.stack) error.stack = this.redactor.redact(error.stack);
    for (const key of Object.keys(error)) {
      const value = (error as unknown as Record<string, unknown>)[key];
      if (typeof value === 'string')
        Object.defineProperty(error, key, { value: this.redactor.redact(value), enumerable: true });
    }
    return error;
  }

  private authHeaders(): Record<string, string> {
    const auth = this.options.auth;
    if (!auth || auth.kind === 'none' || auth.kind === 'token') return {};
    if (auth.kind === 'basic')
      return { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
    return { [auth.name]: auth.value };
  }
}

/** Mistakes in how an adapter builds its client fail at construction, naming the option, not on the first call. */
function validateClientOptions(options: HttpClientOptions, policy: RetryPolicy): void {
  const fail = (field: string, problem: string): never => {
    throw new ConfigurationError(`${options.provider} HTTP client: ${field} ${problem}`, {
      field,
      provider: options.provider,
    });
  };
  const problem = baseUrlProblem(options.baseUrl, options.network ?? {});
  if (problem) fail('baseUrl', `${problem} (got ${JSON.stringify(originOf(options.baseUrl))})`);
  if (options.timeoutMs !== undefined && !(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0))
    fail('timeoutMs', `must be a positive number of milliseconds (got ${options.timeoutMs})`);
  if (!Number.isInteger(policy.limit) || policy.limit < 0)
    fail('retry.limit', `must be a whole number >= 0 (got ${policy.limit})`);
  for (const key of ['baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const)
    if (!Number.isFinite(policy[key]) || policy[key] < 0)
      fail(`retry.${key}`, `must be a number of milliseconds >= 0 (got ${policy[key]})`);
}

/** The URL without path, query or user info: enough to say which host was refused, nothing a secret could hide in. */
function originOf(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return url.origin === 'null' ? `${url.protocol}…` : url.origin;
  } catch {
    return baseUrl.slice(0, 40);
  }
}

type Outcome<T> =
  | { kind: 'ok'; response: HttpResponse<T> }
  | { kind: 'error'; error: HrKitError; retryAfterMs: number | null };

function toSearchParams(params: HttpRequest['searchParams']): URLSearchParams | undefined {
  if (!params) return undefined;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, String(value));
  }
  return search;
}

function parseJson(text: string, lossless = false): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: lossless ? parseJsonLossless(text) : JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function providerMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['error', 'message', 'errorMessage']) {
    const value = record[key];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

function providerCode(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const key = (body as Record<string, unknown>).key ?? (body as Record<string, unknown>).code;
  return typeof key === 'string' || typeof key === 'number' ? String(key) : null;
}
