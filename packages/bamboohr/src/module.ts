import { type ProviderDefinition, type ProviderPlugin, TOKENS } from '@hrkit/core';
import { ContainerModule } from 'inversify';
import type { z } from 'zod';
import { BAMBOOHR, BambooHrConnectionConfig } from './config.js';
import { BAMBOOHR_CAPABILITIES, BambooHrConnector } from './connector.js';
import { TableEmploymentTypeMapping } from './mapping/employment-type.js';
import type { BambooHrOptions } from './options.js';
import { BAMBOOHR_TOKENS } from './tokens.js';

export const bamboohrDefinition: ProviderDefinition<BambooHrConnectionConfig> = {
  key: BAMBOOHR,
  displayName: 'BambooHR',
  specificationVersion: 'v1',
  capabilities: BAMBOOHR_CAPABILITIES,
  connectionSchema: BambooHrConnectionConfig as z.ZodType<BambooHrConnectionConfig>,
  secretsOf: (config) => [config.apiKey],
  connector: BambooHrConnector,
};

/** The BambooHR provider plugin for `createHrKit({ providers: [bamboohr()] })`. */
export function bamboohr(options: BambooHrOptions = {}): ProviderPlugin {
  return {
    key: BAMBOOHR,
    module: new ContainerModule(({ bind }) => {
      bind(TOKENS.ProviderDefinition).toConstantValue(bamboohrDefinition);
      bind(BAMBOOHR_TOKENS.Options).toConstantValue(options);
      bind(BAMBOOHR_TOKENS.EmploymentTypeMapping).toConstantValue(
        new TableEmploymentTypeMapping(options.employmentTypes ?? {}),
      );
    }),
  };
}
