export * from './fields.js';
export * from './named-lists.js';
export * from './people.js';
export * from './tables.js';
export * from './time-off.js';
export * from './webhooks.js';
