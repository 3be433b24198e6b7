export * from './dates.js';
export * from './employment-type-rules.js';
export * from './labels.js';
export * from './bank-numbers.js';
