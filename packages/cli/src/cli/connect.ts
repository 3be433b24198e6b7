import { type Connection, createHrKit, Redactor } from '@hrkit/core';
import type { SandboxHandle } from '@hrkit/sandbox-kit';
import { type ConfigFile, providerSection, readConfigFile } from './config-file.js';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';
import { type CliProvider, providerByKey } from './providers.js';

/** Options every provider command accepts (see `addConnectionOptions`). */
export interface ConnectionFlags {
  sandbox?: boolean;
  seed?: string;
  employees?: string;
  baseUrl?: string;
  allowPrivateNetwork?: boolean;
  config?: string;
  connection?: string;
  quiet?: boolean;
  [credential: string]: unknown;
}

export interface OpenedConnection {
  provider: CliProvider;
  connection: Connection;
  /** Key of this connection's state in the store. */
  connectionId: string;
  sandbox: SandboxHandle | null;
  config: ConfigFile;
  /** Every secret this run knows of: applied to anything printed. */
  redactor: Redactor;
  close(): Promise<void>;
}

export function parseCount(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new CliError(`${flag} must be a whole number (got "${value}")`);
  return number;
}

/**
 * Connect to a provider: credentials come from flags, then `--config`, then the provider's environment
 * variables; `--sandbox` instead starts the provider's sandbox in this process and uses the credentials it issued.
 */
export async function openConnection(
  providerKey: string,
  flags: ConnectionFlags,
  io: CliIo,
  options: { offline?: boolean } = {},
): Promise<OpenedConnection> {
  const provider = providerByKey(providerKey);
  const config = readConfigFile(flags.config, io.cwd, (line) => io.stderr.write(`${line}\n`));
  const redactor = new Redactor();
  let settings: Record<string, unknown> = providerSection(config, provider.key, flags.config);
  let sandbox: SandboxHandle | null = null;

  if (flags.sandbox) {
    sandbox = await provider.startSandbox({
      seed: parseCount(flags.seed, '--seed') ?? 1,
      employees: parseCount(flags.employees, '--employees'),
    });
    for (const secret of sandbox.secrets()) redactor.add(secret);
    settings = { ...sandbox.connectionConfig(), ...provider.sandboxSettings?.(sandbox) };
  } else {
    for (const spec of provider.credentials) {
      const fromFlag = flags[spec.option];
      if (typeof fromFlag === 'string') settings[spec.configKey] = fromFlag;
      else if (settings[spec.configKey] === undefined && io.env[spec.env]) settings[spec.configKey] = io.env[spec.env];
    }
  }
  // Commands that make no API call (webhooks verify) still need a connection object: fill placeholders.
  if (options.offline) for (const [key, value] of Object.entries(provider.offlineConfig)) settings[key] ??= value;
  if (flags.baseUrl) settings.baseUrl = flags.baseUrl;
  for (const spec of provider.credentials)
    if (spec.secret && typeof settings[spec.configKey] === 'string') redactor.add(settings[spec.configKey] as string);

  try {
    const kit = createHrKit({ providers: [await provider.plugin()] });
    // The operator's own opt-in into private addresses (docs/security.md › Base URL policy); off by default.
    const connection = kit.connect(
      provider.key,
      settings,
      flags.allowPrivateNetwork ? { allowPrivateNetwork: true } : {},
    );
    return {
      provider,
      connection,
      connectionId: flags.connection ?? (sandbox ? `${provider.key}-sandbox` : provider.key),
      sandbox,
      config,
      redactor,
      close: async () => {
        await sandbox?.close();
      },
    };
  } catch (error) {
    await sandbox?.close();
    throw error;
  }
}
