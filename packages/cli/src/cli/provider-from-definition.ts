import { type DefinedProvider, flagNameOf } from '@hrkit/core';
import type { SandboxHandle, SandboxOptions } from '@hrkit/sandbox-kit';
import { CliError } from './errors.js';
import { EXIT } from './exit-codes.js';
import type { CliProvider } from './providers.js';

/**
 * A CLI provider built from an adapter's own declaration (`defineProvider`): credentials become flags
 * (`apiKey` → `--api-key`), secret ones are redacted, the webhook header and sandbox come from the definition.
 * A new adapter works with `hrkit` without an edit to the CLI.
 */
export function cliProviderFrom<OptionsInput>(defined: DefinedProvider<OptionsInput>): CliProvider {
  const { provider } = defined;
  const credentials = provider.credentials ?? [];
  const webhook = provider.webhook;
  return {
    key: provider.key,
    displayName: provider.displayName,
    credentials: credentials.map((credential) => ({
      flag: `--${flagNameOf(credential.key)} <${credential.placeholder ?? 'value'}>`,
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
