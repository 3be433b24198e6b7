export * from './contract/v1/index.js';
export * from './di/index.js';
export * from './errors/index.js';
export * from './http/index.js';
export * from './model/index.js';
export { VERSION } from './version.js';
