import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DefinedProvider } from '@hrkit/core';
import { CliError } from './errors.js';
import { EXIT } from './exit-codes.js';
import { cliProviderFrom } from './provider-from-definition.js';
import { registerCliProvider } from './providers.js';

export { cliProviderFrom };

/** Where `--provider-module` and `HRKIT_PROVIDER_MODULES` name adapters to load (comma-separated in the env). */
export const PROVIDER_MODULES_ENV = 'HRKIT_PROVIDER_MODULES';

/**
 * Adapters the CLI ships with that are loaded exactly like a `--provider-module`: from their defineProvider
 * declaration, with no entry written for them here. The next bundled adapter is one more line.
 */
export const BUNDLED_PROVIDER_MODULES: readonly string[] = ['@hrkit/personio'];

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
