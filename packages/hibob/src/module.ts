import { defineProvider, systemClock } from '@hrkit/core';
import type { z } from 'zod';
import { HIBOB_CAPABILITIES } from './capabilities.js';
import { HIBOB, HIBOB_CREDENTIALS, HiBobConnectionConfig } from './config.js';
import { HiBobConnector } from './connector.js';
import type { EmploymentTypeMapping } from './mapping/employment-type-mapping.js';
import { HIBOB_TOKENS, HiBobOptions, type ResolvedHiBobOptions } from './options.js';
import { SIGNATURE_HEADER } from './webhooks.js';

// #region module
/**
 * The HiBob plugin: `createHrKit({ providers: [hibob()] })`. Options are validated here (a bad one is a
 * ConfigurationError naming it). The employment-type mapping is bound under `HIBOB_TOKENS.EmploymentTypeMapping`,
 * so a consumer can replace it with `rebind` in `overrides` (docs/providers/hibob.md). No DI code: defineProvider
 * writes it.
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
  bindings: (options) => [[HIBOB_TOKENS.EmploymentTypeMapping, options.employmentTypeMapping]],
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
      employmentTypeMapping: resolve<EmploymentTypeMapping>(HIBOB_TOKENS.EmploymentTypeMapping),
    }),
  sandbox: async () => (await import('./sandbox/index.js')).startHiBobSandbox,
});
// #endregion module
