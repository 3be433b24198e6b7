export * from './company.js';
export * from './employees.js';
export * from './options.js';
export * from './records.js';
export * from './time-off.js';
