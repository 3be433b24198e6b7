export * from './fault-kind.js';
export * from './fault-proxy.js';
export * from './skipping-clock.js';
