export * from './config.js';
export * from './connector.js';
export * from './module.js';
