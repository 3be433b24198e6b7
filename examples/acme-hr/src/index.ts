export * from './client.js';
export * from './config.js';
export * from './connector.js';
export * from './mapping.js';
export * from './module.js';
export * from './raw.js';
export * from './webhooks.js';
