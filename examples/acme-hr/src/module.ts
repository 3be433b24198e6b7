import { type ProviderDefinition, type ProviderPlugin, TOKENS } from '@hrkit/core';
import { ContainerModule } from 'inversify';
import type { z } from 'zod';
import { ACME, AcmeConnectionConfig } from './config.js';
import { ACME_CAPABILITIES, AcmeConnector } from './connector.js';

// #region module
/** What the kit needs to know about Acme: key, config schema, which config values are secrets, the connector. */
export const acmeDefinition: ProviderDefinition<AcmeConnectionConfig> = {
  key: ACME,
  displayName: 'Acme HR',
  specificationVersion: 'v1',
  capabilities: ACME_CAPABILITIES,
  connectionSchema: AcmeConnectionConfig as z.ZodType<AcmeConnectionConfig>,
  secretsOf: (config) => [config.apiKey, config.webhookSecret].filter((secret) => secret !== undefined),
  connector: AcmeConnector,
};

/** The plugin consumers register: `createHrKit({ providers: [acme()] })`. */
export function acme(): ProviderPlugin {
  return {
    key: ACME,
    module: new ContainerModule(({ bind }) => {
      bind(TOKENS.ProviderDefinition).toConstantValue(acmeDefinition);
    }),
  };
}
// #endregion module
