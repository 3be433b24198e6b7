/** The adapter's parts, for its own tests: not a public API (package.json does not export this path). */
export * from './check.js';
export * from './client.js';
export * from './connector.js';
export * from './errors.js';
export * from './mapping/absence.js';
export * from './mapping/employee.js';
export * from './mapping/time-off-balance.js';
export * from './mapping/time-off-policy.js';
export * from './mapping/time-off-request.js';
export * from './raw/employee.js';
export * from './raw/page.js';
export * from './raw/time-off.js';
export * from './raw/webhook-event.js';
export * from './webhooks.js';
