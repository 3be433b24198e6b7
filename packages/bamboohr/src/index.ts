// #region public-api
/** The public names, listed: what a consumer imports. Everything else is reachable through './internal.js' only. */
export { BAMBOOHR_CAPABILITIES } from './capabilities.js';
export { apiRootOf, BAMBOOHR, BAMBOOHR_CREDENTIALS, BambooHrConnectionConfig } from './config.js';
export { BAMBOOHR_EMPLOYMENT_TYPES, EMPLOYMENT_TYPE_FIELD } from './mapping/employment-type.js';
export { bamboohr } from './module.js';
export { BambooHrOptions } from './options.js';
export {
  type BambooHrWebhookOptions,
  DEFAULT_WEBHOOK_MAX_BODY_BYTES,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  signBambooHrWebhook,
  TIMESTAMP_HEADER,
} from './webhooks.js';
// #endregion public-api
