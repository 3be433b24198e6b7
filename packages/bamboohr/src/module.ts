import { type ProviderDefinition, type ProviderPlugin, TOKENS } from '@hrkit/core';
import { ContainerModule } from 'inversify';
import type { z } from 'zod';
import { BAMBOOHR, BambooHrConnectionConfig } from './config.js';
import { BambooHrConnector } from './connector.js';

export const bamboohrDefinition: ProviderDefinition<BambooHrConnectionConfig> = {
  key: BAMBOOHR,
  displayName: 'BambooHR',
  specificationVersion: 'v1',
  capabilities: new BambooHrConnector({} as never).capabilities,
  connectionSchema: BambooHrConnectionConfig as z.ZodType<BambooHrConnectionConfig>,
  secretsOf: (config) => [config.apiKey],
  connector: BambooHrConnector,
};

/** The BambooHR provider plugin for `createHrKit({ providers: [bamboohr()] })`. */
export function bamboohr(): ProviderPlugin {
  return {
    key: BAMBOOHR,
    module: new ContainerModule(({ bind }) => {
      bind(TOKENS.ProviderDefinition).toConstantValue(bamboohrDefinition);
    }),
  };
}
