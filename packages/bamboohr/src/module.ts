import { defineProvider, EmploymentTypeRules, systemClock } from '@hrkit/core';
import type { z } from 'zod';
import { BAMBOOHR_CAPABILITIES } from './capabilities.js';
import { BambooHrClient } from './client.js';
import { BAMBOOHR, BAMBOOHR_CREDENTIALS, BambooHrConnectionConfig } from './config.js';
import { BambooHrConnector } from './connector.js';
import { BAMBOOHR_EMPLOYMENT_TYPES } from './mapping/employment-type.js';
import { BambooHrOptions } from './options.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhooks.js';

// #region module
/**
 * The plugin consumers register, `createHrKit({ providers: [bamboohr()] })`: everything the kit and the `hrkit` CLI
 * need to know about BambooHR, and how to build one connection's connector. No DI code: defineProvider writes it.
 */
export const bamboohr = defineProvider<BambooHrConnectionConfig, BambooHrOptions, z.input<typeof BambooHrOptions>>({
  key: BAMBOOHR,
  displayName: 'BambooHR',
  capabilities: BAMBOOHR_CAPABILITIES,
  config: BambooHrConnectionConfig as z.ZodType<BambooHrConnectionConfig>,
  credentials: BAMBOOHR_CREDENTIALS,
  // The webhook's private key is shown once when it is created; it is not part of the connection config.
  webhook: { env: 'BAMBOOHR_WEBHOOK_SECRET', signatureHeader: SIGNATURE_HEADER, timestampHeader: TIMESTAMP_HEADER },
  options: BambooHrOptions,
  connector: (context) => {
    const clock = context.connect.clock ?? systemClock;
    return new BambooHrConnector(
      new BambooHrClient(context),
      EmploymentTypeRules.from(BAMBOOHR_EMPLOYMENT_TYPES, context.options.employmentTypes),
      context.options,
      () => clock.now(),
    );
  },
  sandbox: async () => (await import('./sandbox/index.js')).startBambooHrSandbox,
});
// #endregion module
