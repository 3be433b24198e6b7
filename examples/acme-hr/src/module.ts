import { defineProvider, EmploymentTypeRules } from '@hrkit/core';
import type { z } from 'zod';
import { ACME_CAPABILITIES } from './capabilities.js';
import { AcmeClient } from './client.js';
import { ACME, ACME_CREDENTIALS, AcmeConnectionConfig } from './config.js';
import { AcmeConnector } from './connector.js';
import { ACME_EMPLOYMENT_TYPES } from './mapping/employee.js';
import { AcmeOptions } from './options.js';
import { ACME_SIGNATURE_HEADER } from './webhooks.js';

// #region module
/**
 * The plugin consumers register, `createHrKit({ providers: [acme()] })`: everything the kit and the `hrkit` CLI
 * need to know about Acme, and how to build one connection's connector. No DI code: defineProvider writes it.
 */
export const acme = defineProvider<AcmeConnectionConfig, AcmeOptions, z.input<typeof AcmeOptions>>({
  key: ACME,
  displayName: 'Acme HR',
  capabilities: ACME_CAPABILITIES,
  config: AcmeConnectionConfig as z.ZodType<AcmeConnectionConfig>,
  credentials: ACME_CREDENTIALS,
  webhook: { secretKey: 'webhookSecret', env: 'ACME_WEBHOOK_SECRET', signatureHeader: ACME_SIGNATURE_HEADER },
  options: AcmeOptions,
  connector: (context) =>
    new AcmeConnector(
      new AcmeClient(context),
      EmploymentTypeRules.from(ACME_EMPLOYMENT_TYPES, context.options.employmentTypes),
    ),
  sandbox: async () => (await import('./sandbox/index.js')).startAcmeSandbox,
});
// #endregion module
