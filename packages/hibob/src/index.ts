// #region public-api
/** The public names, listed: what a consumer imports. Everything else is reachable through './internal.js' only. */
export { HIBOB_CAPABILITIES } from './capabilities.js';
export { HIBOB_CHECK_IDS } from './check.js';
export { HIBOB_RATE_LIMITS } from './client/rate-limits.js';
export { HIBOB, HIBOB_CREDENTIALS, HIBOB_ENVIRONMENT, HIBOB_HOSTS, HiBobConnectionConfig } from './config.js';
export type { HiBobConnector } from './connector.js';
export { HIBOB_PERMISSIONS, PayPermissionError, type PayPermissionIssue } from './errors.js';
export { mapEmployee } from './mapping/employee.js';
export {
  DEFAULT_HIBOB_EMPLOYMENT_TYPES,
  HIBOB_EMPLOYMENT_TYPES,
  HIBOB_PAYROLL_EMPLOYMENT_TYPES,
  type HiBobEmploymentTypes,
} from './mapping/employment-type.js';
export { hibob } from './module.js';
export { DEFAULT_EMPLOYMENT_TYPE_FIELD, HIBOB_TOKENS, HiBobOptions } from './options.js';
export type { HiBobCompensationOptions, PayIssueHandling } from './readers/compensation.js';
export { SIGNATURE_HEADER, signHiBobWebhook, verifyHiBobSignature } from './webhooks.js';
// #endregion public-api
