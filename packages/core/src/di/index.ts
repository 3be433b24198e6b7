export * from './connect-options.js';
export * from './connection.js';
export * from './create-hr-kit.js';
export * from './credentials.js';
export * from './define-provider.js';
export * from './environment.js';
export * from './provider-definition.js';
export * from './tokens.js';
