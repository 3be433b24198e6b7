export * from './generators/index.js';
export * from './sandbox-kit/index.js';
