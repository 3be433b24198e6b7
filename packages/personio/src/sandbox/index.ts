export * from './company.js';
export * from './server.js';
