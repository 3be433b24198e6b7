export * from './sandbox-kit/index.js';
