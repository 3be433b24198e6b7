import { createHash, timingSafeEqual } from 'node:crypto';
import type { Reply } from './reply.js';

/** A Basic-auth credential with its permission set and provider-specific extras (audience, …). */
export interface Credential<TData = unknown> {
  username: string;
  password: string;
  permissions: ReadonlySet<string>;
  data: TData;
}

export type AuthFailureReason =
  | 'missing'
  /** Authorization present but not `Basic …` (e.g. a legacy raw token). */
  | 'scheme'
  /** Not valid base64 `user:password`. */
  | 'malformed'
  | 'unknown-user'
  | 'wrong-password';

export type AuthResult<TData> = { ok: true; credential: Credential<TData> } | { ok: false; reason: AuthFailureReason };

/** Splits `Basic base64(user:password)`; the password may itself contain colons. */
export function parseBasicAuth(
  header: string | undefined,
): { username: string; password: string } | { error: 'missing' | 'scheme' | 'malformed' } {
  if (!header) return { error: 'missing' };
  const match = /^Basic\s+(\S+)\s*$/i.exec(header);
  if (!match) return { error: 'scheme' };
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return { error: 'malformed' };
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function basicAuthHeader(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** Credentials by user name; passwords are compared in constant time. */
export class BasicAuthStore<TData = undefined> {
  private readonly credentials = new Map<string, Credential<TData>>();

  add(credential: {
    username: string;
    password: string;
    permissions: Iterable<string>;
    data: TData;
  }): Credential<TData> {
    const stored: Credential<TData> = { ...credential, permissions: new Set(credential.permissions) };
    this.credentials.set(stored.username, stored);
    return stored;
  }

  remove(username: string): boolean {
    return this.credentials.delete(username);
  }

  get(username: string): Credential<TData> | undefined {
    return this.credentials.get(username);
  }

  all(): Credential<TData>[] {
    return [...this.credentials.values()];
  }

  /** Every password issued: secrets tests must never find in logs or errors. */
  secrets(): string[] {
    return this.all().map((credential) => credential.password);
  }

  authenticate(authorizationHeader: string | undefined): AuthResult<TData> {
    const parsed = parseBasicAuth(authorizationHeader);
    if ('error' in parsed) return { ok: false, reason: parsed.error };
    const credential = this.credentials.get(parsed.username);
    if (!credential) return { ok: false, reason: 'unknown-user' };
    if (!constantTimeEqual(credential.password, parsed.password)) return { ok: false, reason: 'wrong-password' };
    return { ok: true, credential };
  }
}

/** Hash both sides first so lengths never leak through timing. */
export function constantTimeEqual(expected: string, actual: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(actual).digest();
  return timingSafeEqual(a, b);
}

/** Provider-specific answers: each sandbox supplies its own error bodies. */
export interface AuthResponder {
  unauthorized(reason: AuthFailureReason): Reply;
  forbidden(missingPermission: string): Reply;
}

/** Authenticate, then require every listed permission; returns the credential or the reply to send. */
export function authorize<TData>(
  store: BasicAuthStore<TData>,
  authorizationHeader: string | undefined,
  requiredPermissions: readonly string[],
  responder: AuthResponder,
): { credential: Credential<TData> } | { reply: Reply } {
  const result = store.authenticate(authorizationHeader);
  if (!result.ok) return { reply: responder.unauthorized(result.reason) };
  for (const permission of requiredPermissions) {
    if (!result.credential.permissions.has(permission)) return { reply: responder.forbidden(permission) };
  }
  return { credential: result.credential };
}
