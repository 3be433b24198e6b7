import type { CapabilityName } from '../contract/v1/capabilities.js';

export type HrKitErrorCode =
  | 'AUTHENTICATION'
  | 'PERMISSION'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'PROVIDER'
  | 'TRANSPORT'
  | 'INVALID_PROVIDER_DATA'
  | 'CONFIGURATION'
  | 'NOT_SUPPORTED'
  | 'WEBHOOK_VERIFICATION';

export interface HrKitErrorOptions {
  provider?: string | null;
  /** HTTP method and path (never the query string with secrets, never headers). */
  request?: string | null;
  status?: number | null;
  /** Whether the same call may succeed later without any change on the caller's side. */
  retryable?: boolean;
}

/**
 * Base of every error hrkit throws. Messages name what was wrong and where, and never contain credentials
 * (adapters build them through a Redactor; the HTTP toolkit never attaches the raw HTTP error).
 */
export class HrKitError extends Error {
  readonly code: HrKitErrorCode;
  readonly provider: string | null;
  readonly request: string | null;
  readonly status: number | null;
  readonly retryable: boolean;

  constructor(code: HrKitErrorCode, message: string, options: HrKitErrorOptions = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.provider = options.provider ?? null;
    this.request = options.request ?? null;
    this.status = options.status ?? null;
    this.retryable = options.retryable ?? false;
  }

  toJSON(): Record<string, unknown> {
    const { name, code, provider, request, status, retryable, message } = this;
    return { ...Object.fromEntries(Object.entries(this)), name, code, provider, request, status, retryable, message };
  }
}

/** The credentials were refused (HTTP 401). Never retried: HiBob blocks callers that repeat bad logins. */
export class AuthenticationError extends HrKitError {
  constructor(message: string, options: HrKitErrorOptions = {}) {
    super('AUTHENTICATION', message, { ...options, retryable: false });
  }
}

/** The credentials work but lack a permission (HTTP 403, or a silently omitted field). */
export class PermissionError extends HrKitError {
  /** The permission to grant, in the provider's own words. */
  readonly permission: string | null;
  constructor(message: string, options: HrKitErrorOptions & { permission?: string | null } = {}) {
    super('PERMISSION', message, { ...options, retryable: false });
    this.permission = options.permission ?? null;
  }
}

export class NotFoundError extends HrKitError {
  readonly entity: string;
  readonly entityId: string;
  constructor(entity: string, entityId: string, options: HrKitErrorOptions = {}) {
    super('NOT_FOUND', `${entity} "${entityId}" was not found`, { ...options, retryable: false });
    this.entity = entity;
    this.entityId = entityId;
  }
}

export class RateLimitedError extends HrKitError {
  /** How long the provider asked us to wait, when it said. */
  readonly retryAfterMs: number | null;
  constructor(message: string, options: HrKitErrorOptions & { retryAfterMs?: number | null } = {}) {
    super('RATE_LIMITED', message, { ...options, retryable: true });
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}

/** The provider answered with an error we cannot classify further (5xx, unexpected 4xx, non-JSON body). */
export class ProviderError extends HrKitError {
  /** The provider's own error key or code, e.g. HiBob's `{key}`. */
  readonly providerCode: string | null;
  constructor(message: string, options: HrKitErrorOptions & { providerCode?: string | null } = {}) {
    super('PROVIDER', message, options);
    this.providerCode = options.providerCode ?? null;
  }
}

/** The request never got a complete answer: timeout, reset connection, truncated body. Safe to retry. */
export class TransportError extends HrKitError {
  constructor(message: string, options: HrKitErrorOptions = {}) {
    super('TRANSPORT', message, { ...options, retryable: true });
  }
}

/** The provider answered, but the payload breaks what the adapter can read. Names the record and the field path. */
export class InvalidProviderDataError extends HrKitError {
  readonly recordId: string | null;
  readonly path: string;
  constructor(message: string, options: HrKitErrorOptions & { recordId?: string | null; path: string }) {
    super('INVALID_PROVIDER_DATA', message, { ...options, retryable: false });
    this.recordId = options.recordId ?? null;
    this.path = options.path;
  }
}

/** Bad input from the consumer: unknown provider, malformed credentials, bad option. Names the field. */
export class ConfigurationError extends HrKitError {
  readonly field: string | null;
  constructor(message: string, options: HrKitErrorOptions & { field?: string | null } = {}) {
    super('CONFIGURATION', message, { ...options, retryable: false });
    this.field = options.field ?? null;
  }
}

export class NotSupportedError extends HrKitError {
  readonly capability: CapabilityName;
  constructor(capability: CapabilityName, options: HrKitErrorOptions = {}) {
    super('NOT_SUPPORTED', `${options.provider ?? 'this provider'} does not support ${capability}`, {
      ...options,
      retryable: false,
    });
    this.capability = capability;
  }
}

/**
 * A webhook delivery was refused: unsigned, wrongly signed, with a timestamp that is not of the documented form or is
 * outside the freshness window (a replay), or with a body that cannot be read safely. See docs/security.md.
 */
export class WebhookVerificationError extends HrKitError {
  readonly reason: 'missing_signature' | 'bad_signature' | 'malformed_timestamp' | 'stale_timestamp' | 'malformed_body';
  constructor(reason: WebhookVerificationError['reason'], message: string, options: HrKitErrorOptions = {}) {
    super('WEBHOOK_VERIFICATION', message, { ...options, retryable: false });
    this.reason = reason;
  }
}

export function isHrKitError(error: unknown): error is HrKitError {
  return error instanceof HrKitError;
}
