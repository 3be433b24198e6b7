import { defineProvider, EmploymentTypeRules, systemClock } from '@hrkit/core';
import type { z } from 'zod';
import { PERSONIO_CAPABILITIES } from './capabilities.js';
import { PersonioClient } from './client.js';
import { PERSONIO, PERSONIO_CREDENTIALS, PersonioConnectionConfig } from './config.js';
import { PersonioConnector } from './connector.js';
import { PERSONIO_EMPLOYMENT_TYPES } from './mapping/employee.js';
import { PersonioOptions } from './options.js';
import { PERSONIO_TOKEN_HEADER } from './webhooks.js';

/**
 * The plugin consumers register, `createHrKit({ providers: [personio({ employmentTypeField })] })`: everything the
 * kit and the `hrkit` CLI need to know about Personio, and how to build one connection's connector.
 */
export const personio = defineProvider<PersonioConnectionConfig, PersonioOptions, z.input<typeof PersonioOptions>>({
  key: PERSONIO,
  displayName: 'Personio',
  capabilities: PERSONIO_CAPABILITIES,
  config: PersonioConnectionConfig as z.ZodType<PersonioConnectionConfig>,
  credentials: PERSONIO_CREDENTIALS,
  webhook: { secretKey: 'webhookToken', env: 'PERSONIO_WEBHOOK_TOKEN', signatureHeader: PERSONIO_TOKEN_HEADER },
  options: PersonioOptions,
  connector: (context) => {
    const clock = context.connect.clock ?? systemClock;
    const { employmentTypeField, employmentTypes, fullTimeWeeklyHours } = context.options;
    const mapping = {
      employmentTypes: EmploymentTypeRules.from(PERSONIO_EMPLOYMENT_TYPES, employmentTypes),
      categoryField: employmentTypeField,
      fullTimeWeeklyHours,
    };
    return new PersonioConnector(new PersonioClient(context), mapping, () =>
      new Date(clock.now()).toISOString().slice(0, 10),
    );
  },
  sandbox: async () => (await import('./sandbox/index.js')).startPersonioSandbox,
});
