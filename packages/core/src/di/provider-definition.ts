import type { ContainerModule, Newable } from 'inversify';
import type { z } from 'zod';
import type { Capabilities } from '../contract/v1/capabilities.js';
import type { HrConnectorV1 } from '../contract/v1/connector.js';
import type { Redactor } from '../errors/redaction.js';
import type { Logger } from '../http/logger.js';
import type { ConnectOptions } from './connect-options.js';
import type { CredentialSpec, WebhookSpec } from './credentials.js';

/** What an adapter tells the kit about itself. Bound under TOKENS.ProviderDefinition by the adapter's module. */
export interface ProviderDefinition<Config = unknown> {
  /** e.g. `hibob`. */
  key: string;
  displayName: string;
  specificationVersion: 'v1';
  capabilities: Capabilities;
  /**
   * Validates what the consumer passes to `kit.connect(key, input)`. Should fill unset credentials from the
   * provider's environment variables (see `withEnvironment`).
   */
  connectionSchema: z.ZodType<Config>;
  /** Strings in the validated config that must never be printed (tokens, API keys, webhook secrets). */
  secretsOf(config: Config): string[];
  /** The connector class; bound per connection in a child container and resolved there. */
  connector?: Newable<HrConnectorV1>;
  /** Or a plain factory (what `defineProvider` sets): called once per connection. One of the two is required. */
  createConnector?(context: ConnectorContext<Config>): HrConnectorV1;
  /** The settings `connect()` accepts (the CLI's flags, help and redaction read them). */
  credentials?: readonly CredentialSpec[];
  /** Where webhook deliveries carry their proof. */
  webhook?: WebhookSpec;
  /** Loads the provider's sandbox starter (`hrkit … --sandbox`); resolves to `(options) => Promise<SandboxHandle>`. */
  sandbox?(): Promise<(options: { seed?: number; employees?: number }) => Promise<unknown>>;
}

/** What a connector factory receives: this connection's parts, resolved from its child container. */
export interface ConnectorContext<Config = unknown> {
  config: Config;
  connect: ConnectOptions;
  redactor: Redactor;
  logger: Logger;
  /** Anything else bound in the container (an adapter's own tokens, a consumer's override). */
  resolve<T>(token: symbol): T;
}

/** What `hibob()`, `bamboohr()`… return: the adapter's container module, keyed by provider. */
export interface ProviderPlugin {
  key: string;
  module: ContainerModule;
}
