export * from './contract/v1/index.js';
export * from './check/probes.js';
export * from './di/index.js';
export * from './errors/index.js';
export * from './http/index.js';
export * from './model/index.js';
export * from './values/index.js';
export { VERSION } from './version.js';
