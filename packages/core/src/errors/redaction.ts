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
      // So is the form it takes inside a URL (a token in a query string or a path).
      this.secrets.add(encodeURIComponent(secret));
      // And inside JSON text (a `"` or `\` in the secret is escaped there), which `redactValue` works on.
      this.secrets.add(JSON.stringify(secret).slice(1, -1));
    }
    return this;
  }

  /**
   * Adds an Authorization-style header value and the credential inside it: for `Bearer <token>` the bare token
   * too, for `Basic <base64>` the decoded user and password, since providers echo either form in error bodies.
   */
  addAuthorizationValue(value: string | undefined | null): this {
    if (!value) return this;
    this.add(value);
    const match = /^\s*(\w+)\s+(\S+)\s*$/.exec(value);
    if (!match) return this;
    const [, scheme = '', credential = ''] = match;
    this.add(credential);
    if (scheme.toLowerCase() === 'basic') {
      const decoded = Buffer.from(credential, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) this.addBasicCredentials(decoded.slice(0, colon), decoded.slice(colon + 1));
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
    // Longest first: a short secret replaced inside a longer one would leave the rest of the longer one behind.
    const secrets = [...this.secrets].sort((a, b) => b.length - a.length);
    for (const secret of secrets) result = result.split(secret).join('[REDACTED]');
    return result.replace(
      /(authorization["']?\s*[:=]\s*["']?)(basic|bearer)\s+[A-Za-z0-9+/=._-]+/gi,
      '$1$2 [REDACTED]',
    );
  }

  redactValue<T>(value: T): T {
    return JSON.parse(this.redact(JSON.stringify(value) ?? 'null')) as T;
  }
}
