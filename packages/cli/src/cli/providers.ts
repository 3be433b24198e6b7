import { bamboohr } from '@hrkit/bamboohr';
import { hibob } from '@hrkit/hibob';
import type { ProviderPlugin } from '@hrkit/core';
import type { SandboxHandle, SandboxOptions } from '@hrkit/sandbox-kit';
import { CliError } from './errors.js';
import { cliProviderFrom } from './provider-from-definition.js';

/** A credential the CLI accepts for a provider: as a flag, in the config file, or from the environment. */
export interface CredentialSpec {
  /** Commander flag, e.g. `--service-user-id <id>`. */
  flag: string;
  /** The option's camelCase name on the parsed command line, e.g. `serviceUserId`. */
  option: string;
  /** The adapter's connection config key. */
  configKey: string;
  env: string;
  secret: boolean;
  /** One line for the help, from the adapter's declaration. */
  description?: string;
}

export interface CliProvider {
  key: string;
  displayName: string;
  credentials: CredentialSpec[];
  /** Where the webhook secret comes from when not given with --secret. */
  webhookSecretEnv: string;
  /** Headers `webhooks verify --signature/--timestamp` fill in. */
  signatureHeader: string;
  timestampHeader: string | null;
  /** Extra connection settings when connected to this provider's own sandbox (e.g. its webhook secret). */
  sandboxSettings?(sandbox: SandboxHandle): Record<string, unknown>;
  /** Placeholder credentials for commands that never call the API (webhooks verify). */
  offlineConfig: Record<string, string>;
  plugin(): Promise<ProviderPlugin>;
  startSandbox(options: SandboxOptions): Promise<SandboxHandle>;
}

// Built from each adapter's own definition (credentials, webhook headers, sandbox): see provider-from-definition.ts.
// The sandboxes stay imported on first use (the definition's `sandbox()` is a lazy import).
const BUILT_IN: CliProvider[] = [cliProviderFrom(hibob), cliProviderFrom(bamboohr)];

const PROVIDERS = new Map<string, CliProvider>(BUILT_IN.map((provider) => [provider.key, provider]));

/** Add (or replace) a provider the CLI knows: the next adapter, or a fake one in tests. */
export function registerCliProvider(provider: CliProvider): void {
  PROVIDERS.set(provider.key, provider);
}

/** Keys of every provider the CLI knows, built-in and registered. */
export function knownProviders(): string[] {
  return [...PROVIDERS.keys()];
}

export function providerByKey(key: string): CliProvider {
  const found = PROVIDERS.get(key);
  if (!found) throw new CliError(`unknown provider "${key}": use one of ${[...PROVIDERS.keys()].join(', ')}`);
  return found;
}

/** Every credential flag of every provider, so any command accepts the flags of the provider it names. */
export function allCredentialSpecs(): CredentialSpec[] {
  const seen = new Set<string>();
  return (
    [...PROVIDERS.values()]
      .flatMap((provider) => provider.credentials)
      // By flag name: two providers may both take `--api-key`, with different value placeholders.
      .filter((spec) => {
        const name = spec.flag.split(' ')[0] as string;
        return !seen.has(name) && seen.add(name);
      })
  );
}

/** One help line per flag name, naming every provider's environment variable for it. */
export function credentialHelp(): Map<string, string> {
  const byName = new Map<string, CredentialSpec[]>();
  for (const spec of [...PROVIDERS.values()].flatMap((provider) => provider.credentials)) {
    const name = spec.flag.split(' ')[0] as string;
    byName.set(name, [...(byName.get(name) ?? []), spec]);
  }
  return new Map(
    [...byName].map(([name, specs]) => {
      const kind = specs.some((spec) => spec.secret) ? 'secret' : 'credential';
      const described = specs.find((spec) => spec.description)?.description;
      const envs = specs.map((spec) => `$${spec.env}`).join(' or ');
      return [name, `${kind}${described ? `: ${described}` : ''}; default ${envs}`];
    }),
  );
}

/** Environment variables that hold secrets, for every known provider: their values are redacted from all output. */
export function secretEnvironmentNames(): string[] {
  return [...PROVIDERS.values()].flatMap((provider) => [
    ...provider.credentials.filter((spec) => spec.secret).map((spec) => spec.env),
    provider.webhookSecretEnv,
  ]);
}
