export * from './driver.js';
export * from './private-files.js';
export * from './sqlite-store.js';
