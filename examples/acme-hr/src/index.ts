// #region public-api
/** The public names, listed: what a consumer imports. Everything else is reachable through './internal.js' only. */
export { ACME_CAPABILITIES } from './capabilities.js';
export { ACME, ACME_CREDENTIALS, AcmeConnectionConfig } from './config.js';
export { ACME_EMPLOYMENT_TYPES } from './mapping/employee.js';
export { acme } from './module.js';
export { AcmeOptions } from './options.js';
export { ACME_SIGNATURE_HEADER, signAcmeBody } from './webhooks.js';
// #endregion public-api
