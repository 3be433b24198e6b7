import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type DefinedProvider, flagNameOf } from '@hrkit/core';
import type { SandboxHandle, SandboxOptions } from '@hrkit/sandbox-kit';
import { CliError } from './errors.js';
import { EXIT } from './exit-codes.js';
import { type CliProvider, registerCliProvider } from './providers.js';

/** Where `--provider-module` and `HRKIT_PROVIDER_MODULES` name adapters to load (comma-separated in the env). */
export const PROVIDER_MODULES_ENV = 'HRKIT_PROVIDER_MODULES';

/**
 * Adapters the CLI ships with that are loaded exactly like a `--provider-module`: from their defineProvider
 * declaration, with no entry written for them here. The next bundled adapter is one more line.
 */
export const BUNDLED_PROVIDER_MODULES: readonly string[] = ['@hrkit/personio'];

/**
 * A CLI provider built from an adapter's own declaration (`defineProvider`): credentials become flags
 * (`apiKey` → `--api-key`), secret ones are redacted, the webhook header and sandbox come from the definition.
 * A new adapter works with `hrkit` without an edit to the CLI.
 */
export function cliProviderFrom(defined: DefinedProvider<unknown>): CliProvider {
  const { provider } = defined;
  const credentials = provider.credentials ?? [];
  const webhook = provider.webhook;
  return {
    key: provider.key,
    displayName: provider.displayName,
    credentials: credentials.map((credential) => ({
      flag: `--${flagNameOf(credential.key)} <value>`,
      option: credential.key,
      configKey: credential.key,
      env: credential.env,
      secret: credential.secret,
      description: credential.description,
    })),
    webhookSecretEnv: webhook?.env ?? `${provider.key.toUpperCase()}_WEBHOOK_SECRET`,
    signatureHeader: webhook?.signatureHeader ?? 'x-signature',
    timestampHeader: webhook?.timestampHeader ?? null,
    offlineConfig: Object.fromEntries(
      credentials
        .filter((credential) => !credential.optional)
        .map((credential) => [credential.key, 'offline-placeholder-value']),
    ),
    ...(webhook?.secretKey
      ? {
          sandboxSettings: (sandbox: SandboxHandle) =>
            sandbox.webhooks ? { [webhook.secretKey as string]: sandbox.webhooks.secret } : {},
        }
      : {}),
    plugin: async () => defined(),
    startSandbox: async (options: SandboxOptions) => {
      if (!provider.sandbox)
        throw new CliError(`${provider.displayName} has no sandbox (its definition names none)`, EXIT.USAGE);
      return (await (
        await provider.sandbox()
      )(options)) as SandboxHandle;
    },
  };
}

function isDefinedProvider(value: unknown): value is DefinedProvider<unknown> {
  const provider = (value as { provider?: { key?: unknown; displayName?: unknown } } | null)?.provider;
  return typeof value === 'function' && typeof provider?.key === 'string' && typeof provider.displayName === 'string';
}

/** The specifiers named on the command line (`--provider-module x`, `--provider-module=x`) and in the env. */
export function providerModuleSpecifiers(argv: readonly string[], env: Record<string, string | undefined>): string[] {
  const named: string[] = [];
  for (const [index, arg] of argv.entries()) {
    if (arg === '--provider-module' && argv[index + 1]) named.push(argv[index + 1] as string);
    else if (arg.startsWith('--provider-module=')) named.push(arg.slice('--provider-module='.length));
  }
  const fromEnv = (env[PROVIDER_MODULES_ENV] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return [...new Set([...BUNDLED_PROVIDER_MODULES, ...fromEnv, ...named])];
}

/**
 * Import each module and register every provider it exports (anything made with `defineProvider`). A package name
 * resolves like any import; a path (`./dist/index.js`) resolves against `cwd`.
 */
export async function loadProviderModules(specifiers: readonly string[], cwd: string): Promise<string[]> {
  const keys: string[] = [];
  for (const specifier of specifiers) {
    const target =
      specifier.startsWith('.') || isAbsolute(specifier) ? pathToFileURL(resolve(cwd, specifier)).href : specifier;
    let module: Record<string, unknown>;
    try {
      module = (await import(target)) as Record<string, unknown>;
    } catch (error) {
      throw new CliError(
        `--provider-module ${specifier}: cannot import it (${(error as Error).message.split('\n')[0]})`,
        EXIT.USAGE,
      );
    }
    const found = Object.values(module).filter(isDefinedProvider);
    if (found.length === 0)
      throw new CliError(
        `--provider-module ${specifier}: it exports no provider made with defineProvider (see docs/writing-an-adapter.md)`,
        EXIT.USAGE,
      );
    for (const defined of found) {
      registerCliProvider(cliProviderFrom(defined));
      keys.push(defined.provider.key);
    }
  }
  return keys;
}
