import { ContainerModule } from 'inversify';
import type { z } from 'zod';
import type { Capabilities } from '../contract/v1/capabilities.js';
import type { HrConnectorV1 } from '../contract/v1/connector.js';
import { parseConfig } from '../errors/zod-errors.js';
import { type CredentialSpec, secretValues, type WebhookSpec } from './credentials.js';
import type { ConnectorContext, ProviderDefinition, ProviderPlugin } from './provider-definition.js';
import { TOKENS } from './tokens.js';

/** Everything an adapter says about itself, as plain values and factories. */
export interface ProviderSpec<Config, Options> {
  /** Lower case, used in every id the adapter emits (`acme:<remote id>`). */
  key: string;
  displayName: string;
  capabilities: Capabilities;
  /** Validates `kit.connect(key, config)`; build it with `withEnvironment(input, environmentOf(credentials))`. */
  config: z.ZodType<Config>;
  credentials: readonly CredentialSpec[];
  webhook?: WebhookSpec;
  /** Validates the plugin options (`acme({ … })`): a typo is a ConfigurationError at start-up, not a silent default. */
  options?: z.ZodType<Options>;
  /** Builds one connection's connector. `options` are the validated plugin options (rebindable, see below). */
  connector(context: ConnectorContext<Config> & { options: Options }): HrConnectorV1;
  /**
   * The adapter's own replaceable parts, bound in the plugin's module from the validated options under the
   * adapter's tokens (e.g. a label mapping), so a consumer's `overrides` module can `rebind` them; the connector
   * factory reads them back with `context.resolve(token)`.
   */
  bindings?(options: Options): ReadonlyArray<readonly [symbol, unknown]>;
  /** Secrets beyond the declared secret credentials (rarely needed). */
  extraSecrets?(config: Config): string[];
  sandbox?: ProviderDefinition['sandbox'];
}

/** The plugin factory `defineProvider` returns, with the static facts the CLI reads without connecting. */
export type DefinedProvider<OptionsInput> = ((options?: OptionsInput) => ProviderPlugin) & {
  readonly provider: Pick<
    ProviderDefinition,
    'key' | 'displayName' | 'capabilities' | 'credentials' | 'webhook' | 'sandbox'
  > & { optionsToken: symbol };
};

/** The token the validated plugin options are bound under: `Symbol.for('@hrkit/<key>/Options')`. */
export function providerOptionsToken(key: string): symbol {
  return Symbol.for(`@hrkit/${key}/Options`);
}

/**
 * Builds an adapter's plugin from plain factories. inversify stays the registry — the module binds the definition
 * and the validated options (under `providerOptionsToken(key)`, so a consumer's `overrides` module can rebind them),
 * and each connection's connector is built in its child container — but an adapter author writes no DI code.
 */
export function defineProvider<Config, Options = Record<string, never>, OptionsInput = Partial<Options>>(
  spec: ProviderSpec<Config, Options>,
): DefinedProvider<OptionsInput> {
  const optionsToken = providerOptionsToken(spec.key);
  const factory = (input?: OptionsInput): ProviderPlugin => {
    const options = spec.options
      ? parseConfig(spec.options, input ?? {}, { provider: spec.key, what: `${spec.key}() plugin options` })
      : ((input ?? {}) as unknown as Options);
    const definition: ProviderDefinition<Config> = {
      key: spec.key,
      displayName: spec.displayName,
      specificationVersion: 'v1',
      capabilities: spec.capabilities,
      connectionSchema: spec.config,
      secretsOf: (config) => [...secretValues(spec.credentials, config), ...(spec.extraSecrets?.(config) ?? [])],
      createConnector: (context) => spec.connector({ ...context, options: context.resolve<Options>(optionsToken) }),
      credentials: spec.credentials,
      ...(spec.webhook ? { webhook: spec.webhook } : {}),
      ...(spec.sandbox ? { sandbox: spec.sandbox } : {}),
    };
    return {
      key: spec.key,
      module: new ContainerModule(({ bind }) => {
        bind(TOKENS.ProviderDefinition).toConstantValue(definition);
        bind(optionsToken).toConstantValue(options);
        for (const [token, value] of spec.bindings?.(options) ?? []) bind(token).toConstantValue(value);
      }),
    };
  };
  return Object.assign(factory, {
    provider: {
      key: spec.key,
      displayName: spec.displayName,
      capabilities: spec.capabilities,
      credentials: spec.credentials,
      ...(spec.webhook ? { webhook: spec.webhook } : {}),
      ...(spec.sandbox ? { sandbox: spec.sandbox } : {}),
      optionsToken,
    },
  });
}
