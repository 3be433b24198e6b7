export * from './clock.js';
export * from './http-client.js';
export * from './logger.js';
export * from './network-policy.js';
export * from './pagination.js';
export * from './rate-limiter.js';
export * from './retry-policy.js';
export * from './path-safety.js';
