import type { ContainerModule, Newable } from 'inversify';
import type { z } from 'zod';
import type { Capabilities } from '../contract/v1/capabilities.js';
import type { HrConnectorV1 } from '../contract/v1/connector.js';

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
  connector: Newable<HrConnectorV1>;
}

/** What `hibob()`, `bamboohr()`… return: the adapter's container module, keyed by provider. */
export interface ProviderPlugin {
  key: string;
  module: ContainerModule;
}
