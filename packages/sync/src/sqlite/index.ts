export * from './driver.js';
export * from './sqlite-store.js';
