export * from './errors.js';
export * from './redaction.js';
export * from './zod-errors.js';
export * from './copy-free.js';
