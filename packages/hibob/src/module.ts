import { type ProviderDefinition, type ProviderPlugin, TOKENS } from '@hrkit/core';
import { ContainerModule } from 'inversify';
import type { z } from 'zod';
import { HIBOB_CAPABILITIES } from './capabilities.js';
import { HIBOB, HiBobConnectionConfig } from './config.js';
import { HiBobConnector } from './connector.js';
import { HIBOB_TOKENS, type HiBobOptions, resolveHiBobOptions } from './options.js';

export const hibobDefinition: ProviderDefinition<HiBobConnectionConfig> = {
  key: HIBOB,
  displayName: 'HiBob',
  specificationVersion: 'v1',
  capabilities: HIBOB_CAPABILITIES,
  connectionSchema: HiBobConnectionConfig as unknown as z.ZodType<HiBobConnectionConfig>,
  secretsOf: (config) =>
    [config.token, config.serviceUserId, config.webhookSecret].filter((s): s is string => Boolean(s)),
  connector: HiBobConnector,
};

/**
 * The HiBob provider plugin: `createHrKit({ providers: [hibob()] })`. Options are validated here (bad ones throw a
 * ConfigurationError naming the option). The employment-type mapping is bound under
 * `HIBOB_TOKENS.EmploymentTypeMapping`, so a consumer can also replace it with `rebind` in `overrides`.
 */
export function hibob(options?: HiBobOptions): ProviderPlugin {
  const resolved = resolveHiBobOptions(options);
  return {
    key: HIBOB,
    module: new ContainerModule(({ bind }) => {
      bind(TOKENS.ProviderDefinition).toConstantValue(hibobDefinition);
      bind(HIBOB_TOKENS.Options).toConstantValue(resolved);
      bind(HIBOB_TOKENS.EmploymentTypeMapping).toConstantValue(resolved.employmentTypeMapping);
    }),
  };
}
