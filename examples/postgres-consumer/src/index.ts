export * from './consumer.js';
export * from './directory.js';
