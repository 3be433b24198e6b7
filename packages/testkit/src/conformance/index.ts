export * from './checks/index.js';
export * from './context.js';
export * from './describe-conformance.js';
export * from './options.js';
