export * from './capabilities.js';
export * from './connector.js';
export * from './diagnostics.js';
export * from './options.js';
export * from './webhooks.js';
export * from './data-issues.js';
export * from './webhook-kit.js';
export * from './data-issues.js';
