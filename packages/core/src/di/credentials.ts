/**
 * A setting a consumer gives `kit.connect(key, config)`: declared once in the adapter's provider definition, and
 * read from there by the connection schema (environment fallback), the redactor (secrets) and the `hrkit` CLI
 * (its flags and help) — so a new adapter needs no edit anywhere else.
 */
export interface CredentialSpec {
  /** The connection config key, e.g. `apiKey`. The CLI flag is its kebab-case form, `--api-key`. */
  key: string;
  /** The environment variable read when the key is unset, e.g. `ACME_API_KEY`. */
  env: string;
  /** Never printed: added to the connection's redactor and to the CLI's. */
  secret: boolean;
  /** One line for `hrkit --help` and the docs: what it is and where an admin finds it. */
  description: string;
  /** Optional settings (a webhook secret only needed to verify deliveries). Default false. */
  optional?: boolean;
  /** The value's name in the CLI help, `--api-key <key>`. Default `value`. */
  placeholder?: string;
}

/** Where a provider's webhook deliveries carry their proof, for the CLI's `webhooks verify`. */
export interface WebhookSpec {
  /** The config key holding the secret, if the connection config carries it (e.g. `webhookSecret`). */
  secretKey?: string;
  /** The environment variable with the secret, e.g. `ACME_WEBHOOK_SECRET`. */
  env: string;
  /** The header with the signature (or the static token), lower case. */
  signatureHeader: string;
  /** The header with the signed timestamp, when the provider signs one. */
  timestampHeader?: string | null;
}

/** `{ apiKey: 'ACME_API_KEY', … }` for `withEnvironment`. */
export function environmentOf(credentials: readonly CredentialSpec[]): Record<string, string> {
  return Object.fromEntries(credentials.map((credential) => [credential.key, credential.env]));
}

/** The secret values of a validated config, per the declared credentials. */
export function secretValues(credentials: readonly CredentialSpec[], config: unknown): string[] {
  const record = (config ?? {}) as Record<string, unknown>;
  return credentials
    .filter((credential) => credential.secret)
    .map((credential) => record[credential.key])
    .filter((value): value is string => typeof value === 'string' && value !== '');
}

/** `apiKey` → `api-key`: the CLI flag of a credential. */
export function flagNameOf(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}
