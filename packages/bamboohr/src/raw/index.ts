export * from './changes.js';
export * from './report.js';
export * from './tables.js';
export * from './time-off.js';
export * from './values.js';
export * from './webhook.js';
