import { defineProvider, EmploymentTypeRules, systemClock } from '@hrkit/core';
import type { z } from 'zod';
import { HIBOB_CAPABILITIES } from './capabilities.js';
import { HIBOB, HIBOB_CREDENTIALS, HiBobConnectionConfig } from './config.js';
import { HiBobConnector } from './connector.js';
import { HIBOB_EMPLOYMENT_TYPES, HIBOB_PAYROLL_EMPLOYMENT_TYPES } from './mapping/employment-type.js';
import { HIBOB_TOKENS, HiBobOptions, type ResolvedHiBobOptions } from './options.js';
import { SIGNATURE_HEADER } from './webhooks.js';

// #region module
/**
 * The HiBob plugin: `createHrKit({ providers: [hibob()] })`. Options are validated here (a bad one is a
 * ConfigurationError naming it). The employment-type rules (core EmploymentTypeRules: the defaults adjusted by
 * `employmentTypes` / `payrollEmploymentTypes`, as for BambooHR) are bound under `HIBOB_TOKENS.EmploymentTypeRules`
 * and `HIBOB_TOKENS.PayrollEmploymentTypeRules`, so a consumer can replace them with `rebind` in `overrides`
 * (docs/providers/hibob.md › Employment type). No DI code: defineProvider writes it.
 */
export const hibob = defineProvider<HiBobConnectionConfig, ResolvedHiBobOptions, HiBobOptions>({
  key: HIBOB,
  displayName: 'HiBob',
  capabilities: HIBOB_CAPABILITIES,
  config: HiBobConnectionConfig as unknown as z.ZodType<HiBobConnectionConfig>,
  credentials: HIBOB_CREDENTIALS,
  // Bob signs with a secret the admin chooses; the connection config may carry it (it enables the webhooks check).
  webhook: { secretKey: 'webhookSecret', env: 'HIBOB_WEBHOOK_SECRET', signatureHeader: SIGNATURE_HEADER },
  options: HiBobOptions,
  bindings: (options) => [
    [HIBOB_TOKENS.EmploymentTypeRules, EmploymentTypeRules.from(HIBOB_EMPLOYMENT_TYPES, options.employmentTypes)],
    [
      HIBOB_TOKENS.PayrollEmploymentTypeRules,
      EmploymentTypeRules.from(HIBOB_PAYROLL_EMPLOYMENT_TYPES, options.payrollEmploymentTypes),
    ],
  ],
  // The service user ID is redacted too: with the token it is the Basic credential.
  extraSecrets: (config) => [config.serviceUserId, config.webhookSecret].filter((s): s is string => Boolean(s)),
  connector: ({ config, connect, redactor, logger, options, resolve }) =>
    new HiBobConnector({
      config,
      connect,
      redactor,
      logger,
      clock: connect.clock ?? systemClock,
      options,
      employmentTypes: {
        customerCategories: resolve<EmploymentTypeRules>(HIBOB_TOKENS.EmploymentTypeRules),
        payroll: resolve<EmploymentTypeRules>(HIBOB_TOKENS.PayrollEmploymentTypeRules),
      },
    }),
  sandbox: async () => (await import('./sandbox/index.js')).startHiBobSandbox,
});
// #endregion module
