/** The public names, listed: what a consumer imports. Everything else is reachable through './internal.js' only. */
export { PERSONIO_CAPABILITIES } from './capabilities.js';
export { PERSONIO, PERSONIO_CREDENTIALS, PersonioConnectionConfig } from './config.js';
export { PERSONIO_EMPLOYMENT_TYPES } from './mapping/employee.js';
export { personio } from './module.js';
export { PersonioOptions } from './options.js';
export { PERSONIO_TOKEN_HEADER } from './webhooks.js';
