/**
 * Removes secrets from text before it reaches an error message or a log line. Each connection registers
 * its credentials once; every error hrkit raises passes through `redact`.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  constructor(secrets: Iterable<string | undefined | null> = []) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string | undefined | null): this {
    // Very short values would blank out ordinary words; credentials are never that short.
    if (secret && secret.length >= 4) {
      this.secrets.add(secret);
      // The Basic-auth form of a secret is as sensitive as the secret itself.
      this.secrets.add(Buffer.from(secret).toString('base64'));
    }
    return this;
  }

  /** Adds `user:password` and its base64, as sent in a Basic Authorization header. */
  addBasicCredentials(user: string, password: string): this {
    this.add(user.length >= 4 ? user : undefined);
    this.add(password);
    this.secrets.add(Buffer.from(`${user}:${password}`).toString('base64'));
    return this;
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join('[REDACTED]');
    return result.replace(
      /(authorization["']?\s*[:=]\s*["']?)(basic|bearer)\s+[A-Za-z0-9+/=._-]+/gi,
      '$1$2 [REDACTED]',
    );
  }

  redactValue<T>(value: T): T {
    return JSON.parse(this.redact(JSON.stringify(value) ?? 'null')) as T;
  }
}

/** Header names whose values are never logged. */
export const SECRET_HEADER_NAMES = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
]);
